package io.lodestone.alert.subscription;

import io.lodestone.alert.AlertProperties;
import io.lodestone.alert.Caps;
import io.lodestone.service.api.ClientBudget;
import io.lodestone.service.api.InvalidRequestException;
import io.lodestone.service.api.LimitReachedException;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.server.ResponseStatusException;

/**
 * Creating, changing and deleting subscriptions, for the API and the console alike, so both
 * apply one set of rules: the same validation, the same secret handling, the same re-evaluation
 * against the current risk once saved.
 */
@Service
class SubscriptionService {

    private static final Logger log = LoggerFactory.getLogger(SubscriptionService.class);
    /**
     * What creating a subscription costs of its client's rate-limit budget (a request costs one): a
     * new subscription may at once notify all its addresses of every element already elevated, and
     * deleting it takes nothing back, so creating and deleting in a loop, which never meets the cap
     * on live subscriptions, is held to one a second at the default budget (bursts of ten).
     */
    static final int CREATION_UNITS = 100;
    /**
     * How often a change or deletion runs before it gives up when PostgreSQL picks it as a
     * deadlock's victim or it cannot get its locks: resolving a subscription's alerts locks rows the
     * sealer and the risk consumer lock too, and the loser of such a race only has to run again.
     */
    static final int LOCK_ATTEMPTS = 3;

    private final SubscriptionRepository subscriptions;
    private final SubscriptionValidator validator;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Caps caps;
    private final int maxSubscriptions;
    private final ClientBudget budget;
    private final TransactionTemplate transactions;

    SubscriptionService(SubscriptionRepository subscriptions, SubscriptionValidator validator,
                        ApplicationEventPublisher events, Clock clock, Caps caps, AlertProperties properties,
                        ObjectProvider<ClientBudget> budget, PlatformTransactionManager transactionManager) {
        this.subscriptions = subscriptions;
        this.validator = validator;
        this.events = events;
        this.clock = clock;
        this.caps = caps;
        this.maxSubscriptions = properties.limits().maxSubscriptions();
        this.budget = budget.getIfAvailable(ClientBudget::unlimited);
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /**
     * @throws InvalidRequestException naming every bad field
     * @throws LimitReachedException   when {@code lodestone.alert.limits.max-subscriptions} exist already
     * @throws io.lodestone.service.api.TooManyRequestsException when the client's budget does not
     *                                 cover {@link #CREATION_UNITS}
     */
    @Transactional
    Subscription create(SubscriptionRequest request) {
        SubscriptionSpec spec = validator.validate(request, null);
        caps.requireRoom("subscriptions", maxSubscriptions, "lodestone.alert.limits.max-subscriptions",
                "select count(*) from subscription where deleted_at is null");
        // charged once the request is known to be valid: a refused one costs one unit, like any request
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes web) {
            budget.charge(web.getRequest(), CREATION_UNITS - 1, "a new subscription");
        }
        Instant now = clock.instant();
        Subscription subscription = new Subscription(UUID.randomUUID(), spec, now, now, null);
        subscriptions.insert(subscription);
        events.publishEvent(new SubscriptionSaved(subscription.id()));
        log.info("Created subscription {} watching {} via {}", subscription.id(), spec.symbols(),
                spec.channels().configured());
        return subscription;
    }

    /** @throws InvalidRequestException naming every bad field */
    Subscription update(UUID id, SubscriptionRequest request) {
        return retryingLockConflicts("Updating subscription " + id, () -> {
            Subscription current = existing(id);
            requireSecretWhenWebhookUrlChanges(request, current.spec());
            SubscriptionSpec spec = validator.validate(request, current.spec());
            Instant now = clock.instant();
            subscriptions.update(id, spec, now);
            events.publishEvent(new SubscriptionSaved(id));
            return new Subscription(id, spec, current.createdAt(), now, null);
        });
    }

    /**
     * Checks a request without saving anything.
     *
     * @param stored the spec being replaced, or null for a new subscription
     * @throws InvalidRequestException naming every bad field
     */
    void validate(SubscriptionRequest request, SubscriptionSpec stored) {
        validator.validate(request, stored);
    }

    /** Its firing alerts resolve without a notice; its history stays. */
    void delete(UUID id) {
        retryingLockConflicts("Deleting subscription " + id, () -> {
            Instant now = clock.instant();
            if (!subscriptions.markDeleted(id, now)) {
                throw notFound(id);
            }
            events.publishEvent(new SubscriptionDeleted(id, now));
            return null;
        });
    }

    /**
     * Runs {@code work} in a transaction of its own, again (up to {@link #LOCK_ATTEMPTS} times in
     * all) when it loses a lock conflict; a client then sees its change made, not a 500 reading
     * "deadlock detected". Still losing, it answers 503: nothing was changed, and trying again is right.
     */
    private <T> T retryingLockConflicts(String what, Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.execute(status -> work.get());
            } catch (PessimisticLockingFailureException e) {
                if (attempt == LOCK_ATTEMPTS) {
                    log.warn("{} lost {} lock conflicts in a row; nothing was changed: {}", what, attempt,
                            e.getMostSpecificCause().getMessage());
                    throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE,
                            "The subscription is being changed by other work right now; nothing was changed. Try again.");
                }
                log.info("{} lost a lock conflict (attempt {} of {}), running it again: {}", what, attempt,
                        LOCK_ATTEMPTS, e.getMostSpecificCause().getMessage());
            }
        }
    }

    Subscription existing(UUID id) {
        return subscriptions.find(id).orElseThrow(() -> notFound(id));
    }

    /**
     * A stored signing secret belongs to the URL it was given for: a request that moves the webhook
     * elsewhere must bring the secret again, or whoever can change the URL could have notifications
     * signed with someone else's key sent to a receiver of their choosing.
     */
    private static void requireSecretWhenWebhookUrlChanges(SubscriptionRequest request, SubscriptionSpec current) {
        WebhookChannel requested = request.channels() == null ? null : request.channels().webhook();
        WebhookChannel stored = current.channels().webhook();
        if (requested != null && requested.secret() == null && stored != null && requested.url() != null
                && !requested.url().strip().equals(stored.url().strip())) {
            throw InvalidRequestException.field("channels.webhook.secret",
                    "must be given again when the webhook URL changes");
        }
    }

    private static ResponseStatusException notFound(UUID id) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "No subscription " + id);
    }
}
