package io.lodestone.alert.delivery;

import io.lodestone.alert.notify.Channel;
import io.lodestone.service.api.InvalidRequestException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The delivery history: every notification sent or tried, with each attempt. */
@RestController
@RequestMapping("/api/v1/deliveries")
class DeliveryController {

    static final int MAX_LIMIT = 1000;

    /** A delivery with its attempts and what operators did to it (both only when one delivery is asked for). */
    record DeliveryDetail(UUID id, UUID notificationId, UUID subscriptionId, Channel channel, String kind,
                          DeliveryStatus status, int attempts, Instant nextAttemptAt, String lastError,
                          Instant createdAt, Instant sentAt, List<DeliveryAttempt> attemptLog,
                          List<DeliveryActionRecord> actions) {
    }

    private final DeliveryRepository deliveries;

    DeliveryController(DeliveryRepository deliveries) {
        this.deliveries = deliveries;
    }

    @GetMapping
    List<DeliveryDetail> search(@RequestParam(required = false) String status,
                                @RequestParam(required = false) UUID subscriptionId,
                                @RequestParam(required = false) String channel,
                                @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw InvalidRequestException.field("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return deliveries.search(parse(DeliveryStatus.class, "status", status), subscriptionId,
                        parse(Channel.class, "channel", channel), limit)
                .stream().map(d -> detail(d, null, null)).toList();
    }

    @GetMapping("/{id}")
    DeliveryDetail get(@PathVariable UUID id) {
        Delivery delivery = deliveries.find(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No delivery " + id));
        return detail(delivery, deliveries.attempts(id), deliveries.actions(id));
    }

    static DeliveryDetail detail(Delivery d, List<DeliveryAttempt> attempts, List<DeliveryActionRecord> actions) {
        return new DeliveryDetail(d.id(), d.notificationId(), d.subscriptionId(), d.channel(), d.kind(), d.status(),
                d.attempts(), d.status() == DeliveryStatus.PENDING ? d.nextAttemptAt() : null, d.lastError(),
                d.createdAt(), d.sentAt(), attempts, actions);
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidRequestException.field(field, "must be one of "
                    + java.util.Arrays.toString(type.getEnumConstants()).toLowerCase(Locale.ROOT));
        }
    }
}
