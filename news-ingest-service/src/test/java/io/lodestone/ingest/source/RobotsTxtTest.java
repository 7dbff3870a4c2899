package io.lodestone.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** robots.txt read the RFC 9309 way for the product token {@code lodestone-news-ingest}. */
class RobotsTxtTest {

    private static final String ROBOTS = """
            # everyone
            User-agent: *
            Disallow: /search
            Allow: /search/notices$
            Crawl-delay: 1

            User-agent: OtherBot
            Disallow: /

            User-agent: Lodestone
            Disallow: /private/
            Allow: /private/notices/
            Disallow: /*.pdf$
            Crawl-delay: 5
            """;

    @ParameterizedTest(name = "{0} -> allowed {1}")
    @CsvSource({
            "/, true",
            "/search, true",                  // our group, not the * group, applies
            "/private/, false",
            "/private/x.html, false",
            "/private/notices/1.html, true",  // the longer Allow wins
            "/files/a.pdf, false",
            "/files/a.pdf?x=1, true",         // $ anchors the end
            "/notices/2025/1.html, true"})
    void ourGroupDecidesWithTheLongestMatch(String path, boolean allowed) {
        assertThat(RobotsTxt.parse(ROBOTS, "lodestone-news-ingest").allows(path)).isEqualTo(allowed);
    }

    @ParameterizedTest(name = "{0} -> allowed {1}")
    @CsvSource({
            "/, true",
            "/search, false",
            "/search/notices, true",
            "/search/notices/x, false",
            "/searching, false"})
    void theStarGroupAppliesWhenNoGroupNamesUs(String path, boolean allowed) {
        assertThat(RobotsTxt.parse(ROBOTS, "someone-else").allows(path)).isEqualTo(allowed);
    }

    @Test
    void crawlDelayOfOurGroupIsRead() {
        assertThat(RobotsTxt.parse(ROBOTS, "lodestone-news-ingest").crawlDelay()).contains(Duration.ofSeconds(5));
    }

    @Test
    void anEqualLengthTieGoesToAllow() {
        RobotsTxt robots = RobotsTxt.parse("User-agent: *\nDisallow: /page\nAllow: /page\n", "x");
        assertThat(robots.allows("/page")).isTrue();
    }

    @Test
    void manyWildcardsOnALongPathStayFast() {
        RobotsTxt robots = RobotsTxt.parse("User-agent: *\nDisallow: /" + "*a".repeat(200) + "b\n", "x");
        long started = System.nanoTime();
        assertThat(robots.allows("/" + "a".repeat(5_000))).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void aRuleTooLongToMatchCheaplyIsIgnoredAndRulesPastTheBudgetAreNotRead() {
        String tooLong = "/" + "*x".repeat(RobotsTxt.MAX_RULE_CHARS / 2);
        StringBuilder file = new StringBuilder("User-agent: *\nDisallow: " + tooLong + "\n");
        // then rules of 100 characters: the budget holds the first 327 of them
        for (int i = 0; i < 1000; i++) {
            file.append("Disallow: /").append(String.format("%03d", i)).append("/").append("p".repeat(95)).append("\n");
        }
        RobotsTxt robots = RobotsTxt.parse(file.toString(), "x");

        assertThat(robots.allows("/" + "x".repeat(40))).isTrue();
        assertThat(robots.allows("/000/" + "p".repeat(95))).isFalse();
        assertThat(robots.allows("/999/" + "p".repeat(95))).isTrue();
        assertThat(robots.rules()).hasSize(RobotsTxt.MAX_RULES_CHARS / 100)
                .allSatisfy(rule -> assertThat(rule.pattern()).hasSizeLessThanOrEqualTo(RobotsTxt.MAX_RULE_CHARS));
    }

    @Test
    void anEmptyOrUnrelatedFileAllowsEverything() {
        assertThat(RobotsTxt.parse("", "x").allows("/anything")).isTrue();
        assertThat(RobotsTxt.parse("<html>not found</html>", "x").allows("/anything")).isTrue();
    }
}
