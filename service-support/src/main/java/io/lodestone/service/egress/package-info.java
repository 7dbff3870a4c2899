/**
 * Outbound connections that check what they connect to. {@link io.lodestone.service.egress.AddressPolicy}
 * says which IP addresses a service may reach (no loopback, private, link-local, translation,
 * documentation or other special-purpose space unless an operator allows a range);
 * {@link io.lodestone.service.egress.CheckedDnsResolver} resolves a host once, checks every answer and
 * hands exactly those addresses to the HTTP client, so a second DNS answer can never redirect the
 * connection; {@link io.lodestone.service.egress.EgressHttpClient} is the HTTP client built on it,
 * with redirects off and one overall deadline per exchange.
 */
package io.lodestone.service.egress;
