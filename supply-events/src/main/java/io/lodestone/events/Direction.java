package io.lodestone.events;

/** Whether an event makes supply tighter or easier for a buyer outside China. */
public enum Direction {
    TIGHTENING,
    EASING,
    NEUTRAL
}
