package io.lodestone.service.egress;

import java.io.Closeable;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.io.HttpClientResponseHandler;
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
            T result = client.execute(request, handler);
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

    @Override
    public void close() {
        timer.shutdownNow();
        client.close(CloseMode.IMMEDIATE);
    }
}
