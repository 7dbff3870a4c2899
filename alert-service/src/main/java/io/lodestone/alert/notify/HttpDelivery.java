package io.lodestone.alert.notify;

import io.lodestone.alert.AlertProperties;
import io.lodestone.service.egress.EgressHttpClient;
import io.lodestone.service.egress.EgressRefusedException;
import io.lodestone.service.egress.HttpUrls;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * POSTs a body to a Slack or webhook URL through the egress client: the host is resolved once,
 * every address is checked, and the connection goes to a checked address; redirects are not
 * followed (they could lead inside the network); connecting, the headers and the body together
 * must finish within {@code lodestone.alert.delivery.timeout}. A receiver that has not answered
 * completely by then is unreachable for this attempt, whatever status it had sent. The answer
 * becomes a {@link SendOutcome}; URLs never appear in outcomes, since Slack's are credentials.
 */
@Component
public class HttpDelivery implements DisposableBean {

    private static final int MAX_DETAIL = 200;

    private final Duration deadline;
    private final EgressHttpClient http;

    HttpDelivery(UrlGuard guard, AlertProperties properties) {
        this.deadline = properties.delivery().timeout();
        this.http = EgressHttpClient.create(guard.policy(), deadline, properties.delivery().maxPerHost());
    }

    /** The host a URL's deliveries go to, for bounding sends per receiver; null when it is no URL. */
    public static String hostOf(String url) {
        try {
            return HttpUrls.parse(url).getHost().toLowerCase(java.util.Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public SendOutcome post(String url, String contentType, byte[] body, Map<String, String> headers) {
        URI uri;
        try {
            uri = HttpUrls.parse(url);
        } catch (IllegalArgumentException e) {
            return new SendOutcome.Refused("destination refused: " + e.getMessage());
        }
        HttpPost request = new HttpPost(uri);
        request.setEntity(new ByteArrayEntity(body, ContentType.parse(contentType)));
        request.setHeader("User-Agent", "Lodestone-Alerts/1");
        headers.forEach(request::setHeader);
        try {
            return http.execute(request, deadline, HttpDelivery::outcome);
        } catch (EgressRefusedException e) {
            return new SendOutcome.Refused("destination refused: " + e.getMessage());
        } catch (UnknownHostException e) {
            return new SendOutcome.Unreachable("host " + uri.getHost() + " does not resolve");
        } catch (IOException e) {
            return new SendOutcome.Unreachable(e.getClass().getSimpleName() + scrubbed(e.getMessage(), uri));
        }
    }

    private static SendOutcome outcome(ClassicHttpResponse response) throws IOException {
        String answer = "";
        if (response.getEntity() != null) {
            try (InputStream in = response.getEntity().getContent()) {
                // a receiver's answer is only quoted in the attempt log: never read more than that
                answer = new String(in.readNBytes(MAX_DETAIL * 4), StandardCharsets.UTF_8);
            }
        }
        int status = response.getCode();
        if (status >= 200 && status < 300) {
            return new SendOutcome.Delivered("HTTP " + status);
        }
        Header header = response.getFirstHeader("Retry-After");
        Duration retryAfter = header == null ? null : retryAfter(header.getValue(), Instant.now());
        return new SendOutcome.Rejected(status, retryAfter, "HTTP " + status + abbreviate(answer));
    }

    /** {@code Retry-After} as delay-seconds or an HTTP date; null when unreadable. */
    static Duration retryAfter(String value, Instant now) {
        String text = value.trim();
        try {
            long seconds = Long.parseLong(text);
            return seconds < 0 ? null : Duration.ofSeconds(seconds);
        } catch (NumberFormatException notSeconds) {
            try {
                Duration until = Duration.between(now, ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME));
                return until.isNegative() ? Duration.ZERO : until;
            } catch (DateTimeParseException notDate) {
                return null;
            }
        }
    }

    /** A transport error's message without the URL's path and query, which may be the credential. */
    private static String scrubbed(String message, URI uri) {
        if (message == null) {
            return "";
        }
        String text = message.replace(uri.toString(), "<url>");
        if (uri.getRawPath() != null && uri.getRawPath().length() > 1) {
            text = text.replace(uri.getRawPath(), "/…");
        }
        return abbreviate(text);
    }

    private static String abbreviate(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        String line = text.strip().replaceAll("\\s+", " ");
        return ": " + (line.length() > MAX_DETAIL ? line.substring(0, MAX_DETAIL) + "…" : line);
    }

    @Override
    public void destroy() {
        http.close();
    }
}
