package io.lodestone.ingest.dedupe;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestone.events.Direction;
import io.lodestone.events.EventType;
import io.lodestone.events.SupplyEventDetected;
import io.lodestone.ingest.extract.Extraction;
import io.lodestone.ingest.extract.Extractor;
import io.lodestone.ingest.item.NewsItem;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The story linker on paraphrases of the clustering failure classes: outlets' rewrites in
 * English, simplified and traditional Chinese are one story; templated notices about different
 * elements, the same actor months apart, and items around an undated one stay what they are.
 * Each row lists reports in arrival order and the stories they must form.
 */
class StoryLinkerTest {

    private static final Extractor EXTRACTOR = new Extractor();
    private static final Instant DETECTED = Instant.parse("2026-11-30T12:00:00Z");
    private static final Instant DAY = Instant.parse("2025-10-09T06:00:00Z");

    record Report(String id, String url, Instant publishedAt, String title, String text) {
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("11: three English outlets rewrite one control",
                        List.of(
                                report("wire", "https://wire.example.com/heavy-ree", 0,
                                        "China puts export controls on more rare earth technologies and five elements",
                                        "China's commerce ministry said in Announcement No. 62 that exports of holmium, erbium, thulium, europium and ytterbium will need a licence from 8 November. The ministry also widened controls on rare earth mining and magnet technology, saying the step protects national security. Analysts said the move tightens the grip Beijing holds over about 90% of refined output."),
                                report("daily", "https://daily.example.org/markets/ree-licences", 5,
                                        "Beijing widens rare earth curbs to holmium, erbium and three more metals",
                                        "Beijing added five rare earths - holmium, erbium, thulium, europium and ytterbium - to its export licensing list, the commerce ministry announced on Thursday (No. 62). Licences will be required from 8 November, and the rules also cover technology used to mine and refine the metals. China controls roughly 90% of refining."),
                                report("journal", "https://journal.example.net/asia/china-rare-earth-controls", 20,
                                        "China expands rare earth export restrictions ahead of trade talks",
                                        "The Ministry of Commerce expanded its export control regime to holmium, erbium, thulium, europium and ytterbium, requiring licences from November 8 under announcement No. 62. Industry groups said the licensing of mining and separation technology would slow projects abroad.")),
                        List.of(Set.of("wire", "daily", "journal"))),
                Arguments.of("11/14: simplified and traditional reports of one notice",
                        List.of(
                                report("xinhua", "https://news.example.cn/2025/ree62", 0,
                                        "商务部对钬、铒、铥、铕、镱等稀土物项实施出口管制",
                                        "商务部、海关总署发布2025年第62号公告，决定对钬、铒、铥、铕、镱相关物项实施出口管制，自11月8日起施行。出口经营者应当向商务部申请许可。商务部新闻发言人表示，此举是为了维护国家安全和利益。"),
                                report("hk", "https://hk.example.com/news/ree62", 3,
                                        "商務部對鈥、鉺、銩、銪、鐿等稀土物項實施出口管制",
                                        "商務部與海關總署發佈2025年第62號公告，宣佈對鈥、鉺、銩、銪、鐿相關物項實施出口管制，11月8日起施行，出口經營者須向商務部申請許可。發言人稱此舉旨在維護國家安全和利益。"),
                                report("tw", "https://tw.example.com/world/ree-control", 9,
                                        "中國擴大稀土出口管制 鈥鉺銩銪鐿須申請許可",
                                        "中國商務部公布第62號公告，對鈥、鉺、銩、銪、鐿實施出口管制，自11月8日起施行，出口須向商務部申請許可，此舉被視為中美貿易談判前的籌碼。")),
                        List.of(Set.of("xinhua", "hk", "tw"))),
                Arguments.of("13: templated bans on different elements are different stories",
                        templatedBans(),
                        templatedBans().stream().map(r -> Set.of(r.id())).toList()),
                Arguments.of("14: an English and a Chinese report of one plant, dated the same day, are one story",
                        List.of(
                                report("lynas-en", "https://wire.example.com/lynas-malaysia-plant", 0,
                                        "Lynas to build heavy rare earth separation plant in Malaysia",
                                        "Lynas Rare Earths said on Monday it will build a plant in Malaysia to separate dysprosium and terbium, with first output due next year. The Australian company did not give the cost."),
                                report("lynas-zh", "https://news.example.cn/lynas-malaysia", 20,
                                        "莱纳斯将在马来西亚建设重稀土分离厂",
                                        "澳大利亚莱纳斯稀土公司周一表示,将在马来西亚建设一座分离镝和铽的工厂,首批产品明年产出。公司未披露投资金额。"),
                                report("shenghe-zh", "https://news.example.cn/shenghe-vietnam", 22,
                                        "盛和资源在越南新建稀土冶炼厂",
                                        "盛和资源周一表示,将在越南建设一座稀土冶炼厂,分离镨钕,明年投产。公司未披露投资金额。")),
                        List.of(Set.of("lynas-en", "lynas-zh"), Set.of("shenghe-zh"))),
                Arguments.of("15: a halt and the restart that ends it are two stories, however alike their words",
                        List.of(
                                report("halt", "https://wire.example.com/qinghai-lithium-halt", 0,
                                        "Qinghai lithium producer halts brine operations after regulator's order",
                                        "A Qinghai lithium producer halted its brine lithium operations at the Chaerhan salt lake on Monday after the provincial regulator ordered a stop pending new mining permits, the company said in a filing."),
                                report("restart", "https://daily.example.org/qinghai-lithium-restart", 30,
                                        "Qinghai lithium producer resumes brine operations after regulator's approval",
                                        "A Qinghai lithium producer resumed its brine lithium operations at the Chaerhan salt lake on Tuesday after the provincial regulator granted new mining permits, the company said in a filing.")),
                        List.of(Set.of("halt"), Set.of("restart"))),
                Arguments.of("15: the same actor's quota batches months apart stay separate",
                        List.of(
                                report("q1", "https://wire.example.com/quota-batch-1", 0,
                                        "China issues first batch of rare earth mining quotas",
                                        "China's industry ministry issued the first batch of rare earth mining and smelting quotas for the year to state-owned producers, without publishing the totals, people familiar with the matter said."),
                                report("q2", "https://wire.example.com/quota-batch-2", 24 * 120,
                                        "China issues second batch of rare earth mining quotas",
                                        "China's industry ministry issued the second batch of rare earth mining and smelting quotas for the year to state-owned producers, again without publishing the totals, people familiar with the matter said.")),
                        List.of(Set.of("q1"), Set.of("q2"))),
                Arguments.of("12: an undated item between dated ones does not forget the earlier story",
                        List.of(
                                report("ga-1", "https://wire.example.com/gallium-licence", 0,
                                        "China requires export licences for gallium and germanium",
                                        "China's commerce ministry said exporters of gallium and germanium products will need licences from 1 August, citing national security, in Announcement No. 23. Prices of gallium rose 8% in Europe."),
                                undated("explainer", "https://blog.example.org/antimony-smelter",
                                        "Antimony smelter in Hunan halts output after floods",
                                        "A major antimony smelter in Hunan halted production after floods damaged its plant, traders said, tightening antimony supply."),
                                report("ga-2", "https://daily.example.org/gallium-germanium", 10,
                                        "Beijing to restrict gallium and germanium exports from August",
                                        "Exports of gallium and germanium will need licences from August 1, China announced (No. 23), a step that lifted gallium prices 8% in Rotterdam and worried chip makers.")),
                        List.of(Set.of("ga-1", "ga-2"), Set.of("explainer"))),
                Arguments.of("11: a report about the second of two notices joins the story that cites both",
                        List.of(
                                report("pair", "https://wire.example.com/two-notices", 0,
                                        "Beijing tightens rare earth export controls with two notices",
                                        "The commerce ministry published Notice No. 61 on rare earth items made abroad and Notice No. 62 on rare earth mining and refining technology. Under No. 61, foreign makers of magnets that contain Chinese rare earths need a licence; No. 62 covers the know-how for mining, separation and magnet making, and both notices cite national security."),
                                report("tech", "https://daily.example.org/ree-technology-notice", 4,
                                        "China curbs exports of rare earth refining technology",
                                        "The commerce ministry's Notice No. 62 puts rare earth mining, separation and magnet making technology under export licensing, citing national security. Exporters of the know-how need a licence under No. 62.")),
                        List.of(Set.of("pair", "tech"))),
                Arguments.of("13: two suspensions in one week, of rare earth controls and of a gallium ban, stay apart",
                        List.of(
                                report("ree-pause", "https://wire.example.com/ree-pause", 0,
                                        "China pauses its October rare earth export controls for a year",
                                        "China's commerce ministry said it will pause the rare earth export controls it announced in October for one year, after talks with Washington. The measures on rare earth items and technology are suspended until next November. A separate ban on gallium, germanium and antimony sales to the United States is not covered by this step, the ministry said."),
                                report("ga-pause", "https://daily.example.org/gallium-pause", 48,
                                        "China suspends ban on gallium, germanium and antimony exports to the US",
                                        "China's commerce ministry said it will suspend its ban on sales of gallium, germanium and antimony to the United States for one year, after talks with Washington, two days after it paused the October rare earth export controls. The suspension runs until next November, the ministry said."),
                                report("ga-pause-2", "https://journal.example.net/gallium-germanium-antimony", 50,
                                        "Beijing lifts gallium and antimony export ban on US for a year",
                                        "Beijing will suspend for one year its ban on exporting gallium, germanium and antimony to the United States, the commerce ministry said, following its pause of the October rare earth export controls earlier in the week after talks with Washington.")),
                        List.of(Set.of("ree-pause"), Set.of("ga-pause", "ga-pause-2"))),
                Arguments.of("14: an English and a Chinese report of one quota, its figures written differently",
                        List.of(
                                report("quota-en", "https://wire.example.com/quota", 0,
                                        "China sets tungsten mining quota at 58,000 tonnes",
                                        "China's natural resources ministry set the first tungsten mining quota of the year at 58,000 tonnes, 4% less than a year earlier, with effect from April 15."),
                                report("quota-zh", "https://news.example.cn/wolfram-quota", 6,
                                        "自然资源部下达钨矿开采总量控制指标",
                                        "自然资源部下达今年第一批钨矿开采总量控制指标五点八万吨，同比减少百分之四，自四月十五日起执行。")),
                        List.of(Set.of("quota-en", "quota-zh"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reportsFormTheExpectedStories(String name, List<Report> reports, List<Set<String>> expected) {
        StoryLinker linker = linker();
        Map<String, Set<String>> stories = new LinkedHashMap<>();

        for (Report report : reports) {
            StoryDecision decision = linker.link(candidate(report));
            stories.computeIfAbsent(decision.storyId(), id -> new TreeSet<>()).add(report.id());
        }

        assertThat(new ArrayList<>(stories.values())).containsExactlyInAnyOrderElementsOf(
                expected.stream().map(TreeSet::new).toList());
    }

    @Test
    void eachFurtherOutletRepublishesTheFirstEventWithOneMoreCorroboration() {
        StoryLinker linker = linker();
        List<Report> reports = reportsOf("11: three English outlets rewrite one control");

        StoryDecision first = linker.link(candidate(reports.get(0)));
        StoryDecision second = linker.link(candidate(reports.get(1)));
        StoryDecision third = linker.link(candidate(reports.get(2)));

        assertThat(first.outcome()).isEqualTo(StoryDecision.Outcome.NEW);
        assertThat(List.of(second.outcome(), third.outcome())).containsOnly(StoryDecision.Outcome.CORROBORATED);
        assertThat(third.event().eventId()).isEqualTo(first.event().eventId());
        assertThat(third.event().title()).isEqualTo(reports.get(0).title());
        assertThat(List.of(first.event().corroborations(), second.event().corroborations(),
                third.event().corroborations())).containsExactly(1, 2, 3);
    }

    @Test
    void theSameItemAgainIsADuplicateAndPublishesNothing() {
        StoryLinker linker = linker();
        Report wire = reportsOf("11: three English outlets rewrite one control").get(0);
        linker.link(candidate(wire));

        StoryDecision again = linker.link(candidate(new Report("wire-again", wire.url() + "?utm_source=rss",
                wire.publishedAt(), wire.title(), wire.text())));

        assertThat(again.outcome()).isEqualTo(StoryDecision.Outcome.DUPLICATE);
        assertThat(again.publishes()).isFalse();
        assertThat(again.firstItemId()).isEqualTo("wire");
    }

    @Test
    void anotherReportByAnOutletAlreadyCountedPublishesNothing() {
        StoryLinker linker = linker();
        List<Report> reports = reportsOf("11: three English outlets rewrite one control");
        linker.link(candidate(reports.get(0)));
        Report update = reports.get(1);

        StoryDecision decision = linker.link(candidate(new Report("wire-update", "https://wire.example.com/heavy-ree-update",
                update.publishedAt(), update.title(), update.text())));

        assertThat(decision.outcome()).isEqualTo(StoryDecision.Outcome.REPEATED);
        assertThat(decision.publishes()).isFalse();
        assertThat(decision.event().corroborations()).isEqualTo(1);
    }

    @Test
    void aReportTheExtractorMissedCountsAsOneMoreOutletOfTheStoryItRetells() {
        StoryLinker linker = linker();
        StoryDecision first = linker.link(candidate(TECHNOLOGY_NOTICE));
        StoryCandidate missed = candidate(TECHNOLOGY_NOTICE_MISSED);

        StoryDecision retold = linker.link(missed);

        assertThat(missed.relevant()).as("the extractor misses this report").isFalse();
        assertThat(retold.outcome()).isEqualTo(StoryDecision.Outcome.CORROBORATED);
        assertThat(retold.storyId()).isEqualTo(first.storyId());
        assertThat(retold.event().eventType()).isEqualTo(EventType.EXPORT_RESTRICTION);
        assertThat(retold.event().corroborations()).isEqualTo(2);
    }

    @Test
    void aReportFoundNotRelevantThatRetellsNoStoryLeavesNoTrace() {
        StoryLinker linker = linker();

        StoryDecision alone = linker.link(candidate(TECHNOLOGY_NOTICE_MISSED));
        StoryDecision again = linker.link(candidate(TECHNOLOGY_NOTICE_MISSED));
        StoryDecision relevant = linker.link(candidate(TECHNOLOGY_NOTICE));

        assertThat(alone.outcome()).isEqualTo(StoryDecision.Outcome.UNPLACED);
        assertThat(alone.publishes()).isFalse();
        assertThat(alone.storyId()).isNull();
        assertThat(again.outcome()).as("nothing remembered, not even its URL").isEqualTo(StoryDecision.Outcome.UNPLACED);
        assertThat(relevant.outcome()).isEqualTo(StoryDecision.Outcome.NEW);
        assertThat(linker.size()).isEqualTo(1);
    }

    @Test
    void aReportFoundNotRelevantNeedsACloserMatchThanARelevantOne() {
        Map<String, Integer> story = Map.of("gallium", 1, "licence", 1, "smelter", 1, "wafer", 1);
        Map<String, Integer> halfOfIt = Map.of("gallium", 1, "licence", 1, "flood", 1, "harbour", 1);
        StoryLinker forRelevant = linker();
        StoryLinker forRejected = linker();
        forRelevant.link(synthetic("a", "host:a", story));
        forRejected.link(synthetic("a", "host:a", story));

        StoryDecision relevant = forRelevant.link(synthetic("b", "host:b", halfOfIt));
        StoryDecision rejected = forRejected.link(rejected("b", "host:b", halfOfIt, List.of()));

        assertThat(relevant.outcome()).isEqualTo(StoryDecision.Outcome.CORROBORATED);
        assertThat(rejected.outcome()).isEqualTo(StoryDecision.Outcome.UNPLACED);
    }

    @Test
    void aRetellingJoinsOneStoryMergesNoneAndAddsNoElements() {
        Map<String, Story> kept = new LinkedHashMap<>();
        StoryLinker linker = new StoryLinker(LinkRules.standard(Duration.ofDays(3), 100), Stories.in(kept));
        StoryDecision a = linker.link(synthetic("a", "host:a", Map.of("gallium", 3, "licence", 2, "smelter", 2),
                List.of(), List.of("Ga")));
        StoryDecision b = linker.link(synthetic("b", "host:b", Map.of("germanium", 3, "wafer", 2, "quota", 2),
                List.of(), List.of("Ge")));

        StoryDecision bridge = linker.link(rejected("c", "host:c", Map.of("gallium", 3, "licence", 2, "smelter", 2,
                "germanium", 3, "wafer", 2, "quota", 2), List.of("Ga", "Ge", "Dy"), List.of(StoryText.TITLE_ELEMENT_PREFIX + "Dy")));

        assertThat(bridge.outcome()).isEqualTo(StoryDecision.Outcome.CORROBORATED);
        assertThat(bridge.storyId()).isIn(a.storyId(), b.storyId());
        assertThat(bridge.merged()).isEmpty();
        assertThat(linker.size()).isEqualTo(2);
        assertThat(kept.get(a.storyId()).elements()).containsExactly("Ga");
        assertThat(kept.get(b.storyId()).elements()).containsExactly("Ge");
        assertThat(kept.get(bridge.storyId()).figures()).doesNotContain(StoryText.TITLE_ELEMENT_PREFIX + "Dy");
    }

    @Test
    void aReportThatJoinsTwoStoriesMergesThemIntoTheOlder() {
        StoryLinker linker = new StoryLinker(LinkRules.standard(Duration.ofDays(3), 100), Stories.inMemory());
        StoryDecision a = linker.link(synthetic("a", "host:a", Map.of("gallium", 3, "licence", 2, "smelter", 2)));
        StoryDecision b = linker.link(synthetic("b", "host:b", Map.of("germanium", 3, "wafer", 2, "quota", 2)));

        StoryDecision bridge = linker.link(synthetic("c", "host:c", Map.of("gallium", 3, "licence", 2, "smelter", 2,
                "germanium", 3, "wafer", 2, "quota", 2)));

        assertThat(a.storyId()).isNotEqualTo(b.storyId());
        assertThat(bridge.storyId()).isEqualTo(a.storyId());
        assertThat(bridge.merged()).containsExactly(b.storyId());
        assertThat(bridge.event().corroborations()).isEqualTo(3);
        assertThat(linker.size()).isEqualTo(1);
    }

    @Test
    void aReportThatFitsTwoStoriesThatMayNotBeOneJoinsOneAndMergesNothing() {
        // Given a rare-earth story and a gallium story, whose headlines name disjoint elements
        StoryLinker linker = new StoryLinker(LinkRules.standard(Duration.ofDays(3), 100), Stories.inMemory());
        StoryDecision rareEarths = linker.link(synthetic("a", "host:a", Map.of("suspend", 3, "control", 2, "ministry", 2),
                List.of(StoryText.TITLE_ELEMENT_PREFIX + "REE")));
        StoryDecision gallium = linker.link(synthetic("b", "host:b", Map.of("ban", 3, "united", 2, "state", 2),
                List.of(StoryText.TITLE_ELEMENT_PREFIX + "Ga")));

        // When a report whose headline names no element retells both
        StoryDecision both = linker.link(synthetic("c", "host:c", Map.of("suspend", 3, "control", 2, "ministry", 2,
                "ban", 3, "united", 2, "state", 2), List.of()));

        // Then it joins one of them, and the two stay two stories
        assertThat(rareEarths.storyId()).isNotEqualTo(gallium.storyId());
        assertThat(both.storyId()).isIn(rareEarths.storyId(), gallium.storyId());
        assertThat(both.merged()).isEmpty();
        assertThat(linker.size()).isEqualTo(2);
    }

    @Test
    void storiesAreKeptInTheStoreAndALinkerOverTheSameStoreContinuesThem() {
        Stories store = Stories.inMemory();
        List<Report> reports = reportsOf("11: three English outlets rewrite one control");
        new StoryLinker(LinkRules.standard(Duration.ofDays(3), 100), store).link(candidate(reports.get(0)));

        StoryDecision afterRestart = new StoryLinker(LinkRules.standard(Duration.ofDays(3), 100), store)
                .link(candidate(reports.get(1)));

        assertThat(afterRestart.outcome()).isEqualTo(StoryDecision.Outcome.CORROBORATED);
        assertThat(afterRestart.firstItemId()).isEqualTo("wire");
    }

    @Test
    void anItemClaimingAnotherReportsAddressCannotSilenceIt() {
        // Given an easing pushed under the address of a ministry notice
        StoryLinker linker = linker();
        StoryDecision claimed = linker.link(candidate(report("pushed", "https://notices.example.gov/gallium-2026-11", 0,
                "China relaxes gallium export licensing",
                "China's commerce ministry said it will relax export licensing for gallium and approve general licences for exporters.")));

        // When the notice that really stands there says the opposite
        StoryDecision real = linker.link(candidate(report("notice", "https://notices.example.gov/gallium-2026-11?utm_source=rss", 1,
                "China bans gallium exports to the United States",
                "China's commerce ministry said exports of gallium to the United States are banned with immediate effect, citing national security.")));

        // Then the notice is its own story, published under an id of its own, and the claim sent
        // again is still nothing new
        assertThat(claimed.outcome()).isEqualTo(StoryDecision.Outcome.NEW);
        assertThat(real.outcome()).isEqualTo(StoryDecision.Outcome.NEW);
        assertThat(real.publishes()).isTrue();
        assertThat(real.event().eventType()).isEqualTo(EventType.EXPORT_RESTRICTION);
        assertThat(real.storyId()).isNotEqualTo(claimed.storyId());
        assertThat(real.event().eventId()).isNotEqualTo(claimed.event().eventId());
        assertThat(linker.link(candidate(report("pushed-again", "https://notices.example.gov/gallium-2026-11", 2,
                "China relaxes gallium export licensing",
                "China's commerce ministry said it will relax export licensing for gallium and approve general licences for exporters."))).publishes())
                .isFalse();
    }

    @Test
    void memoryIsBoundedByTheCap() {
        StoryLinker linker = new StoryLinker(LinkRules.standard(Duration.ofDays(3), 5), Stories.inMemory());

        for (int i = 0; i < 50; i++) {
            linker.link(synthetic("s" + i, "host:s" + i, Map.of("term" + i, 3, "other" + i, 2)));
        }

        assertThat(linker.size()).isEqualTo(5);
    }

    @Test
    void aFloodOfPushedItemsForgetsItsOwnStoriesNotAFeedsStory() {
        // Given room for five stories, and a feed's story that a second feed corroborated
        StoryLinker linker = new StoryLinker(LinkRules.standard(Duration.ofDays(3), 5), Stories.inMemory());
        Map<String, Integer> terms = Map.of("dysprosium", 3, "licence", 2, "suspended", 2);
        StoryCandidate first = fromSource("alpha", synthetic("alpha-1", "host:wire", terms, List.of(), List.of("Dy")));
        StoryCandidate second = fromSource("beta", synthetic("beta-1", "host:daily", terms, List.of(), List.of("Dy")));
        assertThat(linker.link(first).outcome()).isEqualTo(StoryDecision.Outcome.NEW);
        assertThat(linker.link(second).outcome()).isEqualTo(StoryDecision.Outcome.CORROBORATED);

        // When one client pushes fifty distinct items, each a story of its own
        for (int i = 0; i < 50; i++) {
            linker.link(synthetic("junk" + i, "host:junk" + i, Map.of("junk" + i, 3, "filler" + i, 2)));
        }

        // Then the feeds' story is still remembered: the second feed listing its report again is a
        // duplicate (not a new event counted a second time), and a third outlet's report joins it
        assertThat(linker.size()).isEqualTo(5);
        assertThat(linker.link(second).outcome()).isEqualTo(StoryDecision.Outcome.DUPLICATE);
        StoryDecision third = linker.link(fromSource("gamma", synthetic("gamma-1", "host:journal", terms, List.of(),
                List.of("Dy"))));
        assertThat(third.outcome()).isEqualTo(StoryDecision.Outcome.CORROBORATED);
        assertThat(third.event().corroborations()).isEqualTo(3);
        // while the oldest pushed items were forgotten, traces and all
        assertThat(linker.link(synthetic("junk0", "host:junk0", Map.of("junk0", 3, "filler0", 2))).outcome())
                .isEqualTo(StoryDecision.Outcome.NEW);
    }

    @Test
    void anItemSentAgainAfterLaterNewsForgotItsStoryIsStillADuplicate() {
        // Given a story of an old item, and a later report that moves the clock far past it
        Stories store = Stories.inMemory();
        StoryLinker linker = new StoryLinker(LinkRules.standard(Duration.ofDays(7), 100), store);
        StoryCandidate old = dated(synthetic("old", "host:wire", Map.of("antimony", 3, "licence", 2)), DAY);
        StoryDecision first = linker.link(old);
        linker.link(dated(synthetic("old-retold", "host:daily", Map.of("antimony", 3, "licence", 2)), DAY.plusSeconds(60)));
        linker.link(dated(synthetic("later", "host:wire", Map.of("graphite", 3, "anode", 2)), DAY.plus(Duration.ofDays(200))));

        // When the old item is sent again, now and after a restart
        StoryDecision again = linker.link(old);
        StoryDecision afterRestart = new StoryLinker(LinkRules.standard(Duration.ofDays(7), 100), store).link(old);

        // Then it is a duplicate of its forgotten story, which publishes nothing and is compared with nothing
        assertThat(again.outcome()).isEqualTo(StoryDecision.Outcome.DUPLICATE);
        assertThat(again.publishes()).isFalse();
        assertThat(again.storyId()).isEqualTo(first.storyId());
        assertThat(again.event().corroborations()).isEqualTo(2);
        assertThat(afterRestart.outcome()).isEqualTo(StoryDecision.Outcome.DUPLICATE);
        assertThat(linker.size()).isEqualTo(1);
        // and another outlet's report of the old story, which no kept story's words can meet, starts afresh
        assertThat(linker.link(dated(synthetic("old-third", "host:journal", Map.of("antimony", 3, "licence", 2)),
                DAY.plusSeconds(120))).outcome()).isEqualTo(StoryDecision.Outcome.NEW);
    }

    @Test
    void tracesOfForgottenStoriesAreBoundedByTheCapAndHoldNoText() {
        // Given room for three stories, and ten stories one after another
        Stories store = Stories.inMemory();
        StoryLinker linker = new StoryLinker(LinkRules.standard(Duration.ofDays(3), 3), store);
        List<StoryCandidate> sent = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            StoryCandidate candidate = synthetic("s" + i, "host:s" + i, Map.of("term" + i, 3, "other" + i, 2));
            sent.add(candidate);
            linker.link(candidate);
        }

        // Then three stories and the traces of the three forgotten last are kept, the traces without text
        List<Story> kept = new ArrayList<>();
        store.forEach(kept::add);
        assertThat(kept).hasSize(6);
        assertThat(kept).filteredOn(Story::forgotten).hasSize(3).allSatisfy(trace -> {
            assertThat(trace.terms()).isEmpty();
            assertThat(trace.figures()).isEmpty();
        });
        // and an item whose trace went too starts afresh, while one whose trace is kept is a duplicate
        assertThat(linker.link(sent.get(0)).outcome()).isEqualTo(StoryDecision.Outcome.NEW);
        assertThat(linker.link(sent.get(5)).outcome()).isEqualTo(StoryDecision.Outcome.DUPLICATE);
    }

    @Test
    void theTraceOfAStoryToldThousandsOfTimesKeepsItsLatestReportsOnly() {
        // Given a story one feed listed under a new URL on every poll, then forgotten as the clock moved on
        Stories store = Stories.inMemory();
        StoryLinker linker = new StoryLinker(LinkRules.standard(Duration.ofDays(3), 5), store);
        Map<String, Integer> terms = Map.of("gallium", 3, "licence", 2, "smelter", 2);
        for (int i = 0; i <= 1_000; i++) {
            linker.link(dated(synthetic("r" + i, "host:feed", terms), DAY));
        }
        linker.link(dated(synthetic("later", "host:wire", Map.of("graphite", 3)), DAY.plus(Duration.ofDays(30))));

        // Then its trace holds its latest reports' identities only, and the latest is still a duplicate
        List<Story> kept = new ArrayList<>();
        store.forEach(kept::add);
        assertThat(kept).filteredOn(Story::forgotten).singleElement().satisfies(trace ->
                assertThat(trace.identities()).hasSize(StoryLinker.TRACE_IDENTITIES).last().isEqualTo("id:test|r1000"));
        assertThat(linker.link(dated(synthetic("r1000", "host:feed", terms), DAY)).outcome())
                .isEqualTo(StoryDecision.Outcome.DUPLICATE);
    }

    @Test
    void aForgottenStoryIsNoLongerFoundByTheWordsItSharedWithKeptOnes() {
        // Given four stories that share a word, with room for three: the first is forgotten
        StoryLinker linker = new StoryLinker(LinkRules.standard(Duration.ofDays(3), 3), Stories.inMemory());
        for (int i = 0; i < 4; i++) {
            linker.link(synthetic("g" + i, "host:g" + i, Map.of("gallium", 2, "only" + i, 5)));
        }

        // When the first story is told again, and then the last one
        StoryDecision forgotten = linker.link(synthetic("g0-retold", "host:other", Map.of("gallium", 2, "only0", 5)));
        StoryDecision kept = linker.link(synthetic("g3-retold", "host:other", Map.of("gallium", 2, "only3", 5)));

        // Then the forgotten one starts afresh, and the kept one is still found by its words
        assertThat(forgotten.outcome()).isEqualTo(StoryDecision.Outcome.NEW);
        assertThat(kept.outcome()).isEqualTo(StoryDecision.Outcome.CORROBORATED);
        assertThat(kept.firstItemId()).isEqualTo("g3");
        assertThat(linker.size()).isEqualTo(3);
    }

    @Test
    void storiesTooOldToMatchTakeNoCandidatesPlace() {
        // Given a stage that scores two candidate stories per report, and live reports of today
        // that moved the clock before a backfill of older items arrived
        StoryLinker linker = new StoryLinker(new LinkRules(Duration.ofDays(3), 100, 0.40, 0.60, 0.20, 0.10, 0.05,
                0.15, 0.10, 40, 2, 2_000), Stories.inMemory());
        linker.link(dated(synthetic("live", "host:live", Map.of("today", 1)), DAY.plus(Duration.ofDays(60))));
        // and two backfilled stories a month and three weeks old that share every word of the next
        // report, and one of its own week that shares most of them
        Map<String, Integer> words = Map.of("gallium", 2, "licence", 2, "smelter", 2, "quota", 2, "furnace", 2);
        linker.link(dated(synthetic("month-old", "host:a", words), DAY.minus(Duration.ofDays(30))));
        linker.link(dated(synthetic("weeks-old", "host:b", words), DAY.minus(Duration.ofDays(20))));
        StoryDecision partner = linker.link(dated(synthetic("partner", "host:c",
                Map.of("gallium", 2, "licence", 2, "smelter", 2, "quota", 2)), DAY));

        // When another outlet's report of the same week arrives
        StoryDecision report = linker.link(dated(synthetic("report", "host:d", words), DAY.plus(Duration.ofHours(1))));

        // Then it joins the story of its week: the older ones, which share more words but can never
        // be its story, did not take the two places
        assertThat(report.outcome()).isEqualTo(StoryDecision.Outcome.CORROBORATED);
        assertThat(report.storyId()).isEqualTo(partner.storyId());
    }

    @Test
    void dailyBulletinsWhoseHeadlinesNameDifferentDaysAreDifferentStories() {
        // Given one market's bulletin of 4 June (Chinese headlines name the day they report)
        StoryLinker linker = new StoryLinker(LinkRules.standard(Duration.ofDays(7), 100), Stories.inMemory());
        StoryCandidate june4 = candidate(new Report("j4", "https://prices.example.cn/sb/0604", DAY,
                "2025年6月4日，长江现货锑均价暴跌5000元", "长江现货1#锑均价暴跌5000元至206000元/吨，贸易商称下游询单清淡。"));
        StoryCandidate june5 = candidate(new Report("j5", "https://prices.example.cn/sb/0605", DAY.plus(Duration.ofDays(1)),
                "2025年6月5日，长江现货锑均价暴跌5000元", "长江现货1#锑均价暴跌5000元至201000元/吨，贸易商称下游询单清淡。"));
        StoryCandidate june5Elsewhere = candidate(new Report("j5b", "https://metals.example.com/sb-0605",
                DAY.plus(Duration.ofDays(1)), "6月5日锑价继续暴跌5000元", "长江现货锑均价再跌5000元至201000元/吨。"));
        StoryDecision first = linker.link(june4);

        // When the next day's bulletin, worded the same, and another outlet's report of it arrive
        StoryDecision next = linker.link(june5);
        StoryDecision retold = linker.link(june5Elsewhere);

        // Then the next day is a story of its own, and the other outlet joins that day's story
        assertThat(next.outcome()).isEqualTo(StoryDecision.Outcome.NEW);
        assertThat(next.storyId()).isNotEqualTo(first.storyId());
        assertThat(retold.outcome()).isEqualTo(StoryDecision.Outcome.CORROBORATED);
        assertThat(retold.storyId()).isEqualTo(next.storyId());
    }

    @Test
    void quarterlyNoticesWhoseHeadlinesNameDifferentQuartersAreDifferentStories() {
        // Given an undated report of a producer's third-quarter concentrate price
        StoryLinker linker = new StoryLinker(LinkRules.standard(Duration.ofDays(7), 100), Stories.inMemory());
        StoryDecision third = linker.link(candidate(undated("q3", "https://prices.example.com/ree-concentrate-q3",
                "Rare earth concentrate price rises 1.5% in Q3 2025",
                "The producer raised the price of rare earth concentrate it buys from its parent by 1.5% for the quarter, "
                        + "to 19,109 yuan a tonne, it said in a filing.")));

        // When the next quarter's notice, worded alike and undated too, and another outlet's report
        // of the third quarter's arrive
        StoryDecision fourth = linker.link(candidate(undated("q4", "https://prices.example.com/ree-concentrate-q4",
                "Rare earth concentrate price rises 5% for the fourth quarter",
                "The producer raised the price of rare earth concentrate it buys from its parent by 5% for the quarter, "
                        + "to 20,064 yuan a tonne, it said in a filing.")));
        StoryDecision retold = linker.link(candidate(undated("q3b", "https://metals.example.org/concentrate-third-quarter",
                "Producer lifts third quarter rare earth concentrate price 1.5%",
                "The rare earth concentrate price for the quarter rises 1.5% to 19,109 yuan a tonne, the producer said in a filing.")));

        // Then the fourth quarter is a story of its own, and the retelling joins the third's
        assertThat(fourth.outcome()).isEqualTo(StoryDecision.Outcome.NEW);
        assertThat(fourth.storyId()).isNotEqualTo(third.storyId());
        assertThat(retold.outcome()).isEqualTo(StoryDecision.Outcome.CORROBORATED);
        assertThat(retold.storyId()).isEqualTo(third.storyId());
    }

    @Test
    void theReportThatMovesTheClockPastAnUndatedStoryMayStillJoinIt() {
        // Given an undated notice that came in while the clock stood at a report ten days older
        StoryLinker linker = new StoryLinker(LinkRules.standard(Duration.ofDays(3), 100), Stories.inMemory());
        linker.link(dated(synthetic("earlier", "host:a", Map.of("tungsten", 2, "quota", 2)), DAY.minus(Duration.ofDays(10))));
        Map<String, Integer> words = Map.of("gallium", 2, "licence", 2, "smelter", 2, "furnace", 2);
        StoryDecision notice = linker.link(undated(synthetic("notice", "host:b", words)));

        // When the first dated report of it arrives, dated well past the clock
        StoryDecision report = linker.link(dated(synthetic("report", "host:c", words), DAY));

        // Then it joins the notice's story, which the clock's move used to forget before comparing
        assertThat(report.outcome()).isEqualTo(StoryDecision.Outcome.CORROBORATED);
        assertThat(report.storyId()).isEqualTo(notice.storyId());
        // and what a move leaves behind is still forgotten once the report is placed
        assertThat(linker.size()).isEqualTo(1);
        linker.link(dated(synthetic("later", "host:d", Map.of("antimony", 2)), DAY.plus(Duration.ofDays(10))));
        assertThat(linker.size()).isEqualTo(1);
    }

    @Test
    void aStoryReportedThousandsOfTimesRemembersItsLatestReportsOnly() {
        // Given one outlet's feed that lists the same story under a new URL on every poll
        Stories store = Stories.inMemory();
        StoryLinker linker = new StoryLinker(LinkRules.standard(Duration.ofDays(3), 5), store);
        Map<String, Integer> terms = Map.of("gallium", 3, "licence", 2, "smelter", 2);
        StoryDecision first = linker.link(synthetic("r0", "host:feed", terms));

        // When it is reported three thousand times
        StoryDecision last = null;
        for (int i = 1; i <= 3_000; i++) {
            last = linker.link(synthetic("r" + i, "host:feed", terms));
        }

        // Then it is still one story told by one outlet, which remembers only its latest reports' identities
        assertThat(last.storyId()).isEqualTo(first.storyId());
        assertThat(last.outcome()).isEqualTo(StoryDecision.Outcome.REPEATED);
        assertThat(last.event().corroborations()).isEqualTo(1);
        List<Story> kept = new ArrayList<>();
        store.forEach(kept::add);
        assertThat(kept).singleElement().satisfies(story ->
                assertThat(story.identities()).hasSize(StoryLinker.MAX_IDENTITIES).last().isEqualTo("id:test|r3000"));
        // And a recent report sent again is still recognised as the same item
        assertThat(linker.link(synthetic("r2999", "host:feed", terms)).outcome()).isEqualTo(StoryDecision.Outcome.DUPLICATE);
    }

    /** The same candidate, published at {@code at}. */
    private static StoryCandidate dated(StoryCandidate candidate, Instant at) {
        SupplyEventDetected e = candidate.event();
        SupplyEventDetected event = new SupplyEventDetected(e.schemaVersion(), e.eventId(), e.sourceId(), e.url(), e.title(),
                at, e.detectedAt(), e.language(), e.eventType(), e.direction(), e.severity(), e.confidence(), e.elements(),
                e.groups(), e.countries(), e.companies(), e.evidence(), 1);
        return new StoryCandidate(candidate.itemId(), candidate.outlet(), candidate.identities(), true, event,
                candidate.terms(), candidate.figures());
    }

    /** The same candidate, as polled from the source {@code sourceId}. */
    private static StoryCandidate fromSource(String sourceId, StoryCandidate candidate) {
        SupplyEventDetected e = candidate.event();
        SupplyEventDetected event = new SupplyEventDetected(e.schemaVersion(), e.eventId(), sourceId, e.url(), e.title(),
                e.publishedAt(), e.detectedAt(), e.language(), e.eventType(), e.direction(), e.severity(), e.confidence(),
                e.elements(), e.groups(), e.countries(), e.companies(), e.evidence(), 1);
        return new StoryCandidate(candidate.itemId(), candidate.outlet(), candidate.identities(), candidate.dated(), event,
                candidate.terms(), candidate.figures());
    }

    private static StoryCandidate undated(StoryCandidate candidate) {
        return new StoryCandidate(candidate.itemId(), candidate.outlet(), candidate.identities(), false, candidate.event(),
                candidate.terms(), candidate.figures());
    }

    private static StoryCandidate synthetic(String id, String outlet, Map<String, Integer> terms) {
        return synthetic(id, outlet, terms, List.of());
    }

    private static StoryCandidate synthetic(String id, String outlet, Map<String, Integer> terms, List<String> figures) {
        return synthetic(id, outlet, terms, figures, List.of());
    }

    private static StoryCandidate synthetic(String id, String outlet, Map<String, Integer> terms, List<String> figures,
                                            List<String> elements) {
        return candidate(id, outlet, terms, figures, EventType.EXPORT_RESTRICTION, Direction.TIGHTENING, elements);
    }

    /** A candidate the extractor found not relevant (it still names {@code elements}). */
    private static StoryCandidate rejected(String id, String outlet, Map<String, Integer> terms, List<String> elements) {
        return rejected(id, outlet, terms, elements, List.of());
    }

    private static StoryCandidate rejected(String id, String outlet, Map<String, Integer> terms, List<String> elements,
                                           List<String> figures) {
        return candidate(id, outlet, terms, figures, EventType.NOT_RELEVANT, Direction.NEUTRAL, elements);
    }

    private static StoryCandidate candidate(String id, String outlet, Map<String, Integer> terms, List<String> figures,
                                            EventType type, Direction direction, List<String> elements) {
        SupplyEventDetected event = new SupplyEventDetected(SupplyEventDetected.SCHEMA_VERSION, "evt-" + id, "push",
                null, id, DAY, DETECTED, "en", type, direction, 3, 0.8, elements,
                List.of(), List.of(), List.of(), List.of(), 1);
        return new StoryCandidate(id, outlet, List.of("id:test|" + id), true, event, terms, figures);
    }

    /** A report of a technology notice, and another outlet's retelling of it that the extractor misses. */
    private static final Report TECHNOLOGY_NOTICE = report("tech", "https://daily.example.org/ree-technology-notice", 4,
            "China curbs exports of rare earth refining technology",
            "The commerce ministry's Notice No. 62 puts rare earth mining, separation and magnet making technology under export licensing, citing national security. Exporters of the know-how need a licence under No. 62.");
    private static final Report TECHNOLOGY_NOTICE_MISSED = report("tech-missed", "https://wire.example.com/two-ree-notices", 6,
            "Beijing issues two notices on rare earth technology exports",
            "The commerce ministry's Notice No. 62 puts rare earth mining, separation and magnet making technology under licensing, and Notice No. 61 covers rare earth items made abroad. Exporters of the know-how need a licence under No. 62, the ministry said, citing national security.");

    private static List<Report> templatedBans() {
        String[][] elements = {{"gallium", "Ga"}, {"germanium", "Ge"}, {"antimony", "Sb"}, {"graphite", "C"},
                {"tungsten", "W"}, {"indium", "In"}, {"bismuth", "Bi"}, {"tellurium", "Te"}, {"molybdenum", "Mo"},
                {"dysprosium", "Dy"}, {"terbium", "Tb"}, {"samarium", "Sm"}};
        List<Report> reports = new ArrayList<>();
        for (int i = 0; i < elements.length; i++) {
            String metal = elements[i][0];
            reports.add(report(elements[i][1], "https://notices.example.gov/ban-" + metal, i,
                    "China bans exports of " + metal + " to the United States",
                    "China's commerce ministry said exports of " + metal + " and " + metal
                            + " products to the United States are banned with immediate effect, citing national security and dual-use concerns."));
        }
        return reports;
    }

    private static List<Report> reportsOf(String caseName) {
        return cases().filter(a -> a.get()[0].equals(caseName)).findFirst().map(a -> {
            @SuppressWarnings("unchecked")
            List<Report> reports = (List<Report>) a.get()[1];
            return reports;
        }).orElseThrow();
    }

    private static Report report(String id, String url, int hoursAfter, String title, String text) {
        return new Report(id, url, DAY.plus(Duration.ofHours(hoursAfter)), title, text);
    }

    private static Report undated(String id, String url, String title, String text) {
        return new Report(id, url, null, title, text);
    }

    private static StoryLinker linker() {
        return new StoryLinker(LinkRules.standard(Duration.ofDays(3), LinkRules.DEFAULT_MAX_STORIES), Stories.inMemory());
    }

    static StoryCandidate candidate(Report report) {
        NewsItem item = new NewsItem(report.id(), "push", report.title(), report.text(), report.url(),
                report.publishedAt(), null);
        Extraction extraction = EXTRACTOR.extract(item, DETECTED);
        return StoryCandidate.of(item, extraction.event());
    }

    /**
     * Every outlet would otherwise stay in the story's stored form: a few hundred pushed copies from
     * distinct long host names would pass the broker's 1 MB record limit and stop the story stage.
     */
    @Test
    void corroborationsStopAtTheOutletCap() {
        StoryLinker linker = linker();
        Map<String, Integer> terms = Map.of("gallium", 3, "export", 2, "ban", 2);
        StoryDecision last = null;
        for (int i = 0; i < StoryLinker.MAX_OUTLETS + 40; i++) {
            last = linker.link(candidate("copy-" + i, "host:" + "h".repeat(200) + i + ".example", terms, List.of(),
                    EventType.EXPORT_RESTRICTION, Direction.TIGHTENING, List.of("Ga")));
        }

        assertThat(last.event().corroborations()).isEqualTo(StoryLinker.MAX_OUTLETS);
        assertThat(last.publishes()).isFalse();
    }
}
