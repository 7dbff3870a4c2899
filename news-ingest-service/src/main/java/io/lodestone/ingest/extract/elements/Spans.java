package io.lodestone.ingest.extract.elements;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Character spans of a field ({@code [start, end)}), asked whether a span overlaps any of them in
 * logarithmic time. A text that repeats a company's name or an excluded phrase thousands of times
 * has thousands of spans and as many mentions to check against them: checked against each span in
 * turn, that was quadratic work a client could push on purpose.
 */
public final class Spans {

    private static final Spans NONE = new Spans(new int[0], new int[0]);

    /** Starts in ascending order. */
    private final int[] starts;
    /** The largest end of the spans up to each index. */
    private final int[] maxEnds;

    private Spans(int[] starts, int[] maxEnds) {
        this.starts = starts;
        this.maxEnds = maxEnds;
    }

    /** The spans given, which may overlap each other, as {@code {start, end}} pairs. */
    public static Spans of(List<int[]> spans) {
        if (spans.isEmpty()) {
            return NONE;
        }
        int[][] sorted = spans.toArray(new int[0][]);
        Arrays.sort(sorted, (a, b) -> Integer.compare(a[0], b[0]));
        int[] starts = new int[sorted.length];
        int[] maxEnds = new int[sorted.length];
        int maxEnd = Integer.MIN_VALUE;
        for (int i = 0; i < sorted.length; i++) {
            starts[i] = sorted[i][0];
            maxEnd = Math.max(maxEnd, sorted[i][1]);
            maxEnds[i] = maxEnd;
        }
        return new Spans(starts, maxEnds);
    }

    /** Whether {@code [start, end)} shares a character with any of the spans. */
    public boolean overlaps(int start, int end) {
        // the spans starting before end are a prefix; one of them overlaps when the furthest reaching does
        int before = lastStartBefore(end);
        return before >= 0 && maxEnds[before] > start;
    }

    private int lastStartBefore(int end) {
        int low = 0;
        int high = starts.length - 1;
        int found = -1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            if (starts[mid] < end) {
                found = mid;
                low = mid + 1;
            } else {
                high = mid - 1;
            }
        }
        return found;
    }

    /**
     * Spans taken one at a time, none overlapping another: the longest-match-wins choice among
     * overlapping matches, made in logarithmic time per match.
     */
    public static final class Disjoint {

        private final TreeMap<Integer, Integer> endByStart = new TreeMap<>();

        /** Takes {@code [start, end)} when it overlaps no span taken before; whether it did. */
        public boolean take(int start, int end) {
            // taken spans are disjoint, so the last one starting before end reaches furthest
            Map.Entry<Integer, Integer> before = endByStart.lowerEntry(end);
            if (before != null && before.getValue() > start) {
                return false;
            }
            endByStart.put(start, end);
            return true;
        }
    }
}
