package io.lodestone.ingest.extract.sentences;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DocumentTest {

    @Test
    void readsTheLineBreaksInsideSentencesOfHardWrappedTextAsSpaces() {
        // Given wire copy broken at a width, with a paragraph break before its second paragraph
        String wired = "Dec 28 Acme Moly Ltd\nsaid it will halt work at its Ridgeway molybdenum\n"
                + "and copper project as China Development\nBank cuts funding.\n\nShares were flat.";

        // When it is read
        Document document = new Document("Acme Moly to halt Ridgeway", wired, null);

        // Then the wrapped lines are one sentence, offsets unchanged, and the paragraph is another
        assertThat(texts(document)).containsExactly(
                "Dec 28 Acme Moly Ltd said it will halt work at its Ridgeway molybdenum and copper project as "
                        + "China Development Bank cuts funding.",
                "Shares were flat.");
        assertThat(document.text).hasSameSizeAs(wired);
    }

    @Test
    void keepsTheLinesOfTextThatIsNotWrapped() {
        // Given lines that end their sentences, and one heading followed by a capital
        String lines = "Impact\nAustralianSuper is monitoring the situation.\nThe mine supplies graphite\nto Tesla.";

        // When it is read: one line break inside a sentence is not enough to call the text wrapped
        Document document = new Document("Syrah update", lines, null);

        // Then every line stays a sentence of its own
        assertThat(texts(document)).containsExactly("Impact", "AustralianSuper is monitoring the situation.",
                "The mine supplies graphite", "to Tesla.");
    }

    @Test
    void ranksThePagesFurnitureAfterTheProseSoThatTheLeadIsTheFirstSentence() {
        // Given a page's address, breadcrumbs, share buttons and byline before the news and buttons after it
        String page = "https://example.com/news/2026/some-carmaker-halts-lines-1121395694.html\n"
                + "首页 > 资讯 > 速递\n分享到微信\n打开微信,点击底部的“发现”,\n作者:早间市场    责编:某某\n"
                + "近日,一家车企宣布部分生产线暂时停止运营。\n公司正在评估影响。\n点击关闭";

        // When it is read with a title
        Document document = new Document("车企停产", page, null);

        // Then the news is the lead (rank 1), the next sentence rank 2, and the furniture ranks last
        assertThat(document.sentences(Field.TEXT)).extracting(sentence -> document.text.substring(sentence.start(),
                sentence.end()) + "@" + sentence.rank()).containsExactly(
                "https://example.com/news/2026/some-carmaker-halts-lines-1121395694.html@" + Document.FURNITURE_RANK,
                "首页 > 资讯 > 速递@" + (Document.FURNITURE_RANK + 1),
                "分享到微信@" + (Document.FURNITURE_RANK + 2),
                "打开微信,点击底部的“发现”,@" + (Document.FURNITURE_RANK + 3),
                "作者:早间市场    责编:某某@" + (Document.FURNITURE_RANK + 4),
                "近日,一家车企宣布部分生产线暂时停止运营。@1",
                "公司正在评估影响。@2",
                "点击关闭@" + (Document.FURNITURE_RANK + 5));
    }

    @Test
    void ranksALineThatRepeatsTheTitleAsFurnitureHoweverLongItIs() {
        // Given a scraped page that prints the headline (longer than a heading) and a date line
        // above the story, with other spacing and case
        String title = "World-class lithium mine in the DRC to be developed soon, partner holds a 15% interest";
        String page = "WORLD-CLASS lithium mine in the DRC to be developed soon,  partner holds a 15% interest\n"
                + "2022/05/09 15051\n\nThe minister signed the decree to award the mining licence.\n"
                + "World-class lithium mine in the DRC to be developed soon, partner holds a 15% interest and more\n";

        // When it is read with its title
        Document document = new Document(title, page, null);

        // Then the story's first sentence is the lead; a line that only begins like the title stays prose
        assertThat(document.sentences(Field.TEXT)).extracting(sentence -> sentence.rank() >= Document.FURNITURE_RANK
                ? "furniture" : String.valueOf(sentence.rank())).containsExactly("furniture", "furniture", "1", "2");
    }

    @Test
    void ranksShortLinesInOrderWhenTheyAreAllTheTextSays() {
        // Given a text of short lines only, no sentence of prose among them
        Document document = new Document("Gallium", "China halts gallium exports\nEffective today", null);

        // Then they are its sentences, ranked in order as the lead and what follows
        assertThat(document.sentences(Field.TEXT)).extracting(Sentence::rank).containsExactly(1, 2);
    }

    private static List<String> texts(Document document) {
        return document.sentences(Field.TEXT).stream()
                .map(sentence -> document.text.substring(sentence.start(), sentence.end())).toList();
    }

    @Test
    void pinyinReadingsAfterCharactersAreDroppedAndOtherBracketsStay() {
        Document mirrored = new Document("商務(wù)部公告", "對銻實施出口管(guǎn)制，產(chǎn)線投產(chǎn)。", null);

        assertThat(mirrored.title).isEqualTo("商務部公告");
        assertThat(mirrored.text).isEqualTo("對銻實施出口管制，產線投產。");
        // an exchange code, an English name, a reading after a Latin word, readings without a tone mark
        assertThat(Document.withoutReadings("Lynas (ASX: LYC) 與萊納斯(Lynas)合作 rare (ěr) 稀土(xitu)"))
                .isEqualTo("Lynas (ASX: LYC) 與萊納斯(Lynas)合作 rare (ěr) 稀土(xitu)");
        assertThat(Document.withoutReadings(null)).isNull();
    }

    @Test
    void quotesGarbledByAPageReadAsGbkAreMendedAndTheElementIsLeftAlone() {
        // an English page's UTF-8 read as GBK: ’s, “T and a closing quote whose last byte was lost
        assertThat(Document.withoutMojibake("Orano鈥檚 mine. 鈥淭he site is closed,鈥 it said."))
                .isEqualTo("Orano’s mine. “The site is closed,” it said.");
        // 鈥 is holmium in traditional Chinese: after a Han character or before one that is no
        // garbled byte, it stays
        assertThat(Document.withoutMojibake("氧化鈥價格上漲，鈥的用量")).isEqualTo("氧化鈥價格上漲，鈥的用量");
        // nor in Chinese text that separates with ASCII commas: 鈥漲 is holmium rising, not a garbled quote
        assertThat(Document.withoutMojibake("本週鏑,鋱,鈥,釓等中重稀土價格全面上漲")).isEqualTo("本週鏑,鋱,鈥,釓等中重稀土價格全面上漲");
        assertThat(Document.withoutMojibake("鏑持穩,鈥漲5%")).isEqualTo("鏑持穩,鈥漲5%");
        // a quote or dash whose last byte the decoder lost before a space: U+FFFD or "?"
        assertThat(Document.withoutMojibake("Balama output halted 鈥\uFFFD Syrah said")).isEqualTo("Balama output halted ” Syrah said");
        assertThat(Document.withoutMojibake("It is closed,鈥? the firm said")).isEqualTo("It is closed,” the firm said");
        // a no-break space garbled to 聽, before a garbled quote
        assertThat(Document.withoutMojibake("Mutanda will stay shut.聽鈥淭he market is tight")).isEqualTo("Mutanda will stay shut. “The market is tight");
        assertThat(Document.withoutMojibake(null)).isNull();
        Document mirrored = new Document("Syrah鈥檚 mine halts output", "鈥淲e are working on it,鈥 it said.", null);
        assertThat(mirrored.title).isEqualTo("Syrah's mine halts output");
        assertThat(mirrored.text).startsWith("“We are working on it,” it said.");
    }
}
