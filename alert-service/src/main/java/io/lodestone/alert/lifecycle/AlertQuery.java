package io.lodestone.alert.lifecycle;

import java.time.Instant;
import java.util.UUID;

/** Filters of the alert history; null means "any". */
record AlertQuery(String element, UUID subscriptionId, AlertState state, Instant since, Instant until, int limit) {
}
