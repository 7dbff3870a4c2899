package io.lodestone.service.api;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Who may call a service and how much it may send ({@code lodestone.api.*}).
 *
 * @param tokens         accepted bearer tokens; empty means every protected request is refused
 * @param publicGetPaths path patterns that anyone may GET or HEAD without a token (e.g. read-only
 *                       risk levels); the operational endpoints (actuator health and prometheus)
 *                       are always public and need not be listed. Every other path needs a token.
 * @param maxBodySize    largest request body accepted; a larger one is answered 413 before it is
 *                       read (declared length) or as soon as it passes the cap (chunked bodies)
 * @param json           limits on every JSON document the service reads, over HTTP or from Kafka
 * @param rateLimit      how fast one client may call the service
 */
@ConfigurationProperties("lodestone.api")
public record ApiProperties(
        List<String> tokens,
        List<String> publicGetPaths,
        @DefaultValue(DEFAULT_MAX_BODY_SIZE) DataSize maxBodySize,
        @DefaultValue Json json,
        @DefaultValue RateLimit rateLimit) {

    static final String DEFAULT_MAX_BODY_SIZE = "4MB";

    public ApiProperties {
        tokens = tokens == null ? List.of() : tokens.stream().filter(t -> t != null && !t.isBlank()).toList();
        publicGetPaths = publicGetPaths == null ? List.of() : List.copyOf(publicGetPaths);
        maxBodySize = maxBodySize == null ? DataSize.parse(DEFAULT_MAX_BODY_SIZE) : maxBodySize;
        json = json == null ? new Json(null, Json.DEFAULT_MAX_STRING_LENGTH, Json.DEFAULT_MAX_NESTING_DEPTH,
                Json.DEFAULT_MAX_TOKEN_COUNT) : json;
        rateLimit = rateLimit == null ? RateLimit.DEFAULT : rateLimit;
    }

    /**
     * Jackson stream read constraints, applied to the service's one JSON mapper.
     *
     * @param maxDocumentSize  longest JSON document read; it must be at least the largest body the
     *                         service reads as JSON (requests, Kafka records, and in news-ingest the
     *                         JSON sources it polls)
     * @param maxStringLength  longest string value, in characters; above the default body cap, so an
     *                         HTTP caller meets the 413 or a field's own limit (which names the field) first
     * @param maxNestingDepth  deepest nesting of objects and arrays
     * @param maxTokenCount    most tokens (names, values, brackets) in one document: a body of 4 MB
     *                         written as {@code [{},{},…]} is 2.7 million tokens and, bound to a tree,
     *                         tens of times its size in heap; the default is far above what a
     *                         request or record holds (a push of 500 items is about 25,000) and
     *                         what a polled JSON source of a few megabytes holds
     */
    public record Json(
            @DefaultValue(DEFAULT_MAX_DOCUMENT_SIZE) DataSize maxDocumentSize,
            @DefaultValue("" + DEFAULT_MAX_STRING_LENGTH) int maxStringLength,
            @DefaultValue("" + DEFAULT_MAX_NESTING_DEPTH) int maxNestingDepth,
            @DefaultValue("" + DEFAULT_MAX_TOKEN_COUNT) long maxTokenCount) {

        static final String DEFAULT_MAX_DOCUMENT_SIZE = "10MB";
        static final int DEFAULT_MAX_STRING_LENGTH = 5_000_000;
        static final int DEFAULT_MAX_NESTING_DEPTH = 64;
        static final long DEFAULT_MAX_TOKEN_COUNT = 500_000;

        public Json {
            maxDocumentSize = maxDocumentSize == null ? DataSize.parse(DEFAULT_MAX_DOCUMENT_SIZE) : maxDocumentSize;
            if (maxStringLength < 1 || maxNestingDepth < 1 || maxTokenCount < 1) {
                throw new IllegalArgumentException("lodestone.api.json limits must be positive");
            }
        }
    }

    /**
     * A token bucket per client ({@link ClientBuckets}); a client is a configured bearer token, or,
     * for requests without a valid one (public reads, console pages, wrong tokens), the address the
     * request comes from (an IPv6 address by its /64 network). The health and Prometheus endpoints
     * are never limited. A request past the limit is answered 429 with {@code Retry-After}.
     *
     * @param enabled    whether requests are limited at all
     * @param perSecond  units a client earns back per second; a request costs one, and a pushed item
     *                   one per started {@value #ITEM_CHARACTERS} characters of title and text
     * @param burst      units a client may spend at once; at least the largest batch a client sends
     * @param maxClients clients tracked at once; past it, clients not yet seen share one bucket
     * @param maxConcurrent requests one client may have in progress at once: a client that sends its
     *                   bodies slowly, or holds requests open, takes at most this many of the server's
     *                   threads, and the rest keep answering other clients and the probes
     * @param maxConcurrentWithoutToken requests that clients without a valid token (known by their
     *                   address) may have in progress together: a few addresses holding their share each
     *                   cannot take every thread, so token holders and the probes are still served (half
     *                   of Tomcat's 200 threads by default)
     * @param costs      requests that cost more than one unit because of the work they cause (a sign-in
     *                   checks a slow password hash), by method and exact path
     */
    public record RateLimit(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("" + DEFAULT_PER_SECOND) double perSecond,
            @DefaultValue("" + DEFAULT_BURST) int burst,
            @DefaultValue("" + DEFAULT_MAX_CLIENTS) int maxClients,
            @DefaultValue("" + DEFAULT_MAX_CONCURRENT) int maxConcurrent,
            @DefaultValue("" + DEFAULT_MAX_CONCURRENT_WITHOUT_TOKEN) int maxConcurrentWithoutToken,
            List<Cost> costs) {

        static final double DEFAULT_PER_SECOND = 100;
        static final int DEFAULT_BURST = 1000;
        static final int DEFAULT_MAX_CLIENTS = 10_000;
        static final int DEFAULT_MAX_CONCURRENT = 32;
        static final int DEFAULT_MAX_CONCURRENT_WITHOUT_TOKEN = 100;
        /** A pushed item costs one unit per started this many characters of title and text. */
        public static final int ITEM_CHARACTERS = 4000;
        static final RateLimit DEFAULT = new RateLimit(true, DEFAULT_PER_SECOND, DEFAULT_BURST, DEFAULT_MAX_CLIENTS,
                DEFAULT_MAX_CONCURRENT, DEFAULT_MAX_CONCURRENT_WITHOUT_TOKEN, List.of());

        public RateLimit {
            costs = costs == null ? List.of() : List.copyOf(costs);
            if (perSecond <= 0 || burst < 1 || maxClients < 1 || maxConcurrent < 1 || maxConcurrentWithoutToken < 1) {
                throw new IllegalArgumentException("lodestone.api.rate-limit needs per-second > 0, burst >= 1,"
                        + " max-clients >= 1, max-concurrent >= 1 and max-concurrent-without-token >= 1"
                        + " (set enabled=false to turn it off)");
            }
        }

        /** What a request with this method and exact path costs, in units. */
        public int costOf(String method, String path) {
            for (Cost cost : costs) {
                if (cost.method().equalsIgnoreCase(method) && cost.path().equals(path)) {
                    return cost.units();
                }
            }
            return 1;
        }

        /**
         * @param method the HTTP method ({@code POST})
         * @param path   the exact path ({@code /login}), compared with the request's path as sent
         * @param units  what one such request costs, at least one
         */
        public record Cost(String method, String path, int units) {

            public Cost {
                if (method == null || path == null || units < 1) {
                    throw new IllegalArgumentException("lodestone.api.rate-limit.costs needs a method, a path and"
                            + " units >= 1 in every entry");
                }
            }
        }
    }
}
