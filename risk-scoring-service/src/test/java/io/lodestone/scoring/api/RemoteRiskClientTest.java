package io.lodestone.scoring.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.lodestone.scoring.RiskScoringProperties;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** A query forwarded to an instance that does not answer is a 502 that does not say where that instance is. */
class RemoteRiskClientTest {

    @Test
    void anInstanceThatDoesNotAnswerIsA502WithoutItsAddress() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        RemoteRiskClient client = new RemoteRiskClient(new RiskScoringProperties(Duration.ofHours(1), 2.0,
                RiskScoringProperties.DEFAULT_SOURCE, Duration.ofSeconds(2), 1_000_000));

        ErrorResponseException error = catchThrowableOfType(ErrorResponseException.class,
                () -> client.detail(new HostInfo("127.0.0.1", closedPort), "Dy"));

        assertThat(error.getStatusCode()).isEqualTo(HttpStatus.BAD_GATEWAY);
        assertThat(error.getBody().getDetail()).isEqualTo(
                "Another instance of this service holds this element and did not answer; try again shortly.")
                .doesNotContain("127.0.0.1", String.valueOf(closedPort));
    }
}
