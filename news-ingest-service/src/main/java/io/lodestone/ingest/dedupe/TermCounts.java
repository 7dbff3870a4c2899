package io.lodestone.ingest.dedupe;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The term counts of a report or a story: its words in order with their counts, in two arrays.
 * Immutable. It is a {@code Map} for JSON and for readers, but thousands of remembered stories
 * each keep one, so it costs about 8 bytes a term where an immutable map of boxed counts costs
 * about 16 and a hash map about 50.
 */
public final class TermCounts extends AbstractMap<String, Integer> {

    private static final TermCounts EMPTY = new TermCounts(new String[0], new int[0]);

    private final String[] terms;
    private final int[] counts;

    private TermCounts(String[] terms, int[] counts) {
        this.terms = terms;
        this.counts = counts;
    }

    /**
     * The same counts (itself when it is one already); null keys or counts are refused. The terms are
     * kept as given: the story stage's decoding ({@code StoryJson}) interns them, so the words of
     * thousands of remembered stories are kept once; a candidate built on the way to the topic never
     * pays for that.
     */
    public static TermCounts of(Map<String, Integer> counts) {
        if (counts instanceof TermCounts same) {
            return same;
        }
        if (counts == null || counts.isEmpty()) {
            return EMPTY;
        }
        String[] terms = counts.keySet().toArray(new String[0]);
        Arrays.sort(terms);
        int[] values = new int[terms.length];
        for (int i = 0; i < terms.length; i++) {
            values[i] = Objects.requireNonNull(counts.get(terms[i]), () -> "no count for a term");
        }
        return new TermCounts(terms, values);
    }

    @Override
    public int size() {
        return terms.length;
    }

    /** The i-th term in order. */
    public String term(int i) {
        return terms[i];
    }

    /** The count of the i-th term. */
    public int count(int i) {
        return counts[i];
    }

    /** The count of a term, 0 if it has none. */
    public int count(String term) {
        int i = Arrays.binarySearch(terms, term);
        return i < 0 ? 0 : counts[i];
    }

    @Override
    public boolean containsKey(Object key) {
        return key instanceof String term && Arrays.binarySearch(terms, term) >= 0;
    }

    @Override
    public Integer get(Object key) {
        if (!(key instanceof String term)) {
            return null;
        }
        int i = Arrays.binarySearch(terms, term);
        return i < 0 ? null : counts[i];
    }

    @Override
    public void forEach(BiConsumer<? super String, ? super Integer> action) {
        for (int i = 0; i < terms.length; i++) {
            action.accept(terms[i], counts[i]);
        }
    }

    /** The terms in order, read from the array: no entry is made per term. */
    @Override
    public Set<String> keySet() {
        return new AbstractSet<>() {
            @Override
            public int size() {
                return terms.length;
            }

            @Override
            public boolean contains(Object term) {
                return containsKey(term);
            }

            @Override
            public Iterator<String> iterator() {
                return Arrays.asList(terms).iterator();
            }
        };
    }

    @Override
    public Set<Entry<String, Integer>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public int size() {
                return terms.length;
            }

            @Override
            public Iterator<Entry<String, Integer>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < terms.length;
                    }

                    @Override
                    public Entry<String, Integer> next() {
                        if (next >= terms.length) {
                            throw new NoSuchElementException();
                        }
                        Entry<String, Integer> entry = new SimpleImmutableEntry<>(terms[next], counts[next]);
                        next++;
                        return entry;
                    }
                };
            }
        };
    }
}
