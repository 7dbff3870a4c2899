package io.lodestone.alert.subscription;

import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Create, read, list, update and delete subscriptions. */
@RestController
@RequestMapping("/api/v1/subscriptions")
class SubscriptionController {

    private final SubscriptionService service;
    private final SubscriptionRepository subscriptions;

    SubscriptionController(SubscriptionService service, SubscriptionRepository subscriptions) {
        this.service = service;
        this.subscriptions = subscriptions;
    }

    @PostMapping
    ResponseEntity<SubscriptionView> create(@RequestBody SubscriptionRequest request) {
        Subscription subscription = service.create(request);
        return ResponseEntity.created(URI.create("/api/v1/subscriptions/" + subscription.id()))
                .body(SubscriptionView.of(subscription));
    }

    @GetMapping
    List<SubscriptionView> list() {
        return subscriptions.findAll().stream().map(SubscriptionView::of).toList();
    }

    @GetMapping("/{id}")
    SubscriptionView get(@PathVariable UUID id) {
        return SubscriptionView.of(service.existing(id));
    }

    @PutMapping("/{id}")
    SubscriptionView update(@PathVariable UUID id, @RequestBody SubscriptionRequest request) {
        return SubscriptionView.of(service.update(id, request));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        service.delete(id);
        return ResponseEntity.noContent().build();
    }
}
