/**
 * What every Lodestone service shares and would otherwise copy: operational defaults
 * ({@code lodestone-service-defaults.yml}, imported by each service's {@code application.yml})
 * and the way a contract record becomes a Kafka message with CloudEvents headers.
 */
package io.lodestone.service;
