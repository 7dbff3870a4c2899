package io.lodestone.alert.delivery;

import java.util.UUID;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

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


    /** Optional body of an action: why, for the history. */
    record ActionRequest(String reason) {
    }

    private final DeliveryOperator operator;

    DeliveryAdminController(DeliveryOperator operator) {
        this.operator = operator;
    }

    @PostMapping("/resend")
    DeliveryController.DeliveryDetail resend(@PathVariable UUID id, @RequestBody(required = false) ActionRequest request) {
        return operator.resend(id, request == null ? null : request.reason());
    }

    @PostMapping("/cancel")
    DeliveryController.DeliveryDetail cancel(@PathVariable UUID id, @RequestBody(required = false) ActionRequest request) {
        return operator.cancel(id, request == null ? null : request.reason());
    }

}
