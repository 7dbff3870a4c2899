package io.lodestone.ingest.source;

import io.lodestone.ingest.IngestProperties;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Whether the crawler may fetch a page, by the robots.txt of the page's origin, fetched at most
 * once per {@code robots-cache-ttl} per origin. As RFC 9309 asks: a robots.txt that does not exist
 * (4xx) allows everything; one that cannot be read (5xx, network failure) forbids everything until
 * it can, and that verdict is not cached, so the next poll asks again. A {@code Crawl-delay} slows
 * the host's pacer.
 */
class RobotsPolicy {

    /** Origins remembered at most; the least recently used are fetched again when needed. */
    static final int MAX_ORIGINS = 1_000;

    /** Why a fetch is not allowed, in words for the source status. */
    record Verdict(boolean allowed, String reason) {
        static final Verdict ALLOWED = new Verdict(true, null);
    }

    private record Cached(RobotsTxt robots, Instant until) {
    }

    private final HttpFetcher fetcher;
    private final String productToken;
    private final Duration ttl;
    private final Clock clock;
    private final Map<String, Cached> cache = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Cached> eldest) {
            return size() > MAX_ORIGINS;
        }
    };

    RobotsPolicy(HttpFetcher fetcher, IngestProperties.Http http, Clock clock) {
        this.fetcher = fetcher;
        this.productToken = productToken(http.userAgent());
        this.ttl = http.robotsCacheTtl();
        this.clock = clock;
    }

    /** The product token robots.txt groups are matched against: the User-Agent up to its first '/'. */
    static String productToken(String userAgent) {
        String token = userAgent.strip().split("[/\\s]", 2)[0];
        return token.toLowerCase(Locale.ROOT);
    }

    Verdict check(IngestProperties.Source source, URI page) {
        String origin = page.getScheme().toLowerCase(Locale.ROOT) + "://" + page.getRawAuthority().toLowerCase(Locale.ROOT);
        RobotsTxt robots;
        try {
            robots = robotsOf(source, origin);
        } catch (FetchException e) {
            return new Verdict(false, "robots.txt of " + origin + " cannot be read (" + e.getMessage()
                    + "), so nothing there is fetched");
        }
        String path = page.getRawPath() == null || page.getRawPath().isEmpty() ? "/" : page.getRawPath();
        String pathAndQuery = page.getRawQuery() == null ? path : path + "?" + page.getRawQuery();
        return robots.allows(pathAndQuery) ? Verdict.ALLOWED
                : new Verdict(false, "robots.txt of " + origin + " disallows " + pathAndQuery);
    }

    private RobotsTxt robotsOf(IngestProperties.Source source, String origin) throws FetchException {
        Instant now = clock.instant();
        synchronized (cache) {
            Cached cached = cache.get(origin);
            if (cached != null && cached.until().isAfter(now)) {
                return cached.robots();
            }
        }
        RobotsTxt robots;
        try {
            HttpFetcher.Fetched fetched = fetcher.fetchLinked(source, URI.create(origin + "/robots.txt"), "text/plain");
            robots = RobotsTxt.parse(new String(fetched.body(), StandardCharsets.UTF_8), productToken);
        } catch (FetchException e) {
            if (e.httpStatus() < 400 || e.httpStatus() > 499) {
                throw e;
            }
            robots = RobotsTxt.ALLOW_ALL;
        }
        robots.crawlDelay().ifPresent(delay -> fetcher.paceAtLeast(URI.create(origin).getHost(), delay));
        synchronized (cache) {
            cache.put(origin, new Cached(robots, now.plus(ttl)));
        }
        return robots;
    }
}
