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
        @DefaultValue @Valid Limits limits) {

    /**
     * Bounds on what a subscription may ask for. Beyond them a request is refused naming the
     * field: an absurd duration would overflow the time arithmetic of every sweep.
     *
     * @param maxGroupWait      longest {@code groupWait}
     * @param minRepeatInterval shortest {@code repeatInterval}, so a firing alert cannot flood a channel
     * @param maxRepeatInterval longest {@code repeatInterval}
     */
    public record Limits(
            @DefaultValue("1d") @NotNull Duration maxGroupWait,
            @DefaultValue("1m") @NotNull Duration minRepeatInterval,
            @DefaultValue("90d") @NotNull Duration maxRepeatInterval) {
    }

    /**
     * @param enabled        whether this instance sends; off leaves deliveries pending in the outbox
     * @param pollInterval   how often the outbox is checked for due deliveries
     * @param maxAttempts    attempts before a delivery is dead
     * @param initialBackoff delay before the second attempt; doubled each time, with jitter
     * @param maxBackoff     longest delay between attempts
     * @param maxRetryAfter  longest {@code Retry-After} honoured; longer asks are capped to this
     * @param timeout        connect and response timeout of one attempt
     */
    public record Delivery(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("1s") @NotNull Duration pollInterval,
            @DefaultValue("8") @Min(1) int maxAttempts,
            @DefaultValue("10s") @NotNull Duration initialBackoff,
            @DefaultValue("1h") @NotNull Duration maxBackoff,
            @DefaultValue("6h") @NotNull Duration maxRetryAfter,
            @DefaultValue("10s") @NotNull Duration timeout) {
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
