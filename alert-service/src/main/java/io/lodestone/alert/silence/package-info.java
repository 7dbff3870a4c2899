/**
 * Silences: time-boxed muting of notifications for elements, groups or one subscription. A
 * silenced alert is still fired, resolved and recorded; when the silence ends, a still-firing
 * alert that was never notified goes out.
 */
package io.lodestone.alert.silence;
