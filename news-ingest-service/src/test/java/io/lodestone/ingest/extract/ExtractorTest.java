package io.lodestone.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestone.events.Direction;
import io.lodestone.events.ElementGroup;
import io.lodestone.events.EventType;
import io.lodestone.events.Evidence;
import io.lodestone.events.SupplyEventDetected;
import io.lodestone.ingest.item.NewsItem;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExtractorTest {

    private static final Extractor EXTRACTOR = new Extractor();
    private static final Instant DETECTED = Instant.parse("2026-01-15T00:00:00Z");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            formula names both metals           | NdPr oxide prices rose 8% this week as magnet makers restocked.               | Nd,Pr
            NdFeB names Nd but not Pr           | Exports of Nd2Fe14B magnets were halted at the border.                        | Nd
            oxide formula                       | Shipments of Tb4O7 stalled while exporters waited for licences.               | Tb
            hyphenated alloy                    | Traders said Dy-Fe alloy exports were halted pending licences.                | Dy
            samarium-cobalt maps to both        | Makers of samarium-cobalt magnets face export licence delays.                  | Sm,Co
            symbol list with unambiguous member | China restricts exports of Ho, Er, Tm and Yb from November.                    | Ho,Er,Tm,Yb
            In as a word                        | In a rare move, China restricted exports of gallium.                           | Ga
            Y as an initial                     | Y. Chen said China halted antimony exports to buyers.                          | Sb
            Co as a company                     | Smith Trading Co said it halted tungsten exports.                              | W
            Li as a surname                     | Premier Li said China will impose export controls on graphite.                 | C
            carbon in a formula is not graphite | China curbs exports of germanium to cut CO2 emissions from smelters.           | Ge
            lithium-ion is a product            | China restricts graphite exports used in lithium-ion battery anodes.           | C
            element named in a company name     | Xiamen Tungsten said China will restrict exports of rare earths.                |
            background element is not subject   | China will restrict antimony exports, after it imposed curbs on gallium in 2023. | Sb
            Chinese simplified name             | 商务部宣布对镝、铽相关物项实施出口管制。                                          | Dy,Tb
            Chinese traditional name            | 中國宣布對鏑、鋱實施出口管制。                                                    | Dy,Tb
            钕铁硼 names Nd                      | 钕铁硼磁材出口许可审批放缓，出口受阻。                                              | Nd
            镨钕 names both                      | 氧化镨钕价格本周上涨。                                                            | Pr,Nd
            graphene is not graphite            | 石墨烯材料出口受到管制，石墨出口需申请许可证。                                       | C
            """)
    void findsOnlyTheElementsAnItemIsAbout(String rule, String text, String expected) {
        SupplyEventDetected event = extract("", text, Instant.parse("2025-06-01T00:00:00Z")).event();

        List<String> symbols = expected == null ? List.of() : List.of(expected.split(","));
        assertThat(event.elements()).as(rule).containsExactlyInAnyOrderElementsOf(symbols);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            rare earths in general       | China bans export of rare earth processing technology.      | REE
            heavy rare earths            | China restricts exports of heavy rare earths.               | HREE
            中重稀土 is heavy              | 商务部对部分中重稀土相关物项实施出口管制。                       | HREE
            light rare earths            | Light rare earth quotas rise 6% this year, China says.      | LREE
            """)
    void namesGroupsWithoutGuessingMembers(String rule, String text, ElementGroup group) {
        SupplyEventDetected event = extract(text, "", Instant.parse("2025-06-01T00:00:00Z")).event();

        assertThat(event.groups()).as(rule).containsExactly(group);
        assertThat(event.elements()).as(rule).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            new licensing tightens                     | China to require export licences for gallium and germanium                       | EXPORT_RESTRICTION       | TIGHTENING
            suspending exports tightens                | Congo suspends cobalt exports for four months                                    | EXPORT_RESTRICTION       | TIGHTENING
            suspending controls eases                  | China suspends export controls on gallium and germanium for a year                | EXPORT_RESTRICTION_EASED | EASING
            licences granted ease                      | China grants first export licences for germanium                                 | EXPORT_RESTRICTION_EASED | EASING
            暂停实施 eases                               | 商务部决定暂停实施镓、锗出口管制措施                                                  | EXPORT_RESTRICTION_EASED | EASING
            暂停出口 tightens                            | 刚果（金）宣布暂停钴出口四个月                                                        | EXPORT_RESTRICTION       | TIGHTENING
            出口控制 variant                              | 我国对锑实施出口控制，出口须申请许可证                                                  | EXPORT_RESTRICTION       | TIGHTENING
            traditional 出口管制                          | 中國對鎢實施出口管制                                                                | EXPORT_RESTRICTION       | TIGHTENING
            price rise tightens                        | Dysprosium prices soar to a record in Europe                                     | PRICE_MOVE               | TIGHTENING
            price fall eases                           | NdPr oxide prices slide to a two-year low                                        | PRICE_MOVE               | EASING
            price fall in Chinese eases                | 氧化镝价格下跌，市场成交清淡                                                           | PRICE_MOVE               | EASING
            price rise after controls is a price move  | Bismuth prices soar after Chinese export controls                                | PRICE_MOVE               | TIGHTENING
            plant amid curbs is new supply             | Lynas opens heavy rare earth separation plant amid Chinese export curbs           | NEW_SUPPLY               | EASING
            tariff                                     | US raises tariffs on Chinese graphite anode material                             | SANCTION_OR_TARIFF       | TIGHTENING
            quota raised eases                         | China raises rare earth mining quota by 6%                                       | PRODUCTION_QUOTA         | EASING
            fighting halts mining                      | Fighting in Myanmar halts rare earth mining as border crossings close             | PRODUCTION_DISRUPTION    | TIGHTENING
            rare-earth-free motor                      | Carmaker unveils rare earth-free electric motor to cut reliance on Chinese magnets | TECHNOLOGY_SUBSTITUTION  | EASING
            stockpile                                  | Japan to expand national stockpile of gallium and rare earths                     | POLICY_SUPPORT           | EASING
            demand slowing eases                       | Cobalt demand growth slows as LFP batteries gain share in China's EV market        | DEMAND_SHIFT             | EASING
            """)
    void classifiesTypeAndDirection(String rule, String title, EventType type, Direction direction) {
        Extraction extraction = extract(title, "", Instant.parse("2025-06-01T00:00:00Z"));

        assertThat(extraction.relevant()).as(rule).isTrue();
        assertThat(extraction.event().eventType()).as(rule).isEqualTo(type);
        assertThat(extraction.event().direction()).as(rule).isEqualTo(direction);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            rare disease          | FDA approves therapy for rare disease | The treatment helps children with a rare muscle disorder, doctors said.
            rare coin             | Rare silver coin sells for record at auction | Collectors bid for the coin, one of the first struck by the mint.
            MRI gadolinium        | Gadolinium retention after MRI scans | Patients given gadolinium-based contrast agents should be told small amounts remain in the brain, radiologists said.
            spectroscopy paper    | Erbium-doped glass shows strong luminescence | We report the photoluminescence spectra of Er3+ ions in a fluoride glass; the emission bands sharpen at low temperature.
            encyclopedia          | Terbium | Terbium is a chemical element with the symbol Tb and atomic number 65. It is a silvery rare earth metal; most terbium is mined in China.
            explainer             | Explainer: What are rare earths? | Rare earths are 17 metals used in magnets. China mines most of the supply and processes about 90% of it.
            cobalt blue kit       | Club unveils cobalt blue kit | The new away jersey comes in cobalt blue for the season, fans can buy it on Friday.
            browser               | Chromium update fixes bug | The open-source Chromium browser project shipped a fix for a vulnerability in its engine.
            Chinese rare disease  | 罕见病新药纳入医保 | 多种罕见病治疗药物纳入医保目录，患者负担减轻。
            Chinese encyclopedia  | 镝 | 镝是一种化学元素，原子序数为66，属于镧系元素，呈银白色。
            """)
    void rejectsItemsThatAreNotAboutSupply(String rule, String title, String text) {
        Extraction extraction = extract(title, text, Instant.parse("2025-06-01T00:00:00Z"));

        assertThat(extraction.relevant()).as(rule).isFalse();
        assertThat(extraction.event().eventType()).as(rule).isEqualTo(EventType.NOT_RELEVANT);
        assertThat(extraction.event().direction()).as(rule).isEqualTo(Direction.NEUTRAL);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
            en      | China restricts antimony exports
            zh-Hans | 商务部对锑实施出口管制，这是国家安全措施。
            zh-Hant | 中國對銻實施出口管制，這是國家安全措施。
            """)
    void detectsLanguageWhenTheSourceGivesNone(String language, String title) {
        assertThat(extract(title, "", Instant.parse("2025-06-01T00:00:00Z")).event().language()).isEqualTo(language);
    }

    @Test
    void quotesEvidenceExactlyAsItStandsInItsField() {
        String text = "Prices of dysprosium oxide rose 12% this week. Traders blamed the April export licensing, "
                + "which has slowed shipments of terbium too.";
        SupplyEventDetected event = extract("Dysprosium prices climb", text, Instant.parse("2025-06-01T00:00:00Z")).event();

        assertThat(event.evidence()).isNotEmpty();
        for (Evidence evidence : event.evidence()) {
            String field = evidence.field().equals("title") ? "Dysprosium prices climb" : text;
            assertThat(field.substring(evidence.start(), evidence.end())).isEqualTo(evidence.quote());
        }
        assertThat(event.evidence()).flatExtracting(Evidence::supports).contains("Dy", "PRICE_MOVE");
    }

    @Test
    void sameItemGivesTheSameEvent() {
        NewsItem item = new NewsItem("a-1", "feed", "China restricts exports of seven heavy rare earths",
                "Samarium, gadolinium, terbium and dysprosium need licences.", "https://news.example.com/a?utm_source=x",
                Instant.parse("2025-04-04T08:00:00Z"), null);

        assertThat(EXTRACTOR.extract(item, DETECTED)).isEqualTo(EXTRACTOR.extract(item, DETECTED));
        assertThat(EXTRACTOR.extract(item, DETECTED).event().eventId()).isEqualTo(EventIds.eventId(item));
    }

    @Test
    void namesCountriesAndCompanies() {
        SupplyEventDetected event = extract("Lynas and MP Materials gain as China curbs rare earth exports to Japan",
                "缅甸 supplies ore. Acme Magnetics Ltd said it was affected.", Instant.parse("2025-06-01T00:00:00Z")).event();

        assertThat(event.countries()).contains("CN", "JP", "MM");
        assertThat(event.companies()).contains("Lynas Rare Earths", "MP Materials", "Acme Magnetics Ltd");
    }

    /**
     * "China's rare earths" (中国稀土, "China Rare Earth Curbs" in a headline's capitals) is not the
     * China Rare Earth Group, and its 稀土 still names the group of elements.
     */
    @Test
    void chinasRareEarthsAreNotTheCompanyOfThatName() {
        SupplyEventDetected plain = extract("China Rare Earth Curbs Hit Automakers",
                "欧盟计划减少对中国稀土的依赖。", Instant.parse("2025-06-01T00:00:00Z")).event();
        SupplyEventDetected named = extract("中国稀土集团在赣州启动新项目", "", Instant.parse("2025-06-01T00:00:00Z")).event();

        assertThat(plain.companies()).doesNotContain("China Rare Earth Group");
        assertThat(plain.groups()).contains(ElementGroup.REE);
        assertThat(named.companies()).containsExactly("China Rare Earth Group");
    }

    /**
     * In 今年12月至明年4月 the four characters before 明年's 年 are "2月至明", not a year: reading them
     * as one threw, and the item was lost.
     */
    @Test
    void aMonthRangeIntoNextYearIsRead() {
        Extraction extraction = extract("工信部将启动打击稀土违法违规行为专项行动", "专项行动时间为今年12月至明年4月,重点查处非法开采。",
                Instant.parse("2025-12-09T00:00:00Z"));

        assertThat(extraction.relevant()).isTrue();
        assertThat(extraction.event().eventType()).isEqualTo(EventType.PRODUCTION_QUOTA);
    }

    private static Extraction extract(String title, String text, Instant publishedAt) {
        return EXTRACTOR.extract(new NewsItem("id-1", "test", title, text, null, publishedAt, null), DETECTED);
    }
}
