package io.lodestone.alert.notify;

import io.lodestone.alert.subscription.Subscription;
import java.util.UUID;

/** Sends one notification over one channel, once. */
public interface Notifier {

    Channel channel();

    /**
     * @param deliveryId stable across retries of the same delivery, so receivers can de-duplicate
     */
    SendOutcome send(Notification notification, Subscription subscription, UUID deliveryId);
}
