package io.lodestone.service.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lodestone.testsupport.RawHttp;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the services' shared defaults ({@code lodestone-service-defaults.yml}) do for a hostile
 * client, on a real server: a connection that never sends a request is closed after 10 s instead
 * of holding one of the connector's places for Tomcat's 60 s (idle sockets are the cheapest way to
 * fill them, and the rate limit only sees requests); a flood of half-sent requests holds at most
 * 1,000 connections (each holds its buffers on the heap; 5,000 had run a service out of memory);
 * there is no actuator index page to echo
 * the Host header a client sends; and a client cannot name its own address in a header.
 */
@SpringBootTest(classes = ServiceDefaultsTest.Server.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.import=classpath:lodestone-service-defaults.yml",
                "spring.cloud.stream.kafka.binder.brokers=127.0.0.1:1", "lodestone.api.tokens=defaults-token",
                // as when deployed: Spring Boot would then trust X-Forwarded-For from any private address
                "spring.main.cloud-platform=kubernetes"})
class ServiceDefaultsTest {

    @LocalServerPort
    int port;

    @Autowired
    Environment environment;

    @Test
    void aConnectionThatSendsNothingIsClosedByTheServer() throws Exception {
        try (Socket idle = new Socket("127.0.0.1", port)) {
            idle.setSoTimeout((int) Duration.ofSeconds(40).toMillis());
            Instant opened = Instant.now();
            InputStream in = idle.getInputStream();
            int read;
            try {
                read = in.read();
            } catch (SocketTimeoutException stillOpen) {
                throw new AssertionError("the server kept an idle connection open for 40 s");
            }
            assertThat(read).as("closed without an answer").isEqualTo(-1);
            assertThat(Duration.between(opened, Instant.now())).isGreaterThanOrEqualTo(Duration.ofSeconds(8));
        }
    }

    @Test
    void aFloodOfUnfinishedRequestsHoldsAtMostAThousandConnectionsAndTheServiceAnswersOnceTheyGo() throws Exception {
        // 5,000 such connections had run a 256 MB heap out of memory; Tomcat's own cap is 8,192
        List<Socket> flood = new ArrayList<>();
        try {
            for (int i = 0; i < 1_000; i++) {
                Socket socket = new Socket("127.0.0.1", port);
                socket.getOutputStream().write("GET /address HTTP/1.1\r\nHost: 127.0.0.1\r\n".getBytes(StandardCharsets.US_ASCII));
                flood.add(socket);
            }
            try (Socket late = new Socket("127.0.0.1", port)) {
                late.getOutputStream().write(("GET /actuator/health/liveness HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                        + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                late.setSoTimeout(2_000);
                InputStream in = late.getInputStream();
                assertThatThrownBy(in::read).as("answered while a thousand connections were open")
                        .isInstanceOf(SocketTimeoutException.class);

                for (Socket socket : flood) {
                    socket.close();
                }
                late.setSoTimeout(10_000);
                String answer = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
                assertThat(answer).startsWith("HTTP/1.1 200");
            }
        } finally {
            for (Socket socket : flood) {
                socket.close();
            }
        }
    }

    @Test
    void thereIsNoActuatorIndexToEchoTheHostHeader() throws Exception {
        RawHttp raw = new RawHttp(port);
        RawHttp.Response index = raw.send("GET", "/actuator", Map.of("Authorization", "Bearer defaults-token",
                "Host", "evil.example:1"), null);

        assertThat(index.status()).isEqualTo(404);
        assertThat(index.body()).doesNotContain("evil.example");
        assertThat(raw.send("GET", "/actuator/health/liveness", Map.of(), null).status()).isEqualTo(200);
    }

    @Test
    void everyKafkaConsumerGetsTheOneSessionTimeoutKafkasOwnByDefault() {
        // the local stack lowers it through LODESTONE_KAFKA_SESSION_TIMEOUT_MS; both kinds of
        // consumer (the binder's and Kafka Streams') must take the same setting
        assertThat(environment.getProperty("spring.cloud.stream.kafka.binder.consumer-properties.session.timeout.ms"))
                .isEqualTo("45000");
        assertThat(environment.getProperty("spring.cloud.stream.kafka.streams.binder.configuration.session.timeout.ms"))
                .isEqualTo("45000");
    }

    @Test
    void theClientsAddressIsThePeersEvenOnKubernetesWhateverHeaderItSends() throws Exception {
        RawHttp.Response seen = new RawHttp(port).send("GET", "/address", Map.of("Authorization", "Bearer defaults-token",
                "X-Forwarded-For", "198.51.100.7", "Forwarded", "for=198.51.100.8"), null);

        assertThat(seen.status()).isEqualTo(200);
        assertThat(seen.body()).isEqualTo("127.0.0.1");
    }

    @SpringBootApplication
    @RestController
    static class Server {

        /** The address the rate limit and the board streams would key this request on. */
        @GetMapping("/address")
        String address(HttpServletRequest request) {
            return request.getRemoteAddr();
        }
    }
}
