package io.lodestone.alert.lifecycle;

/** What one risk change does to a subscription's alert for its element. */
public enum Transition {
    /** Nothing: the condition is false and no alert is firing. */
    NONE,
    /** The condition became true: a new alert fires. */
    FIRE,
    /** Still firing; level or score moved within what has been seen. Recorded, not notified. */
    UPDATE,
    /** Still firing, and the level rose above its highest so far: worth telling people. */
    ESCALATE,
    /** The condition became false: the alert resolves. */
    RESOLVE
}
