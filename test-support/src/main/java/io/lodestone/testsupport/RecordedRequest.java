package io.lodestone.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One HTTP request as a {@link RecordingHttpServer} received it.
 *
 * @param method     the HTTP method
 * @param path       the request path with its query string
 * @param headers    header names in lower case, with all their values
 * @param body       the raw body
 * @param receivedAt when the server received it
 */
public record RecordedRequest(String method, String path, Map<String, List<String>> headers, byte[] body,
                              Instant receivedAt) {

    /** The first value of a header, or null; the name is case-insensitive. */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase());
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    public String bodyAsString() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
