package io.lodestone.ingest.extract.dictionary;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every keyword of every dictionary in one Aho–Corasick automaton, so that one pass over an
 * item's folded text finds where each rule may match. Rules are registered in blocks, one per
 * dictionary ({@link Rulebook}); a rule is then identified by a global number.
 * <p>
 * Immutable once built and safe for concurrent use.
 */
public final class Lexicon {

    /** Per state: the characters of its edges (sorted) and their target states. */
    private final char[][] edgeChars;
    private final int[][] edgeTargets;
    /** All edges in one open-addressing table: key {@code state << 16 | char}, for a lookup per character. */
    private final long[] edgeKeys;
    private final int[] edgeValues;
    private final int edgeMask;
    /** The root's edges by character. */
    private final int[] rootEdges = new int[Character.MAX_VALUE + 1];
    private final int[] failure;
    /** Per state: the keywords that end here, its own and those reached by failure links. */
    private final int[][] outputs;
    private final int[] keywordLength;
    /** Per keyword: the rules it starts. */
    private final int[][] keywordRules;
    /** Per rule: where its pattern can begin ({@link Rule#startMask()}). */
    private final int[] ruleStarts;

    private Lexicon(Builder builder) {
        int states = builder.edges.size();
        edgeChars = new char[states][];
        edgeTargets = new int[states][];
        for (int s = 0; s < states; s++) {
            Map<Character, Integer> edges = builder.edges.get(s);
            char[] chars = new char[edges.size()];
            int i = 0;
            for (char c : edges.keySet()) {
                chars[i++] = c;
            }
            Arrays.sort(chars);
            int[] targets = new int[chars.length];
            for (int j = 0; j < chars.length; j++) {
                targets[j] = edges.get(chars[j]);
            }
            edgeChars[s] = chars;
            edgeTargets[s] = targets;
        }
        int edgeCount = 0;
        for (char[] chars : edgeChars) {
            edgeCount += chars.length;
        }
        int capacity = Integer.highestOneBit(Math.max(16, edgeCount * 3)) * 2;
        edgeKeys = new long[capacity];
        edgeValues = new int[capacity];
        edgeMask = capacity - 1;
        Arrays.fill(edgeKeys, -1L);
        Arrays.fill(rootEdges, -1);
        for (int state = 0; state < states; state++) {
            for (int j = 0; j < edgeChars[state].length; j++) {
                long key = (long) state << 16 | edgeChars[state][j];
                int slot = slot(key);
                while (edgeKeys[slot] != -1L) {
                    slot = (slot + 1) & edgeMask;
                }
                edgeKeys[slot] = key;
                edgeValues[slot] = edgeTargets[state][j];
                if (state == 0) {
                    rootEdges[edgeChars[0][j]] = edgeTargets[0][j];
                }
            }
        }
        failure = new int[states];
        List<List<Integer>> out = new ArrayList<>();
        for (int s = 0; s < states; s++) {
            out.add(new ArrayList<>(builder.ends.get(s)));
        }
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int target : edgeTargets[0]) {
            queue.add(target);
        }
        while (!queue.isEmpty()) {
            int s = queue.poll();
            for (int j = 0; j < edgeChars[s].length; j++) {
                char c = edgeChars[s][j];
                int target = edgeTargets[s][j];
                int f = failure[s];
                while (f > 0 && next(f, c) < 0) {
                    f = failure[f];
                }
                int fallback = next(f, c);
                failure[target] = fallback >= 0 && fallback != target ? fallback : 0;
                out.get(target).addAll(out.get(failure[target]));
                queue.add(target);
            }
        }
        outputs = new int[states][];
        for (int s = 0; s < states; s++) {
            outputs[s] = out.get(s).stream().mapToInt(Integer::intValue).toArray();
        }
        keywordLength = builder.keywordLength.stream().mapToInt(Integer::intValue).toArray();
        keywordRules = builder.keywordRules.stream()
                .map(rules -> rules.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);
        ruleStarts = builder.rules.stream().mapToInt(Rule::startMask).toArray();
    }

    private int next(int state, char c) {
        if (state == 0) {
            return rootEdges[c];
        }
        long key = (long) state << 16 | c;
        for (int slot = slot(key); edgeKeys[slot] != -1L; slot = (slot + 1) & edgeMask) {
            if (edgeKeys[slot] == key) {
                return edgeValues[slot];
            }
        }
        return -1;
    }

    private int slot(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h >>> 40) & edgeMask;
    }

    /**
     * Where keywords start in {@code folded}: each entry is {@code start << 32 | rule}, one per rule
     * a keyword starts and whose pattern can begin there ({@link Rule#mayStartAt}), sorted by start
     * and then rule, without repeats.
     */
    public long[] scan(String folded) {
        long[] found = new long[64];
        int count = 0;
        int state = 0;
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            int target;
            while ((target = next(state, c)) < 0 && state > 0) {
                state = failure[state];
            }
            state = Math.max(target, 0);
            int[] ending = outputs[state];
            for (int keyword : ending) {
                long start = i + 1 - keywordLength[keyword];
                int possible = Rule.startsPossibleAt(folded, (int) start);
                for (int rule : keywordRules[keyword]) {
                    if ((ruleStarts[rule] & possible) == 0) {
                        continue; // the rule's pattern cannot begin here ("or" inside "for")
                    }
                    if (count == found.length) {
                        found = Arrays.copyOf(found, count * 2);
                    }
                    found[count++] = start << 32 | rule;
                }
            }
        }
        Arrays.sort(found, 0, count);
        int unique = 0;
        for (int i = 0; i < count; i++) {
            if (unique == 0 || found[unique - 1] != found[i]) {
                found[unique++] = found[i];
            }
        }
        return Arrays.copyOf(found, unique);
    }

    /** Length of the longest keyword of {@code rule} that starts at {@code start} in {@code folded}. */
    public static int keywordAt(Rule rule, String folded, int start) {
        int longest = 0;
        for (String keyword : rule.keywords()) {
            if (keyword.length() > longest && folded.startsWith(keyword, start)) {
                longest = keyword.length();
            }
        }
        return longest;
    }

    /** Collects the rules of every dictionary before the automaton is built. */
    public static final class Builder {

        private final List<Map<Character, Integer>> edges = new ArrayList<>();
        private final List<List<Integer>> ends = new ArrayList<>();
        private final Map<String, Integer> keywordIds = new HashMap<>();
        private final List<Integer> keywordLength = new ArrayList<>();
        private final List<List<Integer>> keywordRules = new ArrayList<>();
        private final List<Rule> rules = new ArrayList<>();

        public Builder() {
            edges.add(new HashMap<>());
            ends.add(new ArrayList<>());
        }

        /** Registers a dictionary's rules; returns the global number of its first rule. */
        public int register(List<Rule> block) {
            int offset = rules.size();
            for (Rule rule : block) {
                int number = rules.size();
                rules.add(rule);
                for (String keyword : rule.keywords()) {
                    keywordRules.get(keyword(keyword)).add(number);
                }
            }
            return offset;
        }

        private int keyword(String keyword) {
            Integer id = keywordIds.get(keyword);
            if (id != null) {
                return id;
            }
            int state = 0;
            for (int i = 0; i < keyword.length(); i++) {
                char c = keyword.charAt(i);
                Integer target = edges.get(state).get(c);
                if (target == null) {
                    target = edges.size();
                    edges.add(new HashMap<>());
                    ends.add(new ArrayList<>());
                    edges.get(state).put(c, target);
                }
                state = target;
            }
            id = keywordLength.size();
            keywordIds.put(keyword, id);
            keywordLength.add(keyword.length());
            keywordRules.add(new ArrayList<>());
            ends.get(state).add(id);
            return id;
        }

        public Lexicon build() {
            return new Lexicon(this);
        }
    }
}
