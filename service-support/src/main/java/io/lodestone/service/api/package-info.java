/**
 * The HTTP API conventions every service follows: bearer-token protection of {@code /api/**}
 * and RFC 9457 problem details for every error, naming the bad field where there is one; each
 * client's budget of requests ({@link io.lodestone.service.api.ClientBudget}), answered 429 with
 * {@code Retry-After} when spent; one rule for control characters in what clients type.
 * Registered by auto-configuration, so services get it by depending on service-support.
 */
package io.lodestone.service.api;
