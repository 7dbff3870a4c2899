package io.lodestone.ingest.source;

import io.lodestone.ingest.IngestProperties;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.zip.GZIPInputStream;

/**
 * Fetches a source with a conditional GET (If-None-Match / If-Modified-Since from the previous
 * answer), connect and read timeouts, gzip, and a cap on the body size that also applies after
 * decompression, so neither a gigantic body nor a gzip bomb gets into memory.
 */
class HttpFetcher {

    /** What the server said. {@code notModified} means the previous body still stands. */
    record Fetched(boolean notModified, byte[] body, String contentType, Validators validators) {
    }

    /** The validators to send next time. */
    record Validators(String etag, String lastModified) {
        static final Validators NONE = new Validators(null, null);
    }

    private final HttpClient client;
    private final IngestProperties.Http limits;

    HttpFetcher(IngestProperties.Http limits) {
        this.limits = limits;
        this.client = HttpClient.newBuilder()
                .connectTimeout(limits.connectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    Fetched fetch(IngestProperties.Source source, Validators previous) throws FetchException {
        HttpRequest.Builder request = HttpRequest.newBuilder(source.url())
                .timeout(limits.readTimeout())
                .header("User-Agent", limits.userAgent())
                .header("Accept-Encoding", "gzip")
                .header("Accept", source.kind() == IngestProperties.Kind.JSON ? "application/json"
                        : "application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.5")
                .GET();
        if (previous.etag() != null) {
            request.header("If-None-Match", previous.etag());
        }
        if (previous.lastModified() != null) {
            request.header("If-Modified-Since", previous.lastModified());
        }
        try {
            HttpResponse<InputStream> response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream raw = response.body()) {
                int status = response.statusCode();
                if (status == 304) {
                    return new Fetched(true, new byte[0], null, previous);
                }
                if (status < 200 || status > 299) {
                    throw new FetchException("HTTP " + status + " from " + source.url());
                }
                Validators validators = new Validators(response.headers().firstValue("ETag").orElse(null),
                        response.headers().firstValue("Last-Modified").orElse(null));
                boolean gzip = response.headers().firstValue("Content-Encoding").map("gzip"::equalsIgnoreCase).orElse(false);
                byte[] body = readCapped(gzip ? new GZIPInputStream(raw) : raw);
                return new Fetched(false, body, response.headers().firstValue("Content-Type").orElse(null), validators);
            }
        } catch (HttpTimeoutException e) {
            throw new FetchException("timed out after " + limits.readTimeout().toSeconds() + "s fetching " + source.url(), e);
        } catch (IOException e) {
            throw new FetchException("could not fetch " + source.url() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchException("interrupted fetching " + source.url(), e);
        }
    }

    private byte[] readCapped(InputStream in) throws IOException, FetchException {
        long cap = limits.maxBodySize().toBytes();
        byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, cap + 1));
        if (body.length > cap) {
            throw new FetchException("response is larger than the " + limits.maxBodySize() + " cap; not parsed");
        }
        return body;
    }
}
