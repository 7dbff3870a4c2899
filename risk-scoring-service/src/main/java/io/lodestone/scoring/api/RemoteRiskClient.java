package io.lodestone.scoring.api;

import io.lodestone.scoring.RiskScoringProperties;
import java.net.http.HttpClient;
import java.util.List;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Asks another instance for elements it holds. Forwarded requests carry {@code scope=local}, so
 * the other instance answers from its own store and never forwards again.
 */
@Component
class RemoteRiskClient {

    private static final Logger log = LoggerFactory.getLogger(RemoteRiskClient.class);

    static final String LOCAL_SCOPE = "local";

    private final RestClient http;

    RemoteRiskClient(RiskScoringProperties properties) {
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(properties.forwardTimeout()).build());
        factory.setReadTimeout(properties.forwardTimeout());
        this.http = RestClient.builder().requestFactory(factory).build();
    }

    /**
     * @param authorization the caller's {@code Authorization} header, or null: passed on, so the other
     *                      instance charges a token holder's own budget rather than this instance's address
     */
    RiskDetail detail(HostInfo owner, String element, String authorization) {
        try {
            return http.get().uri(base(owner) + "/api/v1/risk/{symbol}?scope=" + LOCAL_SCOPE, element)
                    .headers(headers -> passOn(headers, authorization))
                    .retrieve().body(RiskDetail.class);
        } catch (RestClientException e) {
            throw unreachable(owner, e);
        }
    }

    List<RiskSummary> summaries(HostInfo owner, String authorization) {
        try {
            return http.get().uri(base(owner) + "/api/v1/risk?scope=" + LOCAL_SCOPE)
                    .headers(headers -> passOn(headers, authorization))
                    .retrieve().body(new ParameterizedTypeReference<List<RiskSummary>>() { });
        } catch (RestClientException e) {
            throw unreachable(owner, e);
        }
    }

    private static void passOn(HttpHeaders headers, String authorization) {
        if (authorization != null) {
            headers.set(HttpHeaders.AUTHORIZATION, authorization);
        }
    }

    private static String base(HostInfo owner) {
        return "http://" + owner.host() + ":" + owner.port();
    }

    /**
     * A 502 whose detail says what happened but not where: the caller may be anyone, and the
     * instance's address is the operators' to know (it is logged).
     */
    private static ErrorResponseException unreachable(HostInfo owner, Exception cause) {
        log.warn("The instance holding an element at {}:{} did not answer a forwarded query: {}", owner.host(),
                owner.port(), cause.toString());
        ErrorResponseException error = new ErrorResponseException(HttpStatus.BAD_GATEWAY, cause);
        error.setDetail("Another instance of this service holds this element and did not answer; try again shortly.");
        return error;
    }
}
