package io.lodestone.alert.delivery;

import io.lodestone.alert.AfterCommit;
import io.lodestone.alert.StoredText;
import io.lodestone.alert.subscription.SubscriptionDeleted;
import io.lodestone.service.api.InvalidRequestException;
import java.time.Clock;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.server.ResponseStatusException;

/**
 * An operator's resend or cancel of one delivery, for the admin API and the console alike: resend
 * a dead or failed one (now, same id), cancel a dead, failed or pending one that is not being sent
 * at this moment. Each action is recorded in the delivery's history; a delivery in any other state
 * is refused with a 409 that names its state.
 */
@Component
class DeliveryOperator {

    private static final Logger log = LoggerFactory.getLogger(DeliveryOperator.class);
    static final int MAX_REASON = 500;

    private final DeliveryRepository deliveries;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final DeliveryDispatcher dispatcher;

    DeliveryOperator(DeliveryRepository deliveries, TransactionTemplate transactions, Clock clock,
                     DeliveryDispatcher dispatcher) {
        this.deliveries = deliveries;
        this.transactions = transactions;
        this.clock = clock;
        this.dispatcher = dispatcher;
    }

    /**
     * A deleted subscription's deliveries are cancelled in the deleting transaction: deleting is how
     * an operator stops what a subscription floods, without one cancel call per delivery.
     */
    @EventListener
    void onSubscriptionDeleted(SubscriptionDeleted deleted) {
        int cancelled = deliveries.cancelAllOf(deleted.subscriptionId(), deleted.deletedAt(), "subscription deleted");
        if (cancelled > 0) {
            log.info("Cancelled {} unsent deliveries of deleted subscription {}", cancelled, deleted.subscriptionId());
        }
    }

    DeliveryController.DeliveryDetail resend(UUID id, String reason) {
        return act(id, DeliveryAction.RESEND, reason, "only DEAD or FAILED deliveries can be resent");
    }

    DeliveryController.DeliveryDetail cancel(UUID id, String reason) {
        return act(id, DeliveryAction.CANCEL, reason,
                "only DEAD, FAILED or PENDING deliveries that are not being sent right now can be cancelled");
    }

    private DeliveryController.DeliveryDetail act(UUID id, DeliveryAction action, String given, String rule) {
        String reason = reason(given);
        return transactions.execute(status -> {
            Delivery before = deliveries.find(id)
                    .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No delivery " + id));
            boolean done = action == DeliveryAction.RESEND
                    ? deliveries.resend(id, clock.instant(), reason)
                    : deliveries.cancel(id, clock.instant(), reason);
            if (!done) {
                throw new ResponseStatusException(HttpStatus.CONFLICT,
                        "Delivery " + id + " is " + before.status() + ": " + rule);
            }
            log.info("Delivery {} ({}): {} from {}", id, before.channel(), action, before.status());
            if (action == DeliveryAction.RESEND) {
                // due now: sent once this transaction has committed, not at the next outbox poll
                AfterCommit.run(dispatcher::dispatchSoon);
            }
            Delivery after = deliveries.find(id).orElseThrow();
            return DeliveryController.detail(after, deliveries.attempts(id), deliveries.actions(id));
        });
    }

    /** @throws InvalidRequestException when the reason holds a control character other than line breaks and tabs */
    private static String reason(String given) {
        if (given == null || given.isBlank()) {
            return null;
        }
        StoredText.textProblem(given).ifPresent(problem -> {
            throw InvalidRequestException.field("reason", problem);
        });
        String reason = given.strip();
        return reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) + "…" : reason;
    }
}
