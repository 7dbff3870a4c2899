package io.lodestone.testsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * A feed or webhook server on loopback that never stops answering: it reads the request, promises
 * a huge body (100 GB) with the status it was given, and writes it as fast as the socket takes it
 * until the caller closes the connection. A client that reads on, or that drains what it left
 * unread so as to reuse the connection, is held until its deadline.
 */
public final class EndlessHttpServer implements AutoCloseable {

    private final ServerSocket server;
    private final int status;

    private EndlessHttpServer(int status) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.status = status;
        Thread writer = new Thread(this::answerForever, "endless-server");
        writer.setDaemon(true);
        writer.start();
    }

    /** Starts a server on a free loopback port that answers every request with {@code status}. */
    public static EndlessHttpServer start(int status) {
        try {
            return new EndlessHttpServer(status);
        } catch (IOException e) {
            throw new IllegalStateException("cannot open a loopback port", e);
        }
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getLocalPort() + path);
    }

    private void answerForever() {
        while (!server.isClosed()) {
            try (Socket socket = server.accept()) {
                socket.getInputStream().read(new byte[8192]);
                OutputStream out = socket.getOutputStream();
                out.write(("HTTP/1.1 " + status + " X\r\nContent-Type: text/plain\r\nContent-Length: 100000000000\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                byte[] chunk = new byte[16 * 1024];
                while (true) {
                    out.write(chunk);
                }
            } catch (IOException closed) {
                // the caller closed on it, or the server was closed: take the next one, or end
            }
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
