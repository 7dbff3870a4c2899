package io.lodestone.ingest;

import io.lodestone.ingest.dedupe.LinkRules;
import io.lodestone.service.egress.HttpUrls;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
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
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
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
 * @param sources      the sources to poll, besides the built-in catalogue's; an id here replaces the
 *                     catalogue entry with the same id
 * @param catalogue    whether the built-in catalogue of publishers is polled, and which of its entries not
 * @param measures     whether the dataset of measures in force is published at start
 * @param maxAddedSources how many sources may be added through the API at most (configured and
 *                     catalogue sources do not count): each is polled on its own schedule, so a
 *                     client adding without end would have the service fetch without end. Past it
 *                     an add is a 409 problem naming this limit and its property
 */
@ConfigurationProperties("lodestone.ingest")
@Validated
public record IngestProperties(
        @DefaultValue("true") boolean poll,
        @DefaultValue("P7D") @NotNull Duration dedupeWindow,
        @DefaultValue("" + LinkRules.DEFAULT_MAX_STORIES) @Min(1) int maxStories,
        @DefaultValue @Valid Http http,
        @Valid List<Source> sources,
        @DefaultValue @Valid Catalogue catalogue,
        @DefaultValue @Valid Measures measures,
        @DefaultValue("" + IngestProperties.DEFAULT_MAX_ADDED_SOURCES) @Min(1) int maxAddedSources) {

    /** The default of {@code lodestone.ingest.max-added-sources}. */
    public static final int DEFAULT_MAX_ADDED_SOURCES = 200;

    @ConstructorBinding
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
     * @param redirectAllowedCidrs private or loopback ranges that redirects, pages on other origins,
     *                       added sources and configured sources named by a hostname may still
     *                       reach (e.g. {@code 127.0.0.0/8} for a local run, or an internal feed
     *                       server's range); anywhere else they must lead to public addresses,
     *                       checked on the address actually connected to. A configured URL that
     *                       is an IP literal is fetched at that address.
     */
    public record Http(
            @DefaultValue("PT5S") @NotNull Duration connectTimeout,
            @DefaultValue("PT20S") @NotNull Duration readTimeout,
            @DefaultValue("5MB") @NotNull DataSize maxBodySize,
            @DefaultValue("PT6H") @NotNull Duration maxBackoff,
            @DefaultValue("Lodestone-news-ingest/0.1") @NotBlank String userAgent,
            @DefaultValue List<String> redirectAllowedCidrs,
            @DefaultValue(DEFAULT_PER_HOST_INTERVAL) @NotNull Duration perHostInterval,
            @DefaultValue(DEFAULT_ROBOTS_CACHE_TTL) @NotNull Duration robotsCacheTtl) {

        /** Two requests to one publisher's host at least this far apart. */
        public static final String DEFAULT_PER_HOST_INTERVAL = "PT2S";
        /** How long one host's robots.txt is trusted before it is fetched again. */
        public static final String DEFAULT_ROBOTS_CACHE_TTL = "PT24H";
    }

    /**
     * @param enabled   whether the built-in catalogue ({@code classpath:sources/catalogue.yml}) is
     *                  polled besides the configured sources ({@code LODESTONE_INGEST_CATALOGUE});
     *                  off by default so tests and embedded uses poll nothing they did not ask for
     * @param location  where the catalogue is read from
     * @param disabled  ids of catalogue entries to leave out
     */
    public record Catalogue(
            @DefaultValue("false") boolean enabled,
            @DefaultValue(DEFAULT_LOCATION) @NotBlank String location,
            @DefaultValue List<String> disabled) {

        public static final String DEFAULT_LOCATION = "classpath:sources/catalogue.yml";
    }

    /** Without the measures' settings (not replayed at start): for code that builds its own configuration. */
    public IngestProperties(boolean poll, Duration dedupeWindow, int maxStories, Http http, List<Source> sources,
                            Catalogue catalogue) {
        this(poll, dedupeWindow, maxStories, http, sources, catalogue, new Measures(false, Duration.parse(Measures.DEFAULT_TIMEOUT)),
                DEFAULT_MAX_ADDED_SOURCES);
    }

    /**
     * @param replayAtStart whether the service publishes, when it starts, the entries of the dataset of
     *                      measures in force that {@code supply.events.v1} does not hold yet
     *                      ({@code LODESTONE_INGEST_MEASURES_AT_START}); on in the local stack,
     *                      docker-compose and k8s, off by default so tests and embedded uses publish
     *                      nothing they did not ask for
     * @param timeout       how long the replay may take (reading the topic's ids, publishing) before it
     *                      gives up until the next start or the {@code seed} command
     */
    public record Measures(
            @DefaultValue("false") boolean replayAtStart,
            @DefaultValue(Measures.DEFAULT_TIMEOUT) @NotNull Duration timeout) {

        public static final String DEFAULT_TIMEOUT = "PT2M";
    }

    /**
     * What a source is: a feed (RSS 2.0 or Atom), a JSON API mapped by JSON pointers, or a page
     * listing notices that link to detail pages ({@code html-list}), read with CSS selectors.
     */
    public enum Kind {
        FEED,
        JSON,
        HTML_LIST
    }

    /**
     * @param id           short stable name, used in event ids, metrics and logs
     * @param kind         FEED or JSON
     * @param url          where to poll
     * @param pollInterval time between polls while the source is healthy, at least a second (zero or less
     *                     would poll again the moment a poll ends, for as long as the source is kept) and
     *                     at most 30 days
     * @param enabled      false keeps the source configured but not polled
     * @param language     the source's language when it does not say ({@code en}, {@code zh-Hans})
     * @param json         how to map a JSON API's items; required for kind JSON
     * @param publisher    who publishes it, as people know them (shown in the source status)
     * @param html         how to read a notice list and its detail pages; required for kind HTML_LIST
     */
    public record Source(
            @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9._-]{0,62}", message = "must be lower-case letters, digits, '.', '_' or '-'") String id,
            @NotNull Kind kind,
            @NotNull URI url,
            @DefaultValue("PT15M") @NotNull @DurationMin(seconds = 1) @DurationMax(days = 30) Duration pollInterval,
            @DefaultValue("true") boolean enabled,
            String language,
            @Valid JsonMapping json,
            String publisher,
            @Valid HtmlMapping html) {

        public Source {
            if (kind == Kind.JSON && json == null) {
                throw new InvalidSourceException(id, "json", "kind JSON needs a 'json' mapping");
            }
            if (kind == Kind.HTML_LIST && html == null) {
                throw new InvalidSourceException(id, "html", "kind HTML_LIST needs an 'html' mapping");
            }
            if (url != null && !("http".equals(url.getScheme()) || "https".equals(url.getScheme()))) {
                throw new InvalidSourceException(id, "url", "url must be http or https");
            }
            if (url != null) {
                try {
                    HttpUrls.parse(url.toString());
                } catch (IllegalArgumentException e) {
                    throw new InvalidSourceException(id, "url", "url " + e.getMessage());
                }
            }
        }

        /** The same source, polled or not. */
        public Source withEnabled(boolean polled) {
            return new Source(id, kind, url, pollInterval, polled, language, json, publisher, html);
        }
    }

    /**
     * A source definition whose fields contradict each other, naming the field at fault, so the
     * start-up message and the API's problem detail can both point at it.
     */
    public static final class InvalidSourceException extends IllegalArgumentException {

        private final String field;
        private final String problem;

        InvalidSourceException(String id, String field, String problem) {
            super("lodestone.ingest.sources[" + id + "]: " + problem);
            this.field = field;
            this.problem = problem;
        }

        /** The field at fault, as written in configuration and JSON ({@code url}, {@code html}). */
        public String field() {
            return field;
        }

        /** What is wrong with it, without the source's name. */
        public String problem() {
            return problem;
        }
    }

    /**
     * JSON pointers (RFC 6901) that map a JSON API's response to items. {@code items} points at
     * the array of items in the response; the others are relative to one item.
     * {@code publishedAtPattern} reads a date the API writes in its own way (GDELT's
     * {@code 20251009T081500Z} is {@code yyyyMMdd'T'HHmmss'Z'}, read as UTC); without it the date
     * must be RFC 3339 or a plain date.
     */
    public record JsonMapping(
            @NotBlank String items,
            @NotBlank String id,
            @NotBlank String title,
            String text,
            String url,
            String publishedAt,
            String publishedAtPattern) {

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

    /**
     * CSS selectors (jsoup) that read a page listing notices. {@code item} selects each notice on
     * the list page; {@code title}, {@code link} and {@code date} are relative to one notice.
     *
     * @param item        one element per notice on the list page
     * @param title       the notice's title; its text is used
     * @param link        the element whose {@code href} leads to the notice (default: the first link in the notice)
     * @param date        the element holding the notice's date; without it notices are undated
     * @param datePattern how that date is written ({@link java.time.format.DateTimeFormatter} pattern), found anywhere in the element's text
     * @param zone        the publisher's time zone, for dates without one
     * @param body        the notice text on the detail page (default: the whole body)
     * @param nextPage    the link to the next (older) list page, followed while every notice seen is new
     * @param maxPages    list pages read at most in one poll
     * @param maxNew      detail pages fetched at most in one poll; the rest wait for the next poll
     * @param listUnit    for pages whose list is loaded by a script (TRS-style sites such as MOFCOM and MIIT):
     *                    the element carrying the {@code url} and {@code querydata} attributes of the request
     *                    that answers the list, as JSON with the list's HTML at {@code /data/html}
     */
    public record HtmlMapping(
            @NotBlank String item,
            @NotBlank String title,
            @DefaultValue(DEFAULT_LINK) @NotBlank String link,
            String date,
            @DefaultValue(DEFAULT_DATE_PATTERN) @NotBlank String datePattern,
            @DefaultValue("UTC") @NotNull java.time.ZoneId zone,
            @DefaultValue(DEFAULT_BODY) @NotBlank String body,
            String nextPage,
            @DefaultValue("3") @Min(1) @Max(MAX_PAGES) int maxPages,
            @DefaultValue("20") @Min(1) @Max(MAX_NEW) int maxNew,
            String listUnit) {

        /** A poll reads a bounded site: every notice page is paced and may take a fetch's deadline. */
        public static final int MAX_PAGES = 20;
        public static final int MAX_NEW = 200;
        public static final String DEFAULT_LINK = "a[href]";
        public static final String DEFAULT_DATE_PATTERN = "yyyy-MM-dd";
        public static final String DEFAULT_BODY = "body";
    }
}
