package io.lodestone.ingest.source;

import io.lodestone.ingest.IngestProperties;
import io.lodestone.service.egress.AddressPolicy;
import io.lodestone.service.egress.EgressHttpClient;
import io.lodestone.service.egress.EgressRefusedException;
import io.lodestone.service.egress.HttpUrls;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;

/**
 * Fetches a source with a conditional GET (If-None-Match / If-Modified-Since from the previous
 * answer), a connect timeout and an overall deadline for the whole answer (read timeout), gzip, and a cap on the body size that also
 * applies after decompression, so neither a gigantic body nor a gzip bomb gets into memory.
 * The configured URL is fetched wherever it points (an operator chose it); a redirect is followed
 * only to a public address (or a range in {@code redirect-allowed-cidrs}), checked on the
 * address actually connected to, so a feed cannot steer the fetcher into the internal network.
 */
class HttpFetcher implements AutoCloseable {

    static final int MAX_REDIRECTS = 5;
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
    private record Answer(Fetched fetched, String location, String failure) {
    }

    private final IngestProperties.Http limits;
    private final EgressHttpClient configured;
    private final EgressHttpClient redirected;

    HttpFetcher(IngestProperties.Http limits) {
        this.limits = limits;
        this.configured = EgressHttpClient.create(AddressPolicy.anyAddress(), limits.connectTimeout(), limits.readTimeout(),
                CONNECTIONS_PER_HOST);
        this.redirected = EgressHttpClient.create(AddressPolicy.allowing(limits.redirectAllowedCidrs()),
                limits.connectTimeout(), limits.readTimeout(), CONNECTIONS_PER_HOST);
    }

    Fetched fetch(IngestProperties.Source source, Validators previous) throws FetchException {
        URI target = source.url();
        for (int hop = 0; ; hop++) {
            Answer answer = get(hop == 0 ? configured : redirected, target, source, previous);
            if (answer.failure() != null) {
                throw new FetchException(answer.failure());
            }
            if (answer.location() == null) {
                return answer.fetched();
            }
            if (hop == MAX_REDIRECTS) {
                throw new FetchException("more than " + MAX_REDIRECTS + " redirects from " + source.url());
            }
            try {
                target = HttpUrls.parse(target.resolve(answer.location()).toString());
            } catch (IllegalArgumentException e) {
                throw new FetchException(source.url() + " redirects to a location that " + e.getMessage());
            }
        }
    }

    private Answer get(EgressHttpClient client, URI target, IngestProperties.Source source, Validators previous)
            throws FetchException {
        HttpGet request = new HttpGet(target);
        request.setHeader("User-Agent", limits.userAgent());
        request.setHeader("Accept-Encoding", "gzip");
        request.setHeader("Accept", source.kind() == IngestProperties.Kind.JSON ? "application/json"
                : "application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.5");
        if (previous.etag() != null) {
            request.setHeader("If-None-Match", previous.etag());
        }
        if (previous.lastModified() != null) {
            request.setHeader("If-Modified-Since", previous.lastModified());
        }
        try {
            return client.execute(request, limits.readTimeout(), response -> answer(response, target, previous));
        } catch (EgressRefusedException e) {
            throw new FetchException(source.url() + " redirects to a refused destination: " + e.getMessage(), e);
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
            return new Answer(null, null, "HTTP " + status + " from " + target);
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
