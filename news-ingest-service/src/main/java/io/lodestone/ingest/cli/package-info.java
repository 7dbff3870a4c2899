/**
 * Command-line entry points that run without Spring: {@code extract} reads items as JSON lines
 * and writes the extracted events as JSON lines, for offline measurement and backfills.
 */
package io.lodestone.ingest.cli;
