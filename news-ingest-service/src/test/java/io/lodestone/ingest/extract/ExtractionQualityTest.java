package io.lodestone.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measures extraction on the labelled development set against the bar: noise rejection
 * at least 0.8, element micro-F1 at least 0.85, event-type accuracy at least 0.70, direction
 * accuracy at least 0.80, type and direction over every item as the issue defines them (the figures
 * over relevant items alone are reported, not asserted). The figures are logged and written, with every item that was not fully
 * right, to {@code target/devset-<split>.txt}.
 */
class ExtractionQualityTest {

    private static final Logger log = LoggerFactory.getLogger(ExtractionQualityTest.class);
    private static final Extractor EXTRACTOR = new Extractor();
    private static final Instant DETECTED = Instant.parse("2026-01-15T00:00:00Z");

    @ParameterizedTest(name = "{0} split meets the quality bar")
    @ValueSource(strings = {"tune", "holdout"})
    void meetsTheQualityBar(String split) throws IOException {
        Scorecard scorecard = new Scorecard();
        for (DevSet.Labelled labelled : DevSet.load(split)) {
            scorecard.add(labelled, EXTRACTOR.extract(labelled.item(), DETECTED));
        }

        String summary = scorecard.summary(split);
        log.info(summary);
        List<String> report = new ArrayList<>();
        report.add(summary);
        report.addAll(scorecard.mistakes());
        Files.write(Path.of("target", "devset-" + split + ".txt"), report, StandardCharsets.UTF_8);

        assertThat(scorecard.noiseRejection()).as("noise rejection").isGreaterThanOrEqualTo(0.80);
        assertThat(scorecard.elementF1()).as("element micro-F1").isGreaterThanOrEqualTo(0.85);
        assertThat(scorecard.typeAccuracy()).as("event-type accuracy").isGreaterThanOrEqualTo(0.70);
        assertThat(scorecard.directionAccuracy()).as("direction accuracy").isGreaterThanOrEqualTo(0.80);
    }
}
