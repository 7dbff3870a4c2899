package io.lodestone.service.egress;

import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hc.client5.http.ClientProtocolException;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.io.HttpClientResponseHandler;
import org.apache.hc.core5.http.io.entity.HttpEntityWrapper;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;

/**
 * An HTTP client that only connects to addresses the {@link AddressPolicy} allows (through
 * {@link CheckedDnsResolver}), never follows redirects, never retries on its own, and gives every
 * exchange one overall deadline: connecting, the answer's headers and reading its body together.
 * Socket timeouts alone would let a receiver that trickles a byte at a time, or answers its
 * headers and then goes quiet, hold a caller for ever; at the deadline the exchange is aborted.
 */
public final class EgressHttpClient implements Closeable {

    /** The deadline passed before the exchange completed. */
    public static final class DeadlineExceededException extends InterruptedIOException {
        DeadlineExceededException(Duration deadline) {
            super("no complete answer within " + deadline.toMillis() + " ms");
        }
    }

    private final CloseableHttpClient client;
    private final ScheduledThreadPoolExecutor timer;

    private EgressHttpClient(CloseableHttpClient client) {
        this.client = client;
        this.timer = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "egress-deadline");
            thread.setDaemon(true);
            return thread;
        });
        this.timer.setRemoveOnCancelPolicy(true);
    }

    /**
     * @param deadline              the longest any single exchange may take; also the connect and socket timeout
     * @param maxConnectionsPerHost open connections per scheme, host and port
     */
    public static EgressHttpClient create(AddressPolicy policy, Duration deadline, int maxConnectionsPerHost) {
        return create(policy, SystemDefaultDnsResolver.INSTANCE, deadline, deadline, maxConnectionsPerHost);
    }

    /** @param connectTimeout the longest wait for a connection, within the deadline */
    public static EgressHttpClient create(AddressPolicy policy, Duration connectTimeout, Duration deadline,
                                          int maxConnectionsPerHost) {
        return create(policy, SystemDefaultDnsResolver.INSTANCE, connectTimeout, deadline, maxConnectionsPerHost);
    }

    /** @param resolver where DNS answers come from before they are checked */
    public static EgressHttpClient create(AddressPolicy policy, DnsResolver resolver, Duration connectTimeout,
                                          Duration deadline, int maxConnectionsPerHost) {
        Timeout timeout = Timeout.of(deadline);
        CloseableHttpClient client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(new CheckedDnsResolver(policy, resolver))
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.of(connectTimeout)).setSocketTimeout(timeout).build())
                        .setDefaultSocketConfig(SocketConfig.custom().setSoTimeout(timeout).build())
                        .setMaxConnPerRoute(maxConnectionsPerHost)
                        .setMaxConnTotal(Math.max(maxConnectionsPerHost, 100))
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectionRequestTimeout(timeout)
                        .setResponseTimeout(timeout)
                        .setRedirectsEnabled(false)
                        .build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableContentCompression()
                .disableCookieManagement()
                .disableAuthCaching()
                .build();
        return new EgressHttpClient(client);
    }

    /**
     * Runs one exchange; the handler reads what it needs of the answer before the deadline.
     *
     * @throws EgressRefusedException     when the destination resolves to a refused address
     * @throws DeadlineExceededException  when the exchange did not finish within the deadline
     * @throws IOException                for any other transport failure
     */
    public <T> T execute(HttpUriRequestBase request, Duration deadline, HttpClientResponseHandler<T> handler)
            throws IOException {
        AtomicBoolean expired = new AtomicBoolean();
        long started = System.nanoTime();
        ScheduledFuture<?> abort = timer.schedule(() -> {
            expired.set(true);
            request.cancel();
        }, deadline.toMillis(), TimeUnit.MILLISECONDS);
        try {
            T result = exchange(request, handler);
            if (expired.get()) {
                throw new DeadlineExceededException(deadline);
            }
            return result;
        } catch (EgressRefusedException e) {
            throw e;
        } catch (IOException | IllegalStateException e) {
            // past the deadline, whatever ended the exchange is the deadline: the socket timeout
            // equals it, and on a busy machine the read can time out before the abort timer runs
            if (expired.get() || System.nanoTime() - started >= deadline.toNanos()) {
                DeadlineExceededException exceeded = new DeadlineExceededException(deadline);
                exceeded.initCause(e);
                throw exceeded;
            }
            throw e;
        } finally {
            abort.cancel(false);
        }
    }

    /**
     * The exchange, with what the handler leaves of the body unread closed on rather than read to
     * its end: the client's own {@code execute} drains an unread body (and closing a body stream
     * drains it) so that the connection can be reused, which lets an endless or oversized answer
     * hold the caller until the deadline. A body read to its end still returns the connection to
     * the pool.
     */
    private <T> T exchange(HttpUriRequestBase request, HttpClientResponseHandler<T> handler) throws IOException {
        ClassicHttpResponse response = client.executeOpen(null, request, null);
        UnreadBody body = response.getEntity() == null ? null : new UnreadBody(response.getEntity(), request);
        try {
            if (body != null) {
                response.setEntity(body);
            }
            return handler.handleResponse(response);
        } catch (HttpException e) {
            throw new ClientProtocolException(e);
        } finally {
            if (body != null && !body.readToEnd()) {
                request.cancel();
            }
            try {
                response.close();
            } catch (IOException afterCancel) {
                // the connection was shut on purpose: nothing of the answer is lost
            }
        }
    }

    /** A response body that knows whether it was read to its end, and closes on the rest if not. */
    private static final class UnreadBody extends HttpEntityWrapper {

        private final HttpUriRequestBase request;
        private volatile boolean ended;

        UnreadBody(HttpEntity entity, HttpUriRequestBase request) {
            super(entity);
            this.request = request;
        }

        boolean readToEnd() {
            return ended;
        }

        @Override
        public InputStream getContent() throws IOException {
            return new FilterInputStream(super.getContent()) {
                @Override
                public int read() throws IOException {
                    int b = super.read();
                    ended |= b < 0;
                    return b;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int n = super.read(buffer, offset, length);
                    ended |= n < 0;
                    return n;
                }

                @Override
                public void close() throws IOException {
                    if (!ended) {
                        request.cancel();
                    }
                    try {
                        super.close();
                    } catch (IOException afterCancel) {
                        if (ended) {
                            throw afterCancel;
                        }
                    }
                }
            };
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        client.close(CloseMode.IMMEDIATE);
    }
}
