package io.lodestone.service.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestone.testsupport.RawHttp;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Bodies nobody reads, sent by a hostile client over real sockets to a server of four threads that
 * gives each client two requests in progress. A client without a token declares a large body,
 * sends a byte of it and stalls, on connection after connection: each request is refused at once,
 * and Tomcat used to drain the rest of each body afterwards on the same thread, outside the client's
 * share, so four such connections took every thread and a client with a token went unanswered.
 */
@SpringBootTest(classes = RateLimitTest.LimitedApi.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.import=classpath:lodestone-service-defaults.yml",
                "lodestone.api.tokens=t-other,t-check", "lodestone.api.rate-limit.per-second=100",
                "lodestone.api.rate-limit.burst=1000", "lodestone.api.rate-limit.max-concurrent=2",
                "server.tomcat.threads.max=4", "server.tomcat.threads.min-spare=1",
                "server.tomcat.connection-timeout=20s"})
class UnreadBodyTest {

    @LocalServerPort
    int port;

    /**
     * Refused without a token (POST, and PUT with a form body that Spring would parse before
     * anything else), a probe's path sent with a body, a GET answered without reading its body.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "POST /api/v1/sign-in HTTP/1.1\r\nContent-Type: application/json\r\n",
            "PUT /api/v1/things HTTP/1.1\r\nContent-Type: application/x-www-form-urlencoded\r\n",
            "GET /actuator/health HTTP/1.1\r\n",
            "GET /api/v1/things HTTP/1.1\r\nAuthorization: Bearer t-other\r\n"})
    void stalledBodiesHoldNoMoreThanTheirClientsShareAndOthersAreStillAnswered(String requestHead) throws Exception {
        List<Socket> stalled = new ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
                stalled.add(socket);
                OutputStream out = socket.getOutputStream();
                out.write((requestHead + "Host: localhost\r\nContent-Length: 100000\r\n\r\na")
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
            // another client is answered at once, however many bodies are still owed, and so is the probe
            CompletableFuture<Integer> other = CompletableFuture.supplyAsync(() -> new RawHttp(port)
                    .send("GET", "/api/v1/things", Map.of("Authorization", "Bearer t-check"), null).status());
            assertThat(other.get(5, TimeUnit.SECONDS)).isEqualTo(200);
            CompletableFuture<Integer> probe = CompletableFuture.supplyAsync(() -> new RawHttp(port)
                    .send("GET", "/actuator/health", Map.of(), null).status());
            assertThat(probe.get(5, TimeUnit.SECONDS)).isEqualTo(200);
        } finally {
            for (Socket socket : stalled) {
                socket.close();
            }
        }
    }

    @Test
    void aClientOverItsShareIsToldItsConnectionClosesAndItsBodyIsNotWaitedFor() throws Exception {
        List<Socket> stalled = new ArrayList<>();
        try {
            // two stalled bodies hold the client's share of two: each is answered at once, and its
            // body is then waited for while the share stays taken
            for (int i = 0; i < 2; i++) {
                Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
                socket.setSoTimeout(5_000);
                stalled.add(socket);
                socket.getOutputStream().write(("POST /api/v1/sign-in HTTP/1.1\r\nHost: localhost\r\n"
                        + "Content-Length: 100000\r\n\r\na").getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                assertThat(new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII))
                        .isEqualTo("HTTP/1.1 401");
            }
            try (Socket third = new Socket(InetAddress.getLoopbackAddress(), port)) {
                third.setSoTimeout(5_000);
                third.getOutputStream().write(("POST /api/v1/sign-in HTTP/1.1\r\nHost: localhost\r\n"
                        + "Content-Length: 100000\r\n\r\na").getBytes(StandardCharsets.US_ASCII));
                third.getOutputStream().flush();
                // the whole answer, then the end of the connection, without the rest of the body
                String answer = new String(third.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
                assertThat(answer).startsWith("HTTP/1.1 429").containsIgnoringCase("connection: close")
                        .contains("requests in progress");
            }
        } finally {
            for (Socket socket : stalled) {
                socket.close();
            }
        }
    }

    @Test
    void aRefusedBodyTrickledAByteAtATimeIsNotWaitedForLong() throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(200);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/sign-in HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 100000\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            long started = System.nanoTime();
            boolean closed = false;
            // a byte every 100 ms: no read ever times out, and before, Tomcat read on for hours
            while (!closed && System.nanoTime() - started < TimeUnit.SECONDS.toNanos(15)) {
                try {
                    out.write('a');
                    out.flush();
                } catch (IOException reset) {
                    closed = true;
                }
                closed |= readFor(socket.getInputStream(), answer);
            }
            assertThat(answer.toString(StandardCharsets.US_ASCII)).startsWith("HTTP/1.1 401")
                    .containsIgnoringCase("connection: close");
            assertThat(closed).as("the server ended the connection within 15 s").isTrue();
        }
    }

    @Test
    void aRefusedBodySentInFullGetsItsWholeAnswer() throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(5_000);
            String body = "{\"padding\":\"" + "a".repeat(200_000) + "\"}";
            OutputStream out = socket.getOutputStream();
            CompletableFuture<byte[]> answer = CompletableFuture.supplyAsync(() -> readToEnd(socket));
            out.write(("POST /api/v1/sign-in HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + body.length() + "\r\n\r\n" + body).getBytes(StandardCharsets.US_ASCII));
            out.flush();

            String text = new String(answer.get(10, TimeUnit.SECONDS), StandardCharsets.US_ASCII);
            assertThat(text).startsWith("HTTP/1.1 401").containsIgnoringCase("connection: close")
                    .contains("application/problem+json").contains("\"status\":401");
        }
    }

    @Test
    void anAcceptedRequestWhoseBodyWasReadKeepsItsConnectionForTheNext() throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(3_000);
            String request = "POST /api/v1/echo HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer t-other\r\n"
                    + "Content-Type: text/plain\r\nContent-Length: 5\r\n\r\nhello";
            OutputStream out = socket.getOutputStream();
            out.write((request + request).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            StringBuilder both = new StringBuilder();
            byte[] buffer = new byte[4_096];
            while (both.toString().split("echo: hello", -1).length < 3) {
                int read = socket.getInputStream().read(buffer);
                assertThat(read).as("the server closed the connection after: %s", both).isPositive();
                both.append(new String(buffer, 0, read, StandardCharsets.US_ASCII));
            }
            assertThat(both.toString().split("HTTP/1.1 200", -1)).hasSize(3);
            assertThat(both.toString()).doesNotContainIgnoringCase("connection: close");
        }
    }

    /** Reads what arrives within the socket's timeout; true once the server has closed. */
    private static boolean readFor(InputStream in, ByteArrayOutputStream into) throws IOException {
        byte[] buffer = new byte[4_096];
        try {
            int read = in.read(buffer);
            if (read < 0) {
                return true;
            }
            into.write(buffer, 0, read);
            return false;
        } catch (SocketTimeoutException quiet) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    private static byte[] readToEnd(Socket socket) {
        try {
            return socket.getInputStream().readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
