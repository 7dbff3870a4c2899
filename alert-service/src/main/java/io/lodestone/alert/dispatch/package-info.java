/**
 * Grouping and timing, after Alertmanager's dispatcher: alert changes of one subscription collect
 * in an open notification for its group wait (or until its daily digest), are sealed into a
 * snapshot with one pending delivery per channel, and still-firing alerts are repeated after the
 * repeat interval or once their silence ends.
 */
package io.lodestone.alert.dispatch;
