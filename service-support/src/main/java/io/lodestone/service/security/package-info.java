/**
 * The one guard in front of every service, built from Spring Security: bearer tokens checked in
 * constant time, a strict firewall that refuses path tricks before any matching, every path
 * denied unless it is an operational endpoint or declared public, and refusals as problem details.
 * In front of all of it, each client's rate limit and share of the server's threads
 * ({@link io.lodestone.service.security.RateLimitFilter}). Also the escaping that keeps
 * caller-supplied text from forging log lines.
 */
package io.lodestone.service.security;
