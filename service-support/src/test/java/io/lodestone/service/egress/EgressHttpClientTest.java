package io.lodestone.service.egress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.lodestone.testsupport.EndlessHttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The egress client against real servers on loopback (the only place tests connect to): the
 * connection goes to the address that was checked, a receiver that stalls costs at most the
 * deadline, and a refused destination is never connected to.
 */
class EgressHttpClientTest {

    private static final AddressPolicy LOOPBACK_ALLOWED = AddressPolicy.allowing(List.of("127.0.0.1/32"));

    private final List<String> served = new CopyOnWriteArrayList<>();
    private final HttpServer server = startServer();

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void connectsToTheCheckedAnswerAndRefusesARebindToAPrivateAddress() throws Exception {
        // Given a name whose first answer passes the check (loopback, allowed here in place of a
        // public address) and whose every later answer is private
        AtomicInteger lookups = new AtomicInteger();
        DnsResolver rebinding = resolver(host -> lookups.incrementAndGet() == 1 ? "127.0.0.1" : "10.0.0.1");
        try (EgressHttpClient client = EgressHttpClient.create(LOOPBACK_ALLOWED, rebinding, Duration.ofSeconds(5), Duration.ofSeconds(5), 1)) {
            // When it is called once, the connection goes to the answer that was checked
            String body = client.execute(new HttpGet("http://rebind.test:" + port() + "/first"), Duration.ofSeconds(5),
                    response -> EntityUtils.toString(response.getEntity()));
            assertThat(body).isEqualTo("ok /first");
            assertThat(lookups).hasValue(1);

            // Then a new connection looks the name up again, and the private answer is refused
            assertThatThrownBy(() -> client.execute(new HttpGet("http://rebind.test:" + port() + "/second"),
                    Duration.ofSeconds(5), response -> EntityUtils.toString(response.getEntity())))
                    .isInstanceOf(EgressRefusedException.class).hasMessageContaining("10.0.0.1");
        }
        assertThat(served).containsExactly("/first");
    }

    @Test
    void loopbackIsNeverConnectedToUnlessAllowed() {
        try (EgressHttpClient client = EgressHttpClient.create(AddressPolicy.publicOnly(), Duration.ofSeconds(5), 1)) {
            assertThatThrownBy(() -> client.execute(new HttpGet("http://127.0.0.1:" + port() + "/"), Duration.ofSeconds(5),
                    response -> response.getCode()))
                    .isInstanceOf(EgressRefusedException.class).hasMessageContaining("loopback");
        }
        assertThat(served).isEmpty();
    }

    @Test
    void receiverThatStallsAfterItsHeadersCostsAtMostTheDeadline() throws Exception {
        try (ServerSocket staller = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
             EgressHttpClient client = EgressHttpClient.create(LOOPBACK_ALLOWED, Duration.ofSeconds(30), 1)) {
            Thread stalling = new Thread(() -> stallAfterHeaders(staller));
            stalling.setDaemon(true);
            stalling.start();
            long started = System.nanoTime();

            assertThatThrownBy(() -> client.execute(new HttpGet("http://127.0.0.1:" + staller.getLocalPort() + "/"),
                    Duration.ofSeconds(1), response -> EntityUtils.toString(response.getEntity())))
                    .isInstanceOf(EgressHttpClient.DeadlineExceededException.class);

            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void bodyLeftUnreadIsNotDrainedButClosedOn() throws Exception {
        // Given servers that answer with a body without end, one with 200 and one with 500
        for (int status : new int[] {200, 500}) {
            try (EndlessHttpServer endless = EndlessHttpServer.start(status);
                 EgressHttpClient client = EgressHttpClient.create(LOOPBACK_ALLOWED, Duration.ofSeconds(30), 1)) {

                // When the handler reads a kilobyte of it (the 200) or none (the 500) and is done
                String answer = client.execute(new HttpGet(endless.uri("/")), Duration.ofSeconds(20), response -> {
                    if (response.getCode() != 200) {
                        return "HTTP " + response.getCode();
                    }
                    try (InputStream in = response.getEntity().getContent()) {
                        return "read " + in.readNBytes(1024).length;
                    }
                });

                // Then its answer stands: the rest is not read to the end or to the deadline
                assertThat(answer).isEqualTo(status == 200 ? "read 1024" : "HTTP 500");
            }
        }
    }

    /** Answers a status line and headers promising a body, then sends nothing more. */
    static void stallAfterHeaders(ServerSocket server) {
        List<Socket> held = new CopyOnWriteArrayList<>();
        try {
            while (!server.isClosed()) {
                Socket socket = server.accept();
                held.add(socket);
                InputStream in = socket.getInputStream();
                in.read(new byte[8192]);
                OutputStream out = socket.getOutputStream();
                out.write("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 1000\r\n\r\nok"
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
        } catch (IOException closed) {
            // the test is over
        }
    }

    private interface Answers {
        String answer(String host);
    }

    private static DnsResolver resolver(Answers answers) {
        return new DnsResolver() {
            @Override
            public InetAddress[] resolve(String host) throws java.net.UnknownHostException {
                return new InetAddress[] {InetAddress.getByName(answers.answer(host))};
            }

            @Override
            public String resolveCanonicalHostname(String host) {
                return host;
            }
        };
    }

    private int port() {
        return server.getAddress().getPort();
    }

    private HttpServer startServer() {
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            http.createContext("/", exchange -> {
                served.add(exchange.getRequestURI().getPath());
                byte[] body = ("ok " + exchange.getRequestURI().getPath()).getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Connection", "close");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            http.start();
            return http;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
