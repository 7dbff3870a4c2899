/**
 * Real infrastructure for tests, started in-process from Maven-served artifacts so that tests run
 * the same on a laptop, in CI and on a machine without Docker: a KRaft Kafka broker, PostgreSQL,
 * and a recording HTTP server standing in for Slack and webhook receivers (GreenMail provides SMTP).
 * Nothing here is a mock: every class talks real protocols over loopback.
 */
package io.lodestone.testsupport;
