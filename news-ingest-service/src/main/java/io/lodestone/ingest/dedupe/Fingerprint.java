package io.lodestone.ingest.dedupe;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * What two reports of a story are compared by: a MinHash signature of the item's word 3-shingles
 * (each Han character counts as a word), which estimates how much of the wording they share, and
 * the set of salient words (longer Latin words that are not stop words, numbers, Han bigrams),
 * which says whether a rewrite tells the same facts in other words.
 */
record Fingerprint(long[] minHash, Set<String> salient) {

    static final int HASHES = 128;
    private static final int SHINGLE = 3;
    private static final long[] A = new long[HASHES];
    private static final long[] B = new long[HASHES];
    private static final Set<String> STOP_WORDS = Set.of("about", "after", "again", "against", "also", "among",
            "because", "been", "before", "being", "between", "could", "does", "during", "each", "from", "have",
            "having", "into", "more", "most", "other", "over", "said", "says", "same", "should", "some", "such",
            "than", "that", "their", "them", "then", "there", "these", "they", "this", "those", "through", "under",
            "until", "very", "were", "what", "when", "where", "which", "while", "will", "with", "would", "year",
            "years", "week", "on", "told", "reported", "according");

    static {
        SplittableRandom random = new SplittableRandom(0x10DE5703EL);
        for (int i = 0; i < HASHES; i++) {
            A[i] = random.nextLong() | 1;
            B[i] = random.nextLong();
        }
    }

    static Fingerprint of(String title, String text) {
        String s = ((title == null ? "" : title) + "\n" + (text == null ? "" : text)).toLowerCase(Locale.ROOT);
        java.util.List<String> words = new java.util.ArrayList<>();
        Set<String> salient = new HashSet<>();
        StringBuilder word = new StringBuilder();
        int previousHan = -1;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN) {
                flush(word, words, salient);
                words.add(new String(Character.toChars(cp)));
                if (previousHan >= 0) {
                    salient.add(new String(Character.toChars(previousHan)) + new String(Character.toChars(cp)));
                }
                previousHan = cp;
            } else {
                previousHan = -1;
                if (Character.isLetterOrDigit(cp)) {
                    word.appendCodePoint(cp);
                } else {
                    flush(word, words, salient);
                }
            }
        }
        flush(word, words, salient);
        long[] signature = new long[HASHES];
        java.util.Arrays.fill(signature, Long.MAX_VALUE);
        for (int i = 0; i + SHINGLE <= Math.max(words.size(), SHINGLE); i++) {
            long shingle = 0xcbf29ce484222325L;
            for (int k = i; k < Math.min(i + SHINGLE, words.size()); k++) {
                shingle = fnv(shingle, words.get(k));
            }
            for (int h = 0; h < HASHES; h++) {
                long value = mix(A[h] * shingle + B[h]);
                if (value < signature[h]) {
                    signature[h] = value;
                }
            }
        }
        return new Fingerprint(signature, salient);
    }

    /** Estimated Jaccard similarity of the two items' shingle sets. */
    double wordingSimilarity(Fingerprint other) {
        int same = 0;
        for (int h = 0; h < HASHES; h++) {
            if (minHash[h] == other.minHash[h]) {
                same++;
            }
        }
        return same / (double) HASHES;
    }

    /** Jaccard similarity of the two items' salient words. */
    double factSimilarity(Fingerprint other) {
        if (salient.isEmpty() || other.salient.isEmpty()) {
            return 0;
        }
        int common = 0;
        for (String w : salient) {
            if (other.salient.contains(w)) {
                common++;
            }
        }
        return common / (double) (salient.size() + other.salient.size() - common);
    }

    private static void flush(StringBuilder word, java.util.List<String> words, Set<String> salient) {
        if (word.length() == 0) {
            return;
        }
        String w = word.toString();
        words.add(w);
        boolean number = w.chars().allMatch(Character::isDigit);
        if ((number || w.length() >= 4) && !STOP_WORDS.contains(w)) {
            salient.add(w);
        }
        word.setLength(0);
    }

    private static long fnv(long hash, String s) {
        for (int i = 0; i < s.length(); i++) {
            hash ^= s.charAt(i);
            hash *= 0x100000001b3L;
        }
        hash ^= ' ';
        return hash * 0x100000001b3L;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }
}
