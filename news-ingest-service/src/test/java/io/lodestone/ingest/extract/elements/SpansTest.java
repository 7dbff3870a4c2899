package io.lodestone.ingest.extract.elements;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** The span index answers as checking every span in turn would, overlapping spans included. */
class SpansTest {

    @Test
    void spansThatOnlyTouchDoNotOverlap() {
        Spans spans = Spans.of(List.of(new int[] {10, 20}));

        assertThat(spans.overlaps(0, 10)).isFalse();
        assertThat(spans.overlaps(20, 25)).isFalse();
        assertThat(spans.overlaps(19, 25)).isTrue();
        assertThat(spans.overlaps(0, 11)).isTrue();
        assertThat(spans.overlaps(12, 14)).isTrue();
    }

    @Test
    void aLongSpanEarlierStillCoversALaterShortOne() {
        // sorted by start, the short span [5, 6) comes last; the long one before it still reaches 40
        Spans spans = Spans.of(List.of(new int[] {5, 6}, new int[] {0, 40}));

        assertThat(spans.overlaps(30, 31)).isTrue();
        assertThat(spans.overlaps(40, 41)).isFalse();
    }

    @Test
    void noSpansOverlapNothing() {
        assertThat(Spans.of(List.of()).overlaps(0, 100)).isFalse();
    }

    @RepeatedTest(20)
    void answersAsAScanOfEverySpanDoes() {
        SplittableRandom random = new SplittableRandom();
        List<int[]> given = new ArrayList<>();
        for (int i = random.nextInt(30); i > 0; i--) {
            int start = random.nextInt(200);
            given.add(new int[] {start, start + 1 + random.nextInt(25)});
        }
        Spans spans = Spans.of(given);

        for (int start = 0; start < 230; start++) {
            for (int end = start + 1; end < start + 12; end++) {
                int s = start;
                int e = end;
                boolean scan = given.stream().anyMatch(span -> s < span[1] && span[0] < e);
                assertThat(spans.overlaps(s, e)).as("[%d, %d) against %s", s, e, show(given)).isEqualTo(scan);
            }
        }
    }

    @RepeatedTest(20)
    void disjointSpansTakeWhatAGreedyScanTakes() {
        SplittableRandom random = new SplittableRandom();
        Spans.Disjoint taken = new Spans.Disjoint();
        List<int[]> scanTaken = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            int start = random.nextInt(300);
            int end = start + 1 + random.nextInt(20);
            boolean free = scanTaken.stream().noneMatch(span -> start < span[1] && span[0] < end);
            if (free) {
                scanTaken.add(new int[] {start, end});
            }
            assertThat(taken.take(start, end)).as("[%d, %d) after %s", start, end, show(scanTaken)).isEqualTo(free);
        }
    }

    private static String show(List<int[]> spans) {
        return spans.stream().map(span -> "[" + span[0] + ", " + span[1] + ")").toList().toString();
    }
}
