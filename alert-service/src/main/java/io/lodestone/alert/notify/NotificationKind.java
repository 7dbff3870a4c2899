package io.lodestone.alert.notify;

/** What a notification says about its alerts; each kind is grouped and de-duplicated on its own. */
public enum NotificationKind {
    /** Alerts that fired or escalated. */
    FIRING,
    /** Alerts still firing after the repeat interval. */
    REPEAT,
    /** Alerts that resolved after having been notified. */
    RESOLVED
}
