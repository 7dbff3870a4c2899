package io.lodestone.alert;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Everything about alert-service that an operator may set, under {@code lodestone.alert}.
 * Defaults follow Alertmanager where it has one (group wait 30 s) and the product otherwise
 * (repeat a still-firing alert weekly).
 *
 * @param source          the CloudEvents {@code ce_source} of what this service publishes
 * @param groupWait       how long a subscription collects alert changes before notifying, unless it sets its own
 * @param repeatInterval  how often a still-firing alert is notified again, unless the subscription sets its own
 * @param scoreHysteresis points a score must fall below a {@code minScore} trigger before the alert resolves
 * @param sweepInterval   how often due notifications are sealed and repeats and expired silences are checked
 * @param delivery        the outbox dispatcher
 * @param email           the sender of notification emails
 * @param egress          which private destinations Slack and webhook URLs may point at
 * @param limits          the bounds a subscription's own durations must stay within
 * @param retention       how long sent deliveries, relayed {@code alerts.v1} events, risk history and
 *                        ended silences are kept
 * @param secretKeys      keys that encrypt webhook secrets and Slack URLs in the database, as
 *                        {@code keyId:base64-of-32-bytes} entries; the first encrypts, all decrypt
 *                        (so an old key stays listed until {@code rotate-secret-keys} has run)
 * @param webhookSecretOverlap how long a webhook secret replaced by a new one (same URL) keeps signing
 *                        beside it, so a receiver can switch to the new secret without rejecting calls
 */
@ConfigurationProperties("lodestone.alert")
@Validated
public record AlertProperties(
        @DefaultValue("/lodestone/alert-service") @NotBlank String source,
        @DefaultValue("30s") @NotNull Duration groupWait,
        @DefaultValue("7d") @NotNull Duration repeatInterval,
        @DefaultValue("2") @DecimalMin("0") double scoreHysteresis,
        @DefaultValue("1s") @NotNull Duration sweepInterval,
        @DefaultValue @Valid Delivery delivery,
        @DefaultValue @Valid Email email,
        @DefaultValue @Valid Egress egress,
        @DefaultValue @Valid Limits limits,
        @DefaultValue @Valid Retention retention,
        @DefaultValue List<String> secretKeys,
        @DefaultValue("24h") @NotNull Duration webhookSecretOverlap) {

    /** A lease this much longer than the send deadline covers the recording that follows it. */
    static final Duration MIN_LEASE_MARGIN = Duration.ofSeconds(5);

    public AlertProperties {
        if (delivery != null && delivery.lease().compareTo(delivery.timeout().plus(MIN_LEASE_MARGIN)) < 0) {
            throw new IllegalArgumentException("lodestone.alert.delivery.lease must exceed delivery.timeout by at least "
                    + MIN_LEASE_MARGIN.toSeconds() + "s, or a slow send could be claimed and sent twice");
        }
        secretKeys = secretKeys == null ? List.of() : secretKeys.stream().map(String::strip).filter(k -> !k.isEmpty()).toList();
    }

    /**
     * @param enabled        whether this instance sends; off leaves deliveries pending in the outbox
     * @param pollInterval   how often the outbox is checked for due deliveries
     * @param maxAttempts    attempts before a delivery is dead
     * @param initialBackoff delay before the second attempt; doubled each time, with jitter
     * @param maxBackoff     longest delay between attempts
     * @param maxRetryAfter  longest {@code Retry-After} honoured; longer asks are capped to this
     * @param timeout        overall deadline of one attempt over HTTP (connecting, the answer's headers
     *                       and its body together) or SMTP (the whole exchange for one message); a
     *                       receiver that has not answered completely by then counts as unreachable
     *                       and is tried again later
     * @param concurrency    deliveries sent at the same time by this instance
     * @param maxPerHost     deliveries sent at the same time to one receiver host (the SMTP server for
     *                       email), so one slow receiver cannot take every sender
     * @param lease          how long a claimed delivery stays with the instance that claimed it; if that
     *                       instance dies, another one sends it after this (with the same delivery id)
     */
    public record Delivery(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("1s") @NotNull Duration pollInterval,
            @DefaultValue("8") @Min(1) int maxAttempts,
            @DefaultValue("10s") @NotNull Duration initialBackoff,
            @DefaultValue("1h") @NotNull Duration maxBackoff,
            @DefaultValue("6h") @NotNull Duration maxRetryAfter,
            @DefaultValue("10s") @NotNull Duration timeout,
            @DefaultValue("8") @Min(1) int concurrency,
            @DefaultValue("2") @Min(1) int maxPerHost,
            @DefaultValue("2m") @NotNull Duration lease) {
    }

    /**
     * Bounds on what a subscription may ask for, and on how many things clients may keep. Beyond the
     * first a request is refused naming the field: an absurd duration would overflow the time
     * arithmetic of every sweep. Past the counts a create is a 409 naming the limit and its property:
     * every subscription is matched against each risk change, every active silence against each alert
     * notified, and each list is read whole, so a client creating without end would slow everyone.
     *
     * @param maxGroupWait      longest {@code groupWait}
     * @param minRepeatInterval shortest {@code repeatInterval}, so a firing alert cannot flood a channel
     * @param maxRepeatInterval longest {@code repeatInterval}
     * @param maxSubscriptions  subscriptions not deleted, at most
     * @param maxActiveSilences silences not yet ended (running or starting later), at most
     * @param maxBoms           bills of materials stored, at most
     * @param maxEmailsPerRecipientPerHour emails one address receives in an hour over all
     *                          subscriptions, at most; more are held until the hour has room
     */
    public record Limits(
            @DefaultValue("1d") @NotNull Duration maxGroupWait,
            @DefaultValue("1m") @NotNull Duration minRepeatInterval,
            @DefaultValue("90d") @NotNull Duration maxRepeatInterval,
            @DefaultValue("1000") @Min(1) int maxSubscriptions,
            @DefaultValue("1000") @Min(1) int maxActiveSilences,
            @DefaultValue("1000") @Min(1) int maxBoms,
            @DefaultValue("60") @Min(1) int maxEmailsPerRecipientPerHour) {
    }

    /**
     * @param deliveries how long sent deliveries (and their attempts) are kept; failed, dead and
     *                   cancelled ones stay (an operator resends or cancels failed and dead ones)
     * @param events     how long {@code alerts.v1} events are kept in the outbox after they were published
     * @param riskHistory how long risk history points are kept (each element's latest always is)
     * @param silences   how long a silence is kept after it ended (expired or ended early)
     * @param interval   how often old rows are deleted
     */
    public record Retention(
            @DefaultValue("30d") @NotNull Duration deliveries,
            @DefaultValue("7d") @NotNull Duration events,
            @DefaultValue("400d") @NotNull Duration riskHistory,
            @DefaultValue("90d") @NotNull Duration silences,
            @DefaultValue("1h") @NotNull Duration interval) {
    }

    /**
     * @param from address notifications are sent from
     */
    public record Email(@DefaultValue("alerts@lodestone.local") @NotBlank String from) {
    }

    /**
     * @param allowedCidrs private or loopback ranges that Slack and webhook URLs may still resolve
     *                     to, e.g. {@code 127.0.0.0/8} for a local run; empty in production
     */
    public record Egress(@DefaultValue List<String> allowedCidrs) {
    }
}
