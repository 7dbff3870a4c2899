package io.lodestone.service.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * With the services' shared defaults, a connection that never sends a request is closed by the
 * server after 10 s instead of holding one of the connector's places for Tomcat's 60 s: idle
 * sockets are the cheapest way to fill them, and the rate limit only sees requests.
 */
@SpringBootTest(classes = IdleConnectionsTest.Server.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.import=classpath:lodestone-service-defaults.yml",
                "spring.cloud.stream.kafka.binder.brokers=127.0.0.1:1"})
class IdleConnectionsTest {

    @LocalServerPort
    int port;

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

    @SpringBootApplication
    static class Server {
    }
}
