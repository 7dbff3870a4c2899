package io.lodestone.ingest.source;

import io.lodestone.ingest.IngestProperties;
import io.lodestone.service.egress.AddressPolicy;
import io.lodestone.service.egress.EgressHttpClient;
import io.lodestone.service.egress.EgressRefusedException;
import io.lodestone.service.egress.HttpUrls;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;

/**
 * Fetches a source with a conditional GET (If-None-Match / If-Modified-Since from the previous
 * answer), a connect timeout and an overall deadline for the whole answer (read timeout), gzip, and a cap on the body size that also
 * applies after decompression, so neither a gigantic body nor a gzip bomb gets into memory.
 * A configured URL that names its address (an IP literal) is fetched there: the operator chose that
 * address. Anything else is fetched only at a public address (or one in a range of
 * {@code redirect-allowed-cidrs}), checked on the address actually connected to: a redirect, so a
 * feed cannot steer the fetcher into the internal network; a page a source links to on another
 * origin; every request of a source added through the API (whoever holds the token chose that URL,
 * not the operator); and a configured URL named by a hostname, since whoever controls that name's
 * DNS (an expired or hijacked publisher domain in the catalogue) chooses where it points. An
 * operator's feed on a private network named by hostname needs its range in
 * {@code redirect-allowed-cidrs}. Requests to one host are spaced by at least
 * {@code per-host-interval}, whichever source asks, so many sources on one publisher stay polite.
 */
class HttpFetcher implements AutoCloseable {

    static final int MAX_REDIRECTS = 5;
    private static final Pattern IPV4_LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
    /** Connections kept per source host; polling is one request at a time per source. */
    private static final int CONNECTIONS_PER_HOST = 2;

    /** What the server said. {@code notModified} means the previous body still stands. */
    record Fetched(boolean notModified, byte[] body, String contentType, Validators validators) {
    }

    /** The validators to send next time. */
    record Validators(String etag, String lastModified) {
        static final Validators NONE = new Validators(null, null);
    }

    /** One hop's answer: a result, a redirect to follow, or a failure to report. */
    private record Answer(Fetched fetched, String location, String failure, int status) {
        Answer(Fetched fetched, String location, String failure) {
            this(fetched, location, failure, 0);
        }
    }

    private final IngestProperties.Http limits;
    private final EgressHttpClient configured;
    private final EgressHttpClient redirected;
    private final HostPacer pacer;
    private final Predicate<String> operatorChosen;

    HttpFetcher(IngestProperties.Http limits) {
        this(limits, id -> true);
    }

    /** @param operatorChosen whether a source id was configured by the operator, not added through the API */
    HttpFetcher(IngestProperties.Http limits, Predicate<String> operatorChosen) {
        this.limits = limits;
        this.operatorChosen = operatorChosen;
        this.configured = EgressHttpClient.create(AddressPolicy.anyAddress(), limits.connectTimeout(), limits.readTimeout(),
                CONNECTIONS_PER_HOST);
        this.redirected = EgressHttpClient.create(AddressPolicy.allowing(limits.redirectAllowedCidrs()),
                limits.connectTimeout(), limits.readTimeout(), CONNECTIONS_PER_HOST);
        this.pacer = new HostPacer(limits.perHostInterval());
    }

    Fetched fetch(IngestProperties.Source source, Validators previous) throws FetchException {
        return fetch(source.url(), operatorChosen.test(source.id()), accept(source.kind()), previous);
    }

    /**
     * A page the source's own content pointed at (a notice, the next list page, robots.txt). A page
     * of the source's own origin (scheme, host and port of its URL) is as trusted as the source
     * URL; any other destination is held to the redirect rules, since the publisher chose it.
     */
    Fetched fetchLinked(IngestProperties.Source source, URI target, String accept) throws FetchException {
        return fetch(target, operatorChosen.test(source.id()) && sameOrigin(target, source.url()), accept, Validators.NONE);
    }

    /** Waits until {@code host} may be asked again, then holds the next slot for this caller. */
    void paceAtLeast(String host, Duration interval) {
        pacer.paceAtLeast(host, interval);
    }

