package io.lodestone.service.api;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What each client may spend ({@code lodestone.api.rate-limit}): the rate-limit filter charges each
 * request (one unit, or what {@code costs} names for its method and path) and names the client on
 * the request; an endpoint whose work grows with what is
 * sent (a batch of items to read) charges the rest with {@link #charge}. Both are answered alike
 * when the budget is spent: a 429 problem detail with {@code Retry-After}.
 */
public final class ClientBudget {

    /** The request attribute under which the filter leaves the client it charged. */
    public static final String CLIENT_ATTRIBUTE = ClientBudget.class.getName() + ".client";

    private final ApiProperties.RateLimit limit;
    private final ClientBuckets buckets;

    public ClientBudget(ApiProperties.RateLimit limit) {
        this.limit = limit;
        this.buckets = limit.enabled() ? new ClientBuckets(limit.perSecond(), limit.burst(), limit.maxClients()) : null;
    }

    /** A budget that never runs out: for code that also runs without a web server (offline commands). */
    public static ClientBudget unlimited() {
        return new ClientBudget(new ApiProperties.RateLimit(false, ApiProperties.RateLimit.DEFAULT_PER_SECOND,
                ApiProperties.RateLimit.DEFAULT_BURST, ApiProperties.RateLimit.DEFAULT_MAX_CLIENTS,
                ApiProperties.RateLimit.DEFAULT_MAX_CONCURRENT,
                ApiProperties.RateLimit.DEFAULT_MAX_CONCURRENT_WITHOUT_TOKEN, List.of()));
    }

    public boolean enabled() {
        return buckets != null;
    }

    /** Requests one client may have in progress at once. */
    public int maxConcurrent() {
        return limit.maxConcurrent();
    }

    /** Requests all clients without a valid token may have in progress together. */
    public int maxConcurrentWithoutToken() {
        return limit.maxConcurrentWithoutToken();
    }

    /** The refusal of a request while its client already has {@link #maxConcurrent} in progress. */
    public TooManyRequestsException tooManyAtOnce() {
        return new TooManyRequestsException("This client already has " + limit.maxConcurrent() + " requests in"
                + " progress, as many as one client may; retry when one has been answered (an operator can raise"
                + " lodestone.api.rate-limit.max-concurrent).", Duration.ofSeconds(1));
    }

    /**
     * Charges {@code client} for one request: one unit, or what {@code lodestone.api.rate-limit.costs}
     * says a request with this method and path costs. Empty when taken, else the refusal to send.
     */
    public Optional<TooManyRequestsException> chargeRequest(String client, String method, String path) {
        if (buckets == null) {
            return Optional.empty();
        }
        int cost = limit.costOf(method, path);
        long wait = buckets.take(client, cost);
        return wait == 0 ? Optional.empty() : Optional.of(new TooManyRequestsException(String.format(Locale.ROOT,
                "Too many requests from this client: it earns %s units a second and may spend %d at once, and this"
                        + " request costs %d. Retry after the time in Retry-After; an operator can raise"
                        + " lodestone.api.rate-limit.per-second and .burst.",
                rate(), limit.burst(), cost), Duration.ofNanos(wait)));
    }

    /**
     * Charges the client the filter named on {@code request} for {@code units} more (beyond the request
     * itself); does nothing when the limit is off or no client was named.
     *
     * @param what what the units pay for, as a person reads it ("items of up to 4000 characters")
     * @throws TooManyRequestsException when the client's budget does not cover it; nothing is charged then
     */
    public void charge(HttpServletRequest request, double units, String what) {
        Object client = request.getAttribute(CLIENT_ATTRIBUTE);
        if (buckets == null || !(client instanceof String name) || units <= 0) {
            return;
        }
        long wait = buckets.take(name, units);
        if (wait != 0) {
            throw new TooManyRequestsException(String.format(Locale.ROOT,
                    "This request costs %.0f units (%s) and this client has spent its budget: it earns %s units"
                            + " a second, %d at most. Nothing was taken; retry after the time in Retry-After, or send"
                            + " smaller batches.", units + 1, what, rate(), limit.burst()), Duration.ofNanos(wait));
        }
    }

    private String rate() {
        double perSecond = limit.perSecond();
        return perSecond == Math.rint(perSecond) ? Long.toString((long) perSecond) : Double.toString(perSecond);
    }
}
