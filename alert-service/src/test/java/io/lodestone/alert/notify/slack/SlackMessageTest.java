package io.lodestone.alert.notify.slack;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestone.alert.notify.AlertNotice;
import io.lodestone.alert.notify.Notification;
import io.lodestone.alert.notify.NotificationKind;
import io.lodestone.events.Contributor;
import io.lodestone.events.EventType;
import io.lodestone.events.RiskLevel;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Block Kit shape and Slack's documented limits. */
class SlackMessageTest {

    @Test
    void staysWithinSlackLimitsForManyElementsAndLongText() {
        List<Contributor> manyEvents = IntStream.range(0, 15).mapToObj(i -> new Contributor("e" + i, "x".repeat(500),
                "https://example.com/" + i, EventType.EXPORT_RESTRICTION, Instant.EPOCH, 1,
                "y".repeat(4_000))).toList(); // the longest evidence the contract carries, over Slack's section limit
        List<AlertNotice> alerts = IntStream.range(0, 40).mapToObj(i -> notice("Dy", manyEvents)).toList();

        Map<String, Object> message = SlackMessage.of(notification("n".repeat(400), alerts));

        List<Map<String, Object>> blocks = blocks(message);
        assertThat(blocks).hasSizeLessThanOrEqualTo(SlackMessage.MAX_BLOCKS);
        assertThat(text(blocks.get(0))).hasSizeLessThanOrEqualTo(SlackMessage.MAX_HEADER);
        assertThat(text(blocks.get(blocks.size() - 1))).startsWith("…and 16 more elements");
        blocks.stream().filter(b -> b.get("type").equals("section"))
                .forEach(b -> assertThat(text(b)).hasSizeLessThanOrEqualTo(SlackMessage.MAX_SECTION_TEXT));
        blocks.stream().filter(b -> b.get("type").equals("context"))
                .forEach(b -> assertThat((List<?>) b.get("elements")).hasSizeLessThanOrEqualTo(SlackMessage.MAX_CONTEXT_ELEMENTS));
        assertThat((String) message.get("text")).hasSizeLessThanOrEqualTo(SlackMessage.MAX_FALLBACK_TEXT);
    }

    @Test
    void escapesControlCharactersAndLinksOnlyHttpUrls() {
        Contributor hostile = new Contributor("e1", "<!channel> A & B | C", "javascript:alert(1)", EventType.PRICE_MOVE,
                Instant.EPOCH, 2, "quote <@U123>");
        Contributor linked = new Contributor("e2", "Ban <b>", "https://example.com/a?b=1&c=2", EventType.PRICE_MOVE,
                Instant.EPOCH, 3, null);

        Map<String, Object> message = SlackMessage.of(notification("Team <!channel> <http://evil.example|click> & co",
                List.of(notice("Dy", List.of(hostile, linked)))));
        List<Map<String, Object>> blocks = blocks(message);

        // the header is plain text, which Slack never formats; the fallback text is mrkdwn, escaped
        assertThat(((Map<?, ?>) blocks.get(0).get("text")).get("type")).isEqualTo("plain_text");
        assertThat(text(blocks.get(0))).contains("Team <!channel> <http://evil.example|click> & co");
        assertThat((String) message.get("text"))
                .contains("Team &lt;!channel&gt; &lt;http://evil.example|click&gt; &amp; co").doesNotContain("<");
        assertThat(text(blocks.get(1))).contains("&lt;@U123&gt;").doesNotContain("<@U123>");
        List<Map<String, Object>> context = elements(blocks.get(2));
        assertThat(text(context.get(0))).isEqualTo("&lt;!channel&gt; A &amp; B | C (+2.0)");
        assertThat(text(context.get(1))).isEqualTo("<https://example.com/a?b=1&amp;c=2|Ban &lt;b&gt;> (+3.0)");
    }

    private static AlertNotice notice(String element, List<Contributor> evidence) {
        return new AlertNotice(UUID.randomUUID(), element, AlertNotice.Change.FIRED, RiskLevel.HIGH, 70,
                RiskLevel.GUARDED, 30.0, Instant.EPOCH, null, evidence);
    }

    private static Notification notification(String name, List<AlertNotice> alerts) {
        return new Notification(UUID.randomUUID(), UUID.randomUUID(), name, "level HIGH or above",
                NotificationKind.FIRING, Instant.EPOCH, alerts);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> blocks(Map<String, Object> message) {
        return (List<Map<String, Object>>) message.get("blocks");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> elements(Map<String, Object> block) {
        return (List<Map<String, Object>>) block.get("elements");
    }

    @SuppressWarnings("unchecked")
    private static String text(Map<String, Object> block) {
        Object text = block.get("text");
        return text instanceof Map<?, ?> object ? (String) ((Map<String, Object>) object).get("text") : (String) text;
    }
}
