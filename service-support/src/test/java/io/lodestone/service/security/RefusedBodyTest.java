package io.lodestone.service.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestone.testsupport.RawHttp;
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
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A client without a token declares a large body, sends one byte of it and stalls, again and again
 * on new connections. Tomcat used to drain the rest of each refused body on the same worker thread,
 * outside the client's share of requests in progress, so four such connections took the four
 * threads of this server and an authorised client was not answered. Now each refusal is answered
 * at once; the rest of the body is read only while the request counts against the client's share
 * (two here), and a body still unread closes the connection.
 */
@SpringBootTest(classes = RateLimitTest.LimitedApi.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"lodestone.api.tokens=t-other", "lodestone.api.rate-limit.per-second=100",
                "lodestone.api.rate-limit.burst=1000", "lodestone.api.rate-limit.max-concurrent=2",
                "server.tomcat.threads.max=4", "server.tomcat.threads.min-spare=1",
                "server.tomcat.connection-timeout=20s"})
class RefusedBodyTest {

    private static final String STALLED_REQUEST = "POST /api/v1/sign-in HTTP/1.1\r\nHost: localhost\r\n"
            + "Content-Type: application/json\r\nContent-Length: 100000\r\n\r\n{";

    @LocalServerPort
    int port;

    @Test
    void refusedRequestsWhoseBodiesStallHoldNoMoreThanTheClientsShareAndOthersAreStillServed() throws Exception {
        List<Socket> stalled = new ArrayList<>();
        try {
            List<String> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
                socket.setSoTimeout(3_000);
                stalled.add(socket);
                OutputStream out = socket.getOutputStream();
                out.write(STALLED_REQUEST.getBytes(StandardCharsets.US_ASCII));
                out.flush();
                answers.add(answer(socket.getInputStream()));
            }

            // every stalled request was refused at once (401; 429 once the client holds its two);
            // only the client's share of connections is still being read, the others are closed
            assertThat(answers).allMatch(answer -> answer.startsWith("HTTP/1.1 401") || answer.startsWith("HTTP/1.1 429"));
            assertThat(answers.stream().filter(answer -> answer.endsWith("open"))).hasSizeLessThanOrEqualTo(2);
            // a client with a token is answered at once, however many bodies are still owed
            CompletableFuture<Integer> other = CompletableFuture.supplyAsync(() -> new RawHttp(port)
                    .send("GET", "/api/v1/things", Map.of("Authorization", "Bearer t-other"), null).status());
            assertThat(other.get(5, TimeUnit.SECONDS)).isEqualTo(200);
        } finally {
            for (Socket socket : stalled) {
                socket.close();
            }
        }
    }

    @Test
    void anAcceptedRequestKeepsItsConnectionForTheNext() throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(3_000);
            OutputStream out = socket.getOutputStream();
            String request = "POST /api/v1/sign-in HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer t-other\r\n"
                    + "Content-Type: application/json\r\nContent-Length: 2\r\n\r\n{}";
            out.write((request + request).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            StringBuilder both = new StringBuilder();
            byte[] buffer = new byte[4_096];
            while (both.toString().split("signed in", -1).length < 3) {
                int read = socket.getInputStream().read(buffer);
                assertThat(read).as("the server closed the connection after: %s", both).isPositive();
                both.append(new String(buffer, 0, read, StandardCharsets.US_ASCII));
            }
            // both requests answered on the one connection, the first without "Connection: close"
            assertThat(both.toString().split("HTTP/1.1 200", -1)).hasSize(3);
            assertThat(both.toString()).doesNotContainIgnoringCase("connection: close");
        }
    }

    /** The status line, then "closed" when the server ends the connection after the answer, else "open". */
    private static String answer(InputStream in) throws Exception {
        String status;
        try {
            status = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
        } catch (SocketTimeoutException noThreadLeft) {
            return "no answer";
        }
        try {
            while (in.read() >= 0) {
                // the rest of the answer
            }
            return status + " closed";
        } catch (SocketTimeoutException stillOpen) {
            return status + " open";
        }
    }
}
