package io.lodestone.alert.notify;

import io.lodestone.alert.AlertProperties;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * POSTs a body to a Slack or webhook URL: the URL is checked against the egress rules first,
 * redirects are not followed (they could lead inside the network), and the answer becomes a
 * {@link SendOutcome}. URLs never appear in outcomes, since Slack's are credentials.
 */
@Component
public class HttpDelivery {

    private static final int MAX_DETAIL = 200;

    private final UrlGuard guard;
    private final Duration timeout;
    private final HttpClient http;

    HttpDelivery(UrlGuard guard, AlertProperties properties) {
        this.guard = guard;
        this.timeout = properties.delivery().timeout();
        this.http = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public SendOutcome post(String url, String contentType, byte[] body, Map<String, String> headers) {
        URI uri;
        try {
            uri = guard.check(url);
        } catch (UrlGuard.RefusedDestinationException e) {
            return new SendOutcome.Refused("destination refused: " + e.getMessage());
        } catch (UrlGuard.UnresolvedHostException e) {
            return new SendOutcome.Unreachable(e.getMessage());
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Content-Type", contentType)
                .header("User-Agent", "Lodestone-Alerts/1")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        try {
            HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            String answer;
            try (InputStream in = response.body()) {
                // a receiver's answer is only quoted in the attempt log: never read more than that
                answer = new String(in.readNBytes(MAX_DETAIL * 4), StandardCharsets.UTF_8);
            }
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return new SendOutcome.Delivered("HTTP " + status);
            }
            Duration retryAfter = response.headers().firstValue("Retry-After")
                    .map(value -> retryAfter(value, Instant.now())).orElse(null);
            return new SendOutcome.Rejected(status, retryAfter, "HTTP " + status + abbreviate(answer));
        } catch (IOException e) {
            return new SendOutcome.Unreachable(e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + abbreviate(e.getMessage().replace(uri.toString(), "<url>"))));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new SendOutcome.Unreachable("interrupted");
        }
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

    private static String abbreviate(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        String line = text.strip().replaceAll("\\s+", " ");
        return ": " + (line.length() > MAX_DETAIL ? line.substring(0, MAX_DETAIL) + "…" : line);
    }
}
