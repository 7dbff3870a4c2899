package io.lodestone.alert.delivery;

import io.lodestone.alert.AfterCommit;
import java.time.Clock;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * What an operator does about a delivery that did not go out: resend a dead or failed one once the
 * receiver is fixed (now, same id, so the same {@code webhook-id}; one more attempt, after which a
 * retryable failure makes it dead again), or cancel one that is no longer wanted (dead, failed, or
 * pending and not being sent at this moment). Each action is recorded in the delivery's history;
 * a delivery in any other state is a 409 problem that names its state.
 */
@RestController
@RequestMapping("/api/v1/admin/deliveries/{id}")
class DeliveryAdminController {

    private static final Logger log = LoggerFactory.getLogger(DeliveryAdminController.class);
    static final int MAX_REASON = 500;

    /** Optional body of an action: why, for the history. */
    record ActionRequest(String reason) {
    }

    private final DeliveryRepository deliveries;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final DeliveryDispatcher dispatcher;

    DeliveryAdminController(DeliveryRepository deliveries, TransactionTemplate transactions, Clock clock,
                            DeliveryDispatcher dispatcher) {
        this.deliveries = deliveries;
        this.transactions = transactions;
        this.clock = clock;
        this.dispatcher = dispatcher;
    }

    @PostMapping("/resend")
    DeliveryController.DeliveryDetail resend(@PathVariable UUID id, @RequestBody(required = false) ActionRequest request) {
        return act(id, DeliveryAction.RESEND, request, "only DEAD or FAILED deliveries can be resent");
    }

    @PostMapping("/cancel")
    DeliveryController.DeliveryDetail cancel(@PathVariable UUID id, @RequestBody(required = false) ActionRequest request) {
        return act(id, DeliveryAction.CANCEL, request,
                "only DEAD, FAILED or PENDING deliveries that are not being sent right now can be cancelled");
    }

    private DeliveryController.DeliveryDetail act(UUID id, DeliveryAction action, ActionRequest request, String rule) {
        String reason = reason(request);
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
                AfterCommit.run(dispatcher::dispatchSoon);
            }
            Delivery after = deliveries.find(id).orElseThrow();
            return DeliveryController.detail(after, deliveries.attempts(id), deliveries.actions(id));
        });
    }

    private static String reason(ActionRequest request) {
        if (request == null || request.reason() == null || request.reason().isBlank()) {
            return null;
        }
        String reason = request.reason().strip();
        return reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) + "…" : reason;
    }
}
