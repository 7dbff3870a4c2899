/**
 * Health checks that never hold a request thread for long: checks that talk to the broker or the
 * database run off the request threads, one at a time per check, and a probe gets the latest answer.
 */
package io.lodestone.service.health;
