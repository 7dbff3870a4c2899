package io.lodestone.ingest.extract;

import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scores extraction on the real-reporting set, per fixed split (see {@link RealSet}): skipped
 * when the texts are not on this machine. Writes the figures to {@code target/realset-report.txt}
 * and the items of the tuning split that were not fully right to
 * {@code target/realset-tune-mistakes.txt}; the held-out split's items are never listed, so nobody
 * tunes to them.
 */
class RealSetEvaluation {

    private static final Logger log = LoggerFactory.getLogger(RealSetEvaluation.class);
    /** Extraction time for undated items: the set was gathered in late November 2026. */
    static final Instant DETECTED = Instant.parse("2026-11-30T00:00:00Z");

    @Test
    void scoresTheRealSetPerSplit() throws IOException {
        Optional<Path> texts = RealSet.textDirectory();
        assumeThat(texts).as("real-set texts (see REALSET layout in the README)").isPresent();
        List<RealSet.Labelled> items = RealSet.load(texts.get());
        assumeThat(items).isNotEmpty();

        Extractor extractor = new Extractor();
        Map<RealSet.Split, RealSetScore> scores = new EnumMap<>(RealSet.Split.class);
        for (RealSet.Labelled labelled : items) {
            scores.computeIfAbsent(labelled.split(), s -> new RealSetScore())
                    .add(labelled, extractor.extract(labelled.item(), DETECTED));
        }

        List<String> report = new ArrayList<>();
        report.add("real set in " + texts.get() + ": " + items.size() + " items");
        scores.forEach((split, score) -> report.addAll(score.report(split.name().toLowerCase().replace('_', '-'))));
        Files.write(Path.of("target", "realset-report.txt"), report, StandardCharsets.UTF_8);
        RealSetScore tune = scores.get(RealSet.Split.TUNE);
        Files.write(Path.of("target", "realset-tune-mistakes.txt"), tune == null ? List.of() : tune.mistakes(),
                StandardCharsets.UTF_8);
        log.info(String.join(System.lineSeparator(), report));
    }
}
