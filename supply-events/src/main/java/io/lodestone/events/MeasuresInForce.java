package io.lodestone.events;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The curated dataset of export controls in force and recent supply events that a new deployment
 * starts from, so its risk reflects today's world before any feed is polled: one
 * {@code SupplyEventDetected} per line, each with the official notice as its {@code url}. The file
 * is append-only: an entry's {@code eventId} ({@code measure-<issuer>-<year>-<number>}) is never
 * reused or changed, a suspension or a lift is an entry of its own, and replaying the file again is
 * harmless because risk scoring treats an event id it has seen as the same event.
 */
public final class MeasuresInForce {

    /** Classpath location of the dataset. */
    public static final String RESOURCE = "io/lodestone/events/measures/measures-in-force.jsonl";
    /** The date of the newest entry's curation: the dataset's version. */
    public static final String VERSION = "2026-11-30";

    private MeasuresInForce() {
    }

    /** The dataset's lines, each one {@code SupplyEventDetected} as JSON, oldest first; blank lines dropped. */
    public static List<String> lines() {
        try (InputStream in = MeasuresInForce.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath");
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .filter(line -> !line.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
