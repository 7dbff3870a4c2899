package io.lodestone.alert.subscription;

import java.time.LocalTime;
import java.time.ZoneId;

/**
 * A daily digest instead of immediate notifications: changes collect until this local time.
 *
 * @param at   the local time of day the digest goes out
 * @param zone the time zone of {@code at}, e.g. {@code Europe/Berlin}
 */
public record Digest(LocalTime at, ZoneId zone) {
}
