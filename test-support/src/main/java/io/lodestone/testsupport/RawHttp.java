package io.lodestone.testsupport;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket to a local port, with the request target sent byte for byte as
 * given. Client libraries normalise or re-encode paths ({@code //}, {@code ..}, {@code %61}), which
 * would hide exactly the path tricks a guard must refuse; this does not.
 */
public final class RawHttp {

    private static final int TIMEOUT_MILLIS = 30_000;

    private final int port;

    public RawHttp(int port) {
        this.port = port;
    }

    /** What came back: the status, the headers (names in lower case) and the body as text. */
    public record Response(int status, Map<String, String> headers, String body) {

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /** Sends one request; {@code headers} are written as given, {@code body} with a Content-Length. */
    public Response send(String method, String target, Map<String, String> headers, String body) {
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        Map<String, String> all = new LinkedHashMap<>(headers);
        if (body != null) {
            all.putIfAbsent("Content-Type", "application/json");
            all.put("Content-Length", Integer.toString(bytes.length));
        }
        return exchange(method, target, all, out -> out.write(bytes));
    }

    /** Sends headers only, claiming a body of {@code declaredLength} bytes of which none is sent. */
    public Response sendDeclaringLength(String method, String target, Map<String, String> headers, long declaredLength) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.putIfAbsent("Content-Type", "application/json");
        all.put("Content-Length", Long.toString(declaredLength));
        return exchange(method, target, all, out -> { });
    }

    /**
     * Sends a chunked body of {@code totalBytes} bytes of JSON string content, stopping early if the
     * server stops reading, and returns what it answered.
     */
    public Response sendChunked(String method, String target, Map<String, String> headers, long totalBytes) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.putIfAbsent("Content-Type", "application/json");
        all.put("Transfer-Encoding", "chunked");
        return exchange(method, target, all, out -> {
            byte[] chunk = "a".repeat(8192).getBytes(StandardCharsets.US_ASCII);
            writeChunk(out, "{\"text\":\"".getBytes(StandardCharsets.US_ASCII));
            try {
                for (long sent = 0; sent < totalBytes; sent += chunk.length) {
                    writeChunk(out, chunk);
                }
                writeChunk(out, "\"}".getBytes(StandardCharsets.US_ASCII));
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            } catch (SocketException serverStoppedReading) {
                // The server answered and closed before the whole body was sent: read its answer.
            }
        });
    }

    private static void writeChunk(OutputStream out, byte[] chunk) throws IOException {
        out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(chunk);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    private interface BodyWriter {
        void write(OutputStream out) throws IOException;
    }

    private Response exchange(String method, String target, Map<String, String> headers, BodyWriter body) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n");
            // the caller's own Host header, when it sends one, instead of the server's address
            if (headers.keySet().stream().noneMatch("Host"::equalsIgnoreCase)) {
                head.append("Host: 127.0.0.1:").append(port).append("\r\n");
            }
            head.append("Connection: close\r\n");
            headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
            out.write(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
            body.write(out);
            out.flush();
            return read(new BufferedInputStream(socket.getInputStream()));
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + target + " failed", e);
        }
    }

    /**
     * Reads one response: the head, then a body of its Content-Length, or its chunks, or up to the
     * end of the stream. It does not wait for the server to close, which a server may delay while
     * it discards a body it refused.
     */
    private static Response read(InputStream in) throws IOException {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        int end = -1;
        while (end < 0) {
            int b = readByte(in);
            if (b < 0) {
                throw new IOException("no complete HTTP response: '" + received.toString(StandardCharsets.ISO_8859_1) + "'");
            }
            received.write(b);
            end = received.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n") ? received.size() : -1;
        }
        String[] lines = received.toString(StandardCharsets.ISO_8859_1).strip().split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip());
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (headers.containsKey("content-length")) {
            long length = Long.parseLong(headers.get("content-length"));
            for (long i = 0; i < length; i++) {
                int b = readByte(in);
                if (b < 0) {
                    break;
                }
                body.write(b);
            }
        } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            readChunks(in, body);
        } else {
            for (int b; (b = readByte(in)) >= 0; ) {
                body.write(b);
            }
        }
        return new Response(status, headers, body.toString(StandardCharsets.UTF_8));
    }

    private static void readChunks(InputStream in, ByteArrayOutputStream body) throws IOException {
        while (true) {
            String sizeLine = readLine(in);
            int size = Integer.parseInt(sizeLine.split(";")[0].strip(), 16);
            if (size == 0) {
                return;
            }
            for (int i = 0; i < size; i++) {
                body.write(readByte(in));
            }
            readLine(in);
        }
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b; (b = readByte(in)) >= 0 && b != '\n'; ) {
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }

    /** One byte, or -1 at the end of the stream or when the server reset the connection after answering. */
    private static int readByte(InputStream in) throws IOException {
        try {
            return in.read();
        } catch (SocketException reset) {
            return -1;
        }
    }
}
