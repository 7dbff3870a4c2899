/**
 * news-ingest-service: turns news and policy items into {@code SupplyEventDetected} records on
 * {@code supply.events.v1}.
 */
package io.lodestone.ingest;
