package io.lodestone.ingest.source;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One host's robots.txt (RFC 9309), read for one crawler: the rules of the groups naming our
 * product token (a group for a prefix of it, such as {@code Lodestone}, counts), else those of the
 * {@code *} groups. The most specific (longest) matching rule decides, and on a tie {@code Allow}
 * wins; {@code *} matches any characters and a final {@code $} anchors the end. {@code Crawl-delay}
 * is not in the RFC but widely used; it is honoured (capped) as a per-host interval.
 */
record RobotsTxt(List<Rule> rules, Optional<Duration> crawlDelay) {

    /** Only the first this-many characters count (the RFC requires at least 500 KiB to be parsed). */
    static final int MAX_CHARS = 512 * 1024;
    /**
     * Rules are matched against every link a poll follows, each in O(path × pattern) at worst: a
     * rule longer than {@value #MAX_RULE_CHARS} characters is ignored, and rules past
     * {@value #MAX_RULES_CHARS} characters in all are not read (517 rules of a thousand wildcards had
     * taken a second of CPU per link). Real files stay far under both.
     */
    static final int MAX_RULE_CHARS = 512;
    static final int MAX_RULES_CHARS = 32 * 1024;

    static final RobotsTxt ALLOW_ALL = new RobotsTxt(List.of(), Optional.empty());
    static final RobotsTxt DISALLOW_ALL = new RobotsTxt(List.of(new Rule(false, "/")), Optional.empty());

    record Rule(boolean allow, String pattern) {
        /** Wildcard matching in O(path × pattern) at worst, so no pattern can make it explode. */
        boolean matches(String path) {
            boolean anchored = pattern.endsWith("$");
            String glob = anchored ? pattern.substring(0, pattern.length() - 1) : pattern + "*";
            int p = 0;
            int g = 0;
            int star = -1;
            int resume = 0;
            while (p < path.length()) {
                if (g < glob.length() && glob.charAt(g) == '*') {
                    star = g++;
                    resume = p;
                } else if (g < glob.length() && glob.charAt(g) == path.charAt(p)) {
                    g++;
                    p++;
                } else if (star >= 0) {
                    g = star + 1;
                    p = ++resume;
                } else {
                    return false;
                }
            }
            while (g < glob.length() && glob.charAt(g) == '*') {
                g++;
            }
            return g == glob.length();
        }
    }

    static RobotsTxt parse(String text, String productToken) {
        String token = productToken.toLowerCase(Locale.ROOT);
        List<Rule> ours = new ArrayList<>();
        List<Rule> anyone = new ArrayList<>();
        int oursChars = 0;
        int anyoneChars = 0;
        Duration ourDelay = null;
        Duration anyDelay = null;
        boolean oursFound = false;
        List<String> agents = new ArrayList<>();
        boolean inRules = false;
        String body = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
        for (String raw : body.split("\\r?\\n|\\r")) {
            int hash = raw.indexOf('#');
            String line = (hash >= 0 ? raw.substring(0, hash) : raw).strip();
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String key = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).strip();
            if (key.equals("user-agent")) {
                if (inRules) {
                    agents.clear();
                    inRules = false;
                }
                agents.add(value.toLowerCase(Locale.ROOT));
                continue;
            }
            if (agents.isEmpty()) {
                continue;
            }
            inRules = true;
            boolean forUs = agents.stream().anyMatch(agent -> !agent.equals("*") && token.startsWith(agent));
            boolean forAnyone = agents.contains("*");
            oursFound |= forUs;
            switch (key) {
                case "allow", "disallow" -> {
                    if (!value.isEmpty() && value.length() <= MAX_RULE_CHARS) {
                        Rule rule = new Rule(key.equals("allow"), value);
                        if (forUs && oursChars + value.length() <= MAX_RULES_CHARS) {
                            ours.add(rule);
                            oursChars += value.length();
                        }
                        if (forAnyone && anyoneChars + value.length() <= MAX_RULES_CHARS) {
                            anyone.add(rule);
                            anyoneChars += value.length();
                        }
                    }
                }
                case "crawl-delay" -> {
                    Duration delay = seconds(value);
                    if (forUs) {
                        ourDelay = delay;
                    }
                    if (forAnyone) {
                        anyDelay = delay;
                    }
                }
                default -> {
                }
            }
        }
        return oursFound ? new RobotsTxt(List.copyOf(ours), Optional.ofNullable(ourDelay))
                : new RobotsTxt(List.copyOf(anyone), Optional.ofNullable(anyDelay));
    }

    /** Whether a path (with its query) may be fetched. */
    boolean allows(String pathAndQuery) {
        String path = pathAndQuery.isEmpty() ? "/" : pathAndQuery;
        Rule best = null;
        for (Rule rule : rules) {
            if (rule.matches(path) && (best == null || rule.pattern().length() > best.pattern().length()
                    || rule.pattern().length() == best.pattern().length() && rule.allow())) {
                best = rule;
            }
        }
        return best == null || best.allow();
    }

    private static Duration seconds(String value) {
        try {
            double seconds = Double.parseDouble(value);
            return seconds > 0 && seconds < 86_400 ? Duration.ofMillis((long) (seconds * 1000)) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
