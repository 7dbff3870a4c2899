package io.lodestone.alert.notify;

/** The ways a notification reaches people. Adding one is adding a {@link Notifier}. */
public enum Channel {
    EMAIL,
    SLACK,
    WEBHOOK
}
