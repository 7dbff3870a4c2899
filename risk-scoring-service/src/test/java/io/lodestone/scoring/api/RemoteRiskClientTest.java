package io.lodestone.scoring.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.lodestone.scoring.RiskScoringProperties;
import java.net.InetAddress;
import java.net.ServerSocket;
import io.lodestone.testsupport.RecordedRequest;
import io.lodestone.testsupport.RecordingHttpServer;
import java.time.Duration;
import java.util.List;
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
                () -> client.detail(new HostInfo("127.0.0.1", closedPort), "Dy", null));

        assertThat(error.getStatusCode()).isEqualTo(HttpStatus.BAD_GATEWAY);
        assertThat(error.getBody().getDetail()).isEqualTo(
                "Another instance of this service holds this element and did not answer; try again shortly.")
                .doesNotContain("127.0.0.1", String.valueOf(closedPort));
    }

    @Test
    void aCallersTokenGoesWithTheForwardedQuerySoTheOtherInstanceChargesItsOwnBudget() {
        try (RecordingHttpServer owner = RecordingHttpServer.start()) {
            owner.respondByDefault(RecordingHttpServer.Response.ok("application/json", "[]"));
            RemoteRiskClient client = new RemoteRiskClient(new RiskScoringProperties(Duration.ofHours(1), 2.0,
                    RiskScoringProperties.DEFAULT_SOURCE, Duration.ofSeconds(2), 1_000_000));
            HostInfo host = new HostInfo("127.0.0.1", owner.uri("/").getPort());

            client.summaries(host, "Bearer reader-token");
            client.summaries(host, null);

            List<RecordedRequest> forwarded = owner.awaitRequests(2, Duration.ofSeconds(5));
            assertThat(forwarded.get(0).path()).isEqualTo("/api/v1/risk?scope=local");
            assertThat(forwarded.get(0).header("Authorization")).isEqualTo("Bearer reader-token");
            assertThat(forwarded.get(1).header("Authorization")).isNull();
        }
    }
}
