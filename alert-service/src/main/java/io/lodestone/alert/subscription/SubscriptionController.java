package io.lodestone.alert.subscription;

import io.lodestone.service.api.InvalidRequestException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Create, read, list, update and delete subscriptions. */
@RestController
@RequestMapping("/api/v1/subscriptions")
class SubscriptionController {

    private static final Logger log = LoggerFactory.getLogger(SubscriptionController.class);

    private final SubscriptionRepository subscriptions;
    private final SubscriptionValidator validator;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SubscriptionController(SubscriptionRepository subscriptions, SubscriptionValidator validator,
                           ApplicationEventPublisher events, Clock clock) {
        this.subscriptions = subscriptions;
        this.validator = validator;
        this.events = events;
        this.clock = clock;
    }

    @PostMapping
    @Transactional
    ResponseEntity<SubscriptionView> create(@RequestBody SubscriptionRequest request) {
        SubscriptionSpec spec = validator.validate(request, null);
        Instant now = clock.instant();
        Subscription subscription = new Subscription(UUID.randomUUID(), spec, now, now, null);
        subscriptions.insert(subscription);
        events.publishEvent(new SubscriptionSaved(subscription.id()));
        log.info("Created subscription {} watching {} via {}", subscription.id(), spec.symbols(),
                spec.channels().configured());
        return ResponseEntity.created(URI.create("/api/v1/subscriptions/" + subscription.id()))
                .body(SubscriptionView.of(subscription));
    }

    @GetMapping
    List<SubscriptionView> list() {
        return subscriptions.findAll().stream().map(SubscriptionView::of).toList();
    }

    @GetMapping("/{id}")
    SubscriptionView get(@PathVariable UUID id) {
        return SubscriptionView.of(existing(id));
    }

    @PutMapping("/{id}")
    @Transactional
    SubscriptionView update(@PathVariable UUID id, @RequestBody SubscriptionRequest request) {
        Subscription current = existing(id);
        requireSecretWhenWebhookUrlChanges(request, current.spec());
        SubscriptionSpec spec = validator.validate(request, current.spec());
        Instant now = clock.instant();
        subscriptions.update(id, spec, now);
        events.publishEvent(new SubscriptionSaved(id));
        return SubscriptionView.of(new Subscription(id, spec, current.createdAt(), now, null));
    }

    @DeleteMapping("/{id}")
    @Transactional
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        Instant now = clock.instant();
        if (!subscriptions.markDeleted(id, now)) {
            throw notFound(id);
        }
        events.publishEvent(new SubscriptionDeleted(id, now));
        return ResponseEntity.noContent().build();
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

    private Subscription existing(UUID id) {
        return subscriptions.find(id).orElseThrow(() -> notFound(id));
    }

    private static ResponseStatusException notFound(UUID id) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "No subscription " + id);
    }
}
