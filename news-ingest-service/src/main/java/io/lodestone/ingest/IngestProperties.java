package io.lodestone.ingest;

import io.lodestone.ingest.dedupe.LinkRules;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Configuration of news-ingest-service ({@code lodestone.ingest.*}). Invalid configuration stops
 * the service at start-up with a message naming the property.
 *
 * @param poll         whether configured sources are polled (off for a bulk import run)
 * @param dedupeWindow how far apart in publication time two reports can be and still be one story;
 *                     stories inactive this long before the latest dated report are forgotten
 * @param maxStories   how many stories the story stage remembers at most (the least recently active go first)
 * @param http         limits for fetching sources
 * @param sources      the sources to poll
 */
@ConfigurationProperties("lodestone.ingest")
@Validated
public record IngestProperties(
        @DefaultValue("true") boolean poll,
        @DefaultValue("P7D") @NotNull Duration dedupeWindow,
        @DefaultValue("" + LinkRules.DEFAULT_MAX_STORIES) @Min(1) int maxStories,
        @DefaultValue @Valid Http http,
        @Valid List<Source> sources) {

    public IngestProperties {
        sources = sources == null ? List.of() : List.copyOf(sources);
        Set<String> ids = new HashSet<>();
        for (Source source : sources) {
            if (!ids.add(source.id())) {
                throw new IllegalArgumentException("lodestone.ingest.sources: id '" + source.id() + "' is used twice");
            }
        }
    }

    /**
     * @param connectTimeout time to open a connection to a source
     * @param readTimeout    time for a source to answer completely
     * @param maxBodySize    larger responses (after decompression) are refused, not parsed
     * @param maxBackoff     longest wait between polls of a failing source
     * @param userAgent      sent with every request, so publishers can tell who is polling
     * @param redirectAllowedCidrs private or loopback ranges a source may still redirect to (e.g.
     *                       {@code 127.0.0.0/8} for a local run); redirects anywhere else must lead to
     *                       public addresses, checked on the address actually connected to
     */
    public record Http(
            @DefaultValue("PT5S") @NotNull Duration connectTimeout,
            @DefaultValue("PT20S") @NotNull Duration readTimeout,
            @DefaultValue("5MB") @NotNull DataSize maxBodySize,
            @DefaultValue("PT6H") @NotNull Duration maxBackoff,
            @DefaultValue("Lodestone-news-ingest/0.1") @NotBlank String userAgent,
            @DefaultValue List<String> redirectAllowedCidrs) {
    }

    /** What a source is: a feed (RSS 2.0 or Atom) or a JSON API mapped by JSON pointers. */
    public enum Kind {
        FEED,
        JSON
    }

    /**
     * @param id           short stable name, used in event ids, metrics and logs
     * @param kind         FEED or JSON
     * @param url          where to poll
     * @param pollInterval time between polls while the source is healthy
     * @param enabled      false keeps the source configured but not polled
     * @param language     the source's language when it does not say ({@code en}, {@code zh-Hans})
     * @param json         how to map a JSON API's items; required for kind JSON
     */
    public record Source(
            @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9._-]{0,62}", message = "must be lower-case letters, digits, '.', '_' or '-'") String id,
            @NotNull Kind kind,
            @NotNull URI url,
            @DefaultValue("PT15M") @NotNull Duration pollInterval,
            @DefaultValue("true") boolean enabled,
            String language,
            @Valid JsonMapping json) {

        public Source {
            if (kind == Kind.JSON && json == null) {
                throw new IllegalArgumentException("lodestone.ingest.sources[" + id + "]: kind JSON needs a 'json' mapping");
            }
            if (url != null && !("http".equals(url.getScheme()) || "https".equals(url.getScheme()))) {
                throw new IllegalArgumentException("lodestone.ingest.sources[" + id + "]: url must be http or https");
            }
        }
    }

    /**
     * JSON pointers (RFC 6901) that map a JSON API's response to items. {@code items} points at
     * the array of items in the response; the others are relative to one item.
     */
    public record JsonMapping(
            @NotBlank String items,
            @NotBlank String id,
            @NotBlank String title,
            String text,
            String url,
            String publishedAt) {

        public Map<String, String> fieldPointers() {
            Map<String, String> pointers = new java.util.LinkedHashMap<>();
            pointers.put("id", id);
            pointers.put("title", title);
            if (text != null) {
                pointers.put("text", text);
            }
            if (url != null) {
                pointers.put("url", url);
            }
            if (publishedAt != null) {
                pointers.put("publishedAt", publishedAt);
            }
            return pointers;
        }
    }
}
