package io.lodestone.alert.lifecycle;

import io.lodestone.alert.AfterCommit;
import io.lodestone.alert.AlertProperties;
import io.lodestone.alert.silence.Silences;
import io.lodestone.alert.subscription.Subscription;
import io.lodestone.alert.subscription.SubscriptionDeleted;
import io.lodestone.alert.subscription.SubscriptionRepository;
import io.lodestone.alert.subscription.SubscriptionSaved;
import io.lodestone.events.ElementRiskChanged;
import io.lodestone.events.RiskLevel;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies one risk change to every subscription that watches the element, in one transaction:
 * alerts fire, escalate or resolve, and listeners of {@link AlertChanged} write the lifecycle
 * event and the pending notification with them. Processing the same record twice changes
 * nothing: transitions depend on the stored alert state, and records older than the latest
 * one acted on are ignored.
 */
@Service
public class RiskEvaluation {

    private static final Logger log = LoggerFactory.getLogger(RiskEvaluation.class);

    private final SubscriptionRepository subscriptions;
    private final AlertRepository alerts;
    private final ElementRiskRepository risks;
    private final Silences silences;
    private final ApplicationEventPublisher events;
    private final AlertProperties properties;
    private final MeterRegistry meters;
    private final Clock clock;

    RiskEvaluation(SubscriptionRepository subscriptions, AlertRepository alerts, ElementRiskRepository risks,
                   Silences silences, ApplicationEventPublisher events, AlertProperties properties,
                   MeterRegistry meters, Clock clock) {
        this.subscriptions = subscriptions;
        this.alerts = alerts;
        this.risks = risks;
        this.silences = silences;
        this.events = events;
        this.properties = properties;
        this.meters = meters;
        this.clock = clock;
    }

    /**
     * @param receivedAt when the record reached Kafka: where notification latency is measured from
     */
    @Transactional
    public void evaluate(ElementRiskChanged risk, Instant receivedAt) {
        if (!risks.advance(risk, receivedAt)) {
            log.info("Ignoring {} risk as of {}: a later change was already applied", risk.element(), risk.asOf());
            return;
        }
        events.publishEvent(new RiskRecorded(risk));
        // read once for every subscription watching the element, not once per subscription
        Silences.Active silenced = silences.activeAt(clock.instant());
        for (Subscription subscription : subscriptions.watching(risk.element())) {
            apply(subscription, risk, receivedAt, risk.asOf(), true, silenced);
        }
    }

    /**
     * A new or changed subscription is held against the current risk at once: it fires for
     * elements already over its threshold, resolves alerts its new rules no longer support, and
     * resolves alerts for elements it no longer watches. A past rise in level does not fire an
     * "any increase" subscription that did not exist when it happened.
     */
    @EventListener
    void onSubscriptionSaved(SubscriptionSaved saved) {
        Subscription subscription = subscriptions.find(saved.subscriptionId()).orElseThrow();
        Set<String> watched = subscription.spec().symbols();
        Instant now = clock.instant();
        for (Alert firing : alerts.firingOf(subscription.id())) {
            if (!watched.contains(firing.element())) {
                changed(resolved(firing, now), Transition.RESOLVE, subscription);
            }
        }
        Silences.Active silenced = silences.activeAt(now);
        for (ElementRiskChanged current : risks.latest(watched)) {
            apply(subscription, current, now, now, !subscription.spec().trigger().isAnyIncrease(), silenced);
        }
    }

    /** A deleted subscription's firing alerts end with it: published on alerts.v1, not notified to anyone. */
    @EventListener
    void onSubscriptionDeleted(SubscriptionDeleted deleted) {
        Subscription subscription = subscriptions.findIncludingDeleted(deleted.subscriptionId()).orElseThrow();
        for (Alert firing : alerts.firingOf(deleted.subscriptionId())) {
            changed(resolved(firing, deleted.deletedAt()), Transition.RESOLVE, subscription);
        }
    }

