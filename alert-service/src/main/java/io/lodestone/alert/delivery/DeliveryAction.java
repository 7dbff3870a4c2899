package io.lodestone.alert.delivery;

/** What an operator may do to a delivery that is stuck or no longer wanted. */
enum DeliveryAction {
    /** Send a dead or failed delivery again, now, with the same id. */
    RESEND,
    /** Never send it (dead, failed, or pending and not being sent right now). */
    CANCEL
}
