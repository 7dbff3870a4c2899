package io.lodestone.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A webhook receiver on loopback that misbehaves in the worst way for a sender: it reads the
 * request, answers the status line and headers at once (promising a body), and then sends nothing
 * more and never closes the connection. A sender that waits for the body without an overall
 * deadline waits forever.
 */
public final class StallingHttpServer implements AutoCloseable {

    private final ServerSocket server;
    private final List<Socket> held = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    private StallingHttpServer() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::acceptForever, "stalling-receiver");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Starts a receiver on a free loopback port. */
    public static StallingHttpServer start() {
        try {
            return new StallingHttpServer();
        } catch (IOException e) {
            throw new IllegalStateException("cannot open a loopback port", e);
        }
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getLocalPort() + path);
    }

    /** Connections that got headers and are being held. */
    public int stalled() {
        return held.size();
    }

    private void acceptForever() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                readHeaders(socket.getInputStream());
                OutputStream out = socket.getOutputStream();
                out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 1048576\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                held.add(socket);
            } catch (IOException e) {
                if (server.isClosed()) {
                    return;
                }
            }
        }
    }

    private static void readHeaders(InputStream in) throws IOException {
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < end.length) {
            int b = in.read();
            if (b < 0) {
                return;
            }
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        for (Socket socket : held) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // the sender sees the connection end, which is the point
            }
        }
    }
}