    /**
     * @param firedAt  when a new alert counts as fired: the change's event time, or now when a
     *                 subscription is held against a risk that predates it
     * @param mayFire  whether this change may fire a new alert
     * @param active   the silences active now
     */
    private void apply(Subscription subscription, ElementRiskChanged risk, Instant receivedAt, Instant firedAt,
                       boolean mayFire, Silences.Active active) {
        Alert firing = alerts.findFiringForUpdate(subscription.id(), risk.element()).orElse(null);
        Transition transition = AlertRule.decide(subscription.spec().trigger(), firing, risk, properties.scoreHysteresis());
        boolean silenced = active.mutes(subscription.id(), risk.element());
        switch (transition) {
            case NONE -> { }
            case FIRE -> {
                if (mayFire) {
                    fire(subscription, risk, receivedAt, firedAt, silenced);
                }
            }
            case UPDATE -> alerts.update(moved(firing, risk, firing.peakLevel(), firing.transitionAt(), firing.silenced()));
            case ESCALATE -> changed(moved(firing, risk, risk.level(), receivedAt, silenced), transition, subscription);
            case RESOLVE -> changed(resolved(moved(firing, risk, firing.peakLevel(), receivedAt, silenced),
                    firedAt.isAfter(risk.asOf()) ? firedAt : risk.asOf()), transition, subscription);
        }
    }

    private void fire(Subscription subscription, ElementRiskChanged risk, Instant receivedAt, Instant firedAt,
                      boolean silenced) {
        Alert alert = new Alert(UUID.randomUUID(), subscription.id(), risk.element(), AlertState.FIRING, risk.level(),
                risk.score(), AlertRule.previousLevel(risk), AlertRule.previousScore(risk), AlertRule.previousLevel(risk),
                risk.level(),
                risk.contributors(), firedAt, null, receivedAt, silenced, null);
        if (!alerts.insertFiring(alert)) {
            log.debug("Alert for {} of subscription {} was fired concurrently", alert.element(), subscription.id());
            return;
        }
        events.publishEvent(new AlertChanged(alert, Transition.FIRE, subscription));
        AfterCommit.run(() -> meters.counter("lodestone.alerts.fired", "level", alert.level().name()).increment());
        log.info("Alert {} fired: {} {} for subscription {}{}", alert.id(), alert.element(), alert.level(),
                subscription.id(), silenced ? " (silenced)" : "");
    }

    private void changed(Alert alert, Transition transition, Subscription subscription) {
        alerts.update(alert);
        events.publishEvent(new AlertChanged(alert, transition, subscription));
        if (transition == Transition.RESOLVE) {
            AfterCommit.run(() -> meters.counter("lodestone.alerts.resolved").increment());
            log.info("Alert {} resolved: {} {} for subscription {}", alert.id(), alert.element(), alert.level(),
                    subscription.id());
        }
    }

    private static Alert moved(Alert alert, ElementRiskChanged risk, RiskLevel peak,
                               Instant transitionAt, boolean silenced) {
        return new Alert(alert.id(), alert.subscriptionId(), alert.element(), alert.state(), risk.level(), risk.score(),
                AlertRule.previousLevel(risk), AlertRule.previousScore(risk), alert.fromLevel(), peak, risk.contributors(),
                alert.firedAt(), alert.resolvedAt(), transitionAt, silenced, alert.lastNotifiedAt());
    }

    private static Alert resolved(Alert alert, Instant resolvedAt) {
        return new Alert(alert.id(), alert.subscriptionId(), alert.element(), AlertState.RESOLVED, alert.level(),
                alert.score(), alert.previousLevel(), alert.previousScore(), alert.fromLevel(), alert.peakLevel(),
                alert.evidence(), alert.firedAt(), resolvedAt, alert.transitionAt(), alert.silenced(),
                alert.lastNotifiedAt());
    }
}
