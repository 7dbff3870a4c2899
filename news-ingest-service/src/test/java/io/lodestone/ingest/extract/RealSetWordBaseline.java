package io.lodestone.ingest.extract;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A yardstick for the rules, not a reader to ship: a naive Bayes classifier over English words and
 * Han character pairs, trained on all later collections but one and scored on that one, the way
 * each collection was scored blind by the rules. It answers one question: would a model learned
 * from the labels alone carry over to unseen reporting better than the rules do? Prints, per
 * held-out collection, the same figures as {@link RealSetEvaluationTest} (an item judged not
 * relevant counts as a wrong type and direction).
 * <pre>
 * java -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" io.lodestone.ingest.extract.RealSetWordBaseline
 * </pre>
 */
public final class RealSetWordBaseline {

    private static final Pattern WORD = Pattern.compile("[A-Za-z][A-Za-z-]+");
    private static final Pattern HAN = Pattern.compile("[\\u4e00-\\u9fff]+");

    private RealSetWordBaseline() {
    }

    @SuppressWarnings("java:S106")
    public static void main(String[] args) throws IOException {
        Path texts = RealSet.textDirectory().orElseThrow(() -> new IllegalStateException("no real-set texts"));
        List<RealSet.Labelled> items = RealSet.load(texts).stream()
                .filter(l -> l.split() != RealSet.Split.TUNE && l.split() != RealSet.Split.HELD_OUT).toList();
        Set<RealSet.Split> collections = new java.util.TreeSet<>();
        items.forEach(l -> collections.add(l.split()));
        for (RealSet.Split heldOut : collections) {
            List<RealSet.Labelled> train = items.stream().filter(l -> l.split() != heldOut).toList();
            List<RealSet.Labelled> trainRelevant = train.stream().filter(l -> l.gold().relevant()).toList();
            NaiveBayes relevance = NaiveBayes.fit(train, l -> String.valueOf(l.gold().relevant()));
            NaiveBayes type = NaiveBayes.fit(trainRelevant, l -> l.gold().eventType());
            NaiveBayes direction = NaiveBayes.fit(trainRelevant, l -> l.gold().direction());
            Map<String, int[]> noise = new TreeMap<>();
            int relevant = 0;
            int kept = 0;
            int typeRight = 0;
            int directionRight = 0;
            for (RealSet.Labelled labelled : items) {
                if (labelled.split() != heldOut) {
                    continue;
                }
                Set<String> features = features(labelled);
                boolean judgedRelevant = Boolean.parseBoolean(relevance.predict(features));
                if (!labelled.gold().relevant()) {
                    int[] counts = noise.computeIfAbsent(labelled.languageGroup(), k -> new int[2]);
                    counts[0] += judgedRelevant ? 0 : 1;
                    counts[1]++;
                    continue;
                }
                relevant++;
                if (judgedRelevant) {
                    kept++;
                    typeRight += type.predict(features).equals(labelled.gold().eventType()) ? 1 : 0;
                    directionRight += direction.predict(features).equals(labelled.gold().direction()) ? 1 : 0;
                }
            }
            StringBuilder line = new StringBuilder(heldOut.name().toLowerCase(Locale.ROOT))
                    .append(": trained on ").append(train.size()).append(" items; noise rejected");
            noise.forEach((language, counts) -> line.append(' ').append(language).append(' ')
                    .append(counts[0]).append('/').append(counts[1]));
            System.out.printf(Locale.ROOT, "%s; event type %.3f, direction %.3f, kept as relevant %.3f%n", line,
                    typeRight / (double) relevant, directionRight / (double) relevant, kept / (double) relevant);
        }
    }

    /** English words and Han character pairs of the title (counted twice) and the first 1,500 characters. */
    static Set<String> features(RealSet.Labelled labelled) {
        String title = labelled.item().title() == null ? "" : labelled.item().title();
        String text = labelled.item().text() == null ? "" : labelled.item().text();
        String read = title + " " + title + " " + text.substring(0, Math.min(text.length(), 1500));
        Set<String> features = new HashSet<>();
        Matcher words = WORD.matcher(read.toLowerCase(Locale.ROOT));
        while (words.find()) {
            features.add("w:" + words.group());
        }
        Matcher han = HAN.matcher(read);
        while (han.find()) {
            String run = han.group();
            for (int i = 0; i + 1 < run.length(); i++) {
                features.add("b:" + run.substring(i, i + 2));
            }
        }
        return features;
    }

    /** Bernoulli-style naive Bayes with add-one smoothing over the features present. */
    record NaiveBayes(Map<String, Integer> classCounts, Map<String, Map<String, Integer>> featureCounts,
                      Map<String, Integer> featureTotals, Set<String> vocabulary, int total) {

        static NaiveBayes fit(List<RealSet.Labelled> items, java.util.function.Function<RealSet.Labelled, String> label) {
            Map<String, Integer> classCounts = new HashMap<>();
            Map<String, Map<String, Integer>> featureCounts = new HashMap<>();
            Map<String, Integer> featureTotals = new HashMap<>();
            Set<String> vocabulary = new HashSet<>();
            for (RealSet.Labelled labelled : items) {
                String c = label.apply(labelled);
                classCounts.merge(c, 1, Integer::sum);
                for (String feature : features(labelled)) {
                    featureCounts.computeIfAbsent(c, k -> new HashMap<>()).merge(feature, 1, Integer::sum);
                    featureTotals.merge(c, 1, Integer::sum);
                    vocabulary.add(feature);
                }
            }
            return new NaiveBayes(classCounts, featureCounts, featureTotals, vocabulary, items.size());
        }

        String predict(Set<String> features) {
            String best = null;
            double bestScore = Double.NEGATIVE_INFINITY;
            List<String> classes = new ArrayList<>(classCounts.keySet());
            classes.sort(null);
            for (String c : classes) {
                double score = Math.log(classCounts.get(c) / (double) total);
                Map<String, Integer> counts = featureCounts.getOrDefault(c, Map.of());
                double denominator = featureTotals.getOrDefault(c, 0) + (double) vocabulary.size();
                for (String feature : features) {
                    if (vocabulary.contains(feature)) {
                        score += Math.log((counts.getOrDefault(feature, 0) + 1) / denominator);
                    }
                }
                if (score > bestScore) {
                    bestScore = score;
                    best = c;
                }
            }
            return best;
        }
    }
}
