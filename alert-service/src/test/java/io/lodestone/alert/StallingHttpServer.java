package io.lodestone.alert;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A receiver on loopback that answers every request with a status line and headers promising a
 * body, and then sends nothing more while keeping the connection open: the receiver that once
 * held every other delivery back.
 */
final class StallingHttpServer implements AutoCloseable {

    private final ServerSocket server;
    private final List<Socket> held = new CopyOnWriteArrayList<>();

    private StallingHttpServer(ServerSocket server) {
        this.server = server;
        Thread acceptor = new Thread(this::serve, "stalling-receiver");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    static StallingHttpServer start() {
        try {
            return new StallingHttpServer(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getLocalPort() + path);
    }

    /** Requests that got their headers and are now waiting for a body that never comes. */
    int stalled() {
        return held.size();
    }

    private void serve() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                socket.getInputStream().read(new byte[64 * 1024]);
                OutputStream out = socket.getOutputStream();
                out.write("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 1000\r\n\r\nok"
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                held.add(socket);
            } catch (IOException closed) {
                // closing the server ends the loop
            }
        }
    }

    @Override
    public void close() {
        try {
            server.close();
            for (Socket socket : held) {
                socket.close();
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
