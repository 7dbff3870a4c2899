package io.lodestone.alert.lifecycle;

public enum AlertState {
    FIRING,
    RESOLVED
}
