package io.lodestone.local;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * HTTP/1.1 over a plain socket, for requests no well-behaved client sends: a body of any size
 * streamed while the answer is read at the same time, so a server that answers 413 early and
 * closes is seen answering 413, not as a broken pipe.
 */
final class RawHttp {

    /** What came back: the status (or -1) and the first bytes of the answer, or what went wrong. */
    record Answer(int status, String head, String failure) {

        @Override
        public String toString() {
            return status > 0 ? head : "no HTTP answer: " + failure;
        }
    }

    private RawHttp() {
    }

    /**
     * POSTs {@code length} bytes: {@code prefix}, then filler up to the length. With {@code chunked}
     * the length is not announced (Transfer-Encoding: chunked).
     */
    static Answer post(int port, String path, String token, String prefix, long length, boolean chunked, Duration timeout) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 3000);
            socket.setSoTimeout((int) timeout.toMillis());
            InputStream in = socket.getInputStream();
            CompletableFuture<byte[]> reading = CompletableFuture.supplyAsync(() -> readHead(in));
            String failure = send(socket.getOutputStream(), port, path, token, prefix, length, chunked, reading);
            try {
                byte[] head = reading.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                String text = new String(head, StandardCharsets.ISO_8859_1);
                if (text.startsWith("HTTP/1.1 ")) {
                    return new Answer(Integer.parseInt(text.substring(9, 12)), text, null);
                }
                return new Answer(-1, text, failure == null ? "connection closed without an answer" : failure);
            } catch (ExecutionException | TimeoutException e) {
                return new Answer(-1, "", failure == null ? "no answer within " + timeout.toSeconds() + " s" : failure);
            }
        } catch (IOException e) {
            return new Answer(-1, "", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(-1, "", "interrupted");
        }
    }

    private static String send(OutputStream out, int port, String path, String token, String prefix, long length,
                               boolean chunked, CompletableFuture<byte[]> answered) {
        StringBuilder head = new StringBuilder("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
                + "\r\nContent-Type: application/json\r\n");
        if (token != null) {
            head.append("Authorization: Bearer ").append(token).append("\r\n");
        }
        head.append(chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + length + "\r\n").append("\r\n");
        byte[] filler = new byte[64 * 1024];
        java.util.Arrays.fill(filler, (byte) 'a');
        Instant started = Instant.now();
        try {
            out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
            byte[] first = prefix.getBytes(StandardCharsets.UTF_8);
            writePart(out, first, first.length, chunked);
            long sent = first.length;
            while (sent < length && !answered.isDone()) {
                int n = (int) Math.min(filler.length, length - sent);
                writePart(out, filler, n, chunked);
                sent += n;
            }
            if (chunked && !answered.isDone()) {
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.flush();
            return null;
        } catch (IOException e) {
            return e + " after " + Duration.between(started, Instant.now()).toMillis() + " ms";
        }
    }

    private static void writePart(OutputStream out, byte[] bytes, int n, boolean chunked) throws IOException {
        if (chunked) {
            out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        }
        out.write(bytes, 0, n);
        if (chunked) {
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
    }

    private static byte[] readHead(InputStream in) {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        try {
            int n;
            while (head.size() < 4096 && (n = in.read(buffer)) > 0) {
                head.write(buffer, 0, n);
                if (head.toString(StandardCharsets.ISO_8859_1).contains("\r\n\r\n")) {
                    break;
                }
            }
        } catch (SocketTimeoutException e) {
            // return what came
        } catch (IOException e) {
            // a reset after the answer still leaves the answer read
        }
        return head.toByteArray();
    }
}
