package io.lodestone.service.security;

import io.lodestone.service.api.ClientBudget;
import io.lodestone.service.api.ProblemWriter;
import io.lodestone.service.api.TooManyRequestsException;
import io.lodestone.service.api.UnreadBodies;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Charges every request to its client's budget ({@link ClientBudget}: one unit, or what
 * {@code lodestone.api.rate-limit.costs} says its method and path cost) before anything else looks
 * at it, authentication included, so that neither a flood of pushes nor a stream of token or
 * password guesses can take a service's threads and cores. A client is the configured bearer token
 * it presents, or else the address it comes from: an unknown token buys no bucket of its own. An
 * IPv6 address counts by its /64 network, which one host usually holds whole. A client may also have
 * only so many requests in progress at once, so that one sending its bodies a byte at a time cannot
 * hold every thread of the server; and clients without a token, all addresses together, may have
 * only a share of the threads in progress (past it a 503), so that a handful of addresses holding
 * theirs each leaves threads for token holders and the probes.
 * <p>
 * A body nobody read is read before the request stops counting ({@link UnreadBodies}): Tomcat would
 * otherwise drain it after the answer, outside the share, as long as its client cared to trickle it.
 * <p>
 * The health and Prometheus endpoints are never charged: a probe refused for load would restart a
 * busy service. Only their plain spellings without a body are exempt; any other spelling pays and
 * then meets the firewall, and so does a probe's path sent with a body, which no probe sends.
 * Behind a reverse proxy, every client without a token has the proxy's address unless the service
 * trusts the proxy's forwarded headers ({@code server.forward-headers-strategy}, {@code none} in the
 * shared defaults, with the proxies named in {@code server.tomcat.remoteip.internal-proxies}).
 */
final class RateLimitFilter extends OncePerRequestFilter {

    /**
     * The operational endpoints ({@link ApiSecurityAutoConfiguration#OPERATIONAL_PATHS}), exactly as
     * probes and scrapers spell them: this filter runs before the firewall has refused other spellings.
     */
    static final Pattern OPERATIONAL = Pattern.compile("/actuator/(health(/[A-Za-z0-9_-]+)*|prometheus)");

    private static final Logger log = LoggerFactory.getLogger(RateLimitFilter.class);

    private final ClientBudget budget;
    private final BearerTokens tokens;
    private final ProblemWriter problems;
    private final Counter limitedTokens;
    private final Counter limitedAddresses;
    /** Requests in progress per client; a client leaves the map when its last one is answered. */
    private final Map<String, AtomicInteger> inProgress = new ConcurrentHashMap<>();
    /** Requests of clients without a valid token in progress, all addresses together. */
    private final AtomicInteger withoutTokenInProgress = new AtomicInteger();

    RateLimitFilter(ClientBudget budget, BearerTokens tokens, ProblemWriter problems, MeterRegistry meters) {
        this.budget = budget;
        this.tokens = tokens;
        this.problems = problems;
        this.limitedTokens = limited(meters, "token");
        this.limitedAddresses = limited(meters, "address");
    }

    private static Counter limited(MeterRegistry meters, String client) {
        return Counter.builder("lodestone.api.requests.limited")
                .description("Requests answered 429 because their client spent its rate-limit budget")
                .tag("client", client)
                .register(meters);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !budget.enabled()
                || OPERATIONAL.matcher(request.getRequestURI()).matches() && !UnreadBodies.declaresBody(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        int token = tokens.presentedBy(request);
        String client = token >= 0 ? "token:" + token : "address:" + ClientNetworks.of(request.getRemoteAddr());
        request.setAttribute(ClientBudget.CLIENT_ATTRIBUTE, client);
        AtomicInteger running = inProgress.compute(client, (c, count) -> {
            AtomicInteger counted = count == null ? new AtomicInteger() : count;
            counted.incrementAndGet();
            return counted;
        });
        boolean anonymous = token < 0;
        boolean withinAnonymousShare = !anonymous
                || withoutTokenInProgress.incrementAndGet() <= budget.maxConcurrentWithoutToken();
        boolean withinShare = running.get() <= budget.maxConcurrent() && withinAnonymousShare;
        try {
            if (!withinAnonymousShare) {
                busy(request, response, client);
            } else {
                Optional<TooManyRequestsException> refused = !withinShare
                        ? Optional.of(budget.tooManyAtOnce())
                        : budget.chargeRequest(client, request.getMethod(), request.getRequestURI());
                if (refused.isEmpty()) {
                    chain.doFilter(request, response);
                } else {
                    refuse(request, response, client, !anonymous, refused.get());
                }
            }
        } finally {
            // the thread is free again (an asynchronous request has handed its work on), or will be
            // once the body nobody read is settled
            Runnable release = () -> {
                inProgress.computeIfPresent(client, (c, count) -> count.decrementAndGet() == 0 ? null : count);
                if (anonymous) {
                    withoutTokenInProgress.decrementAndGet();
                }
            };
            if (!UnreadBodies.handOver(request, withinShare, release)) {
                release.run();
            }
        }
    }

    /**
     * Clients without a token already hold their share of the threads together: a 503, since this
     * client may have sent nothing wrong; token holders and the probes are still served.
     */
    private void busy(HttpServletRequest request, HttpServletResponse response, String client) throws IOException {
        limitedAddresses.increment();
        log.debug("Refused a request from {}: clients without a token hold {} requests in progress", client,
                budget.maxConcurrentWithoutToken());
        response.setHeader(HttpHeaders.RETRY_AFTER, "1");
        problems.write(request, response, HttpStatus.SERVICE_UNAVAILABLE, "Busy",
                "Clients without a token already have " + budget.maxConcurrentWithoutToken() + " requests in progress"
                        + " together, as many as they may; retry shortly (an operator can raise"
                        + " lodestone.api.rate-limit.max-concurrent-without-token).");
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, String client, boolean byToken,
                        TooManyRequestsException refused) throws IOException {
        (byToken ? limitedTokens : limitedAddresses).increment();
        log.debug("Refused a request from {} for its rate limit: {} {}", client, request.getMethod(),
                LogSafe.escape(request.getRequestURI()));
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(refused.retryAfterSeconds()));
        problems.write(request, response, HttpStatus.TOO_MANY_REQUESTS, TooManyRequestsException.TITLE, refused.getMessage());
    }
}