    private Fetched fetch(URI start, boolean trusted, String accept, Validators previous) throws FetchException {
        URI target = start;
        for (int hop = 0; ; hop++) {
            Answer answer = get(hop == 0 && trusted && namesItsAddress(target) ? configured : redirected,
                    target, start, accept, previous);
            if (answer.failure() != null) {
                throw new FetchException(answer.failure(), answer.status());
            }
            if (answer.location() == null) {
                return answer.fetched();
            }
            if (hop == MAX_REDIRECTS) {
                throw new FetchException("more than " + MAX_REDIRECTS + " redirects from " + start);
            }
            try {
                target = HttpUrls.parse(target.resolve(answer.location()).toString());
            } catch (IllegalArgumentException e) {
                throw new FetchException(start + " redirects to a location that " + e.getMessage());
            }
        }
    }

    /** An IP literal as the URL's host ({@code 127.0.0.1}, {@code [::1]}): no DNS decides where it goes. */
    static boolean namesItsAddress(URI uri) {
        String host = uri.getHost();
        return host != null && (host.startsWith("[") || IPV4_LITERAL.matcher(host).matches());
    }

    static boolean sameOrigin(URI a, URI b) {
        return a.getScheme().equalsIgnoreCase(b.getScheme()) && a.getHost() != null
                && a.getHost().equalsIgnoreCase(b.getHost()) && port(a) == port(b);
    }

    private static int port(URI uri) {
        return uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private static String accept(IngestProperties.Kind kind) {
        return switch (kind) {
            case JSON -> "application/json";
            case HTML_LIST -> "text/html, application/xhtml+xml;q=0.9, */*;q=0.5";
            case FEED -> "application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.5";
        };
    }

    private Answer get(EgressHttpClient client, URI target, URI start, String accept, Validators previous)
            throws FetchException {
        HttpGet request = new HttpGet(target);
        request.setHeader("User-Agent", limits.userAgent());
        request.setHeader("Accept-Encoding", "gzip");
        request.setHeader("Accept", accept);
        if (previous.etag() != null) {
            request.setHeader("If-None-Match", previous.etag());
        }
        if (previous.lastModified() != null) {
            request.setHeader("If-Modified-Since", previous.lastModified());
        }
        pacer.pace(target.getHost());
        try {
            return client.execute(request, limits.readTimeout(), response -> answer(response, target, previous));
        } catch (EgressRefusedException e) {
            throw new FetchException(start.equals(target) ? "refused destination " + target + ": " + e.getMessage()
                    : start + " leads to a refused destination: " + e.getMessage(), e);
        } catch (EgressHttpClient.DeadlineExceededException e) {
            throw new FetchException("timed out after " + limits.readTimeout().toSeconds() + "s fetching " + target, e);
        } catch (IOException e) {
            throw new FetchException("could not fetch " + target + ": " + e.getMessage(), e);
        }
    }

    private Answer answer(ClassicHttpResponse response, URI target, Validators previous) throws IOException {
        int status = response.getCode();
        if (status == 304) {
            return new Answer(new Fetched(true, new byte[0], null, previous), null, null);
        }
        if (REDIRECTS.contains(status) && header(response, "Location") != null) {
            return new Answer(null, header(response, "Location"), null);
        }
        if (status < 200 || status > 299) {
            return new Answer(null, null, "HTTP " + status + " from " + target, status);
        }
        Validators validators = new Validators(header(response, "ETag"), header(response, "Last-Modified"));
        boolean gzip = "gzip".equalsIgnoreCase(header(response, "Content-Encoding"));
        if (response.getEntity() == null) {
            return new Answer(new Fetched(false, new byte[0], header(response, "Content-Type"), validators), null, null);
        }
        try (InputStream raw = response.getEntity().getContent()) {
            byte[] body = readCapped(gzip ? new GZIPInputStream(raw) : raw);
            if (body == null) {
                return new Answer(null, null, "response is larger than the " + limits.maxBodySize() + " cap; not parsed");
            }
            return new Answer(new Fetched(false, body, header(response, "Content-Type"), validators), null, null);
        }
    }

    private static String header(ClassicHttpResponse response, String name) {
        Header header = response.getFirstHeader(name);
        return header == null ? null : header.getValue();
    }

    /** The body, or null when it is larger than the cap. */
    private byte[] readCapped(InputStream in) throws IOException {
        long cap = limits.maxBodySize().toBytes();
        byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, cap + 1));
        return body.length > cap ? null : body;
    }

    @Override
    public void close() {
        configured.close();
        redirected.close();
    }
}
