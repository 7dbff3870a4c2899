package io.lodestone.alert.notify.email;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestone.alert.notify.AlertNotice;
import io.lodestone.alert.notify.Notification;
import io.lodestone.alert.notify.NotificationKind;
import io.lodestone.events.Contributor;
import io.lodestone.events.EventType;
import io.lodestone.events.RiskLevel;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EmailRendererTest {

    private final EmailRenderer renderer = new EmailRenderer();

    @Test
    void subjectNamesElementsAndLevelsOnOneLine() {
        Notification notification = notification("Buyers\r\nBcc: victim@example.com",
                List.of(notice("Dy", RiskLevel.SEVERE, null), notice("Tb", RiskLevel.HIGH, null)));

        assertThat(renderer.subject(notification))
                .isEqualTo("[Lodestone] Firing: Dy SEVERE, Tb HIGH (Buyers Bcc: victim@example.com)")
                .doesNotContain("\r", "\n");
    }

    @Test
    void htmlEscapesNewsTextAndLinksOnlyHttpUrls() {
        Contributor script = new Contributor("e1", "<img src=x onerror=alert(1)>", "javascript:alert(1)",
                EventType.EXPORT_RESTRICTION, Instant.EPOCH, 10, "\"quoted\" & <i>evidence</i>");

        String html = renderer.html(notification("Buyers", List.of(notice("Dy", RiskLevel.HIGH, script))));

        assertThat(html).contains("&lt;img src=x onerror=alert(1)&gt;", "&quot;quoted&quot; &amp; &lt;i&gt;evidence&lt;/i&gt;")
                .doesNotContain("<img", "javascript:", "<i>");
    }

    @Test
    void plainTextCarriesScoreChangeAndEvidence() {
        Contributor ban = new Contributor("e1", "Export ban", "https://example.com/ban", EventType.EXPORT_RESTRICTION,
                Instant.EPOCH, 12.5, "Exports of dysprosium need a licence.");

        String text = renderer.plainText(notification("Buyers", List.of(notice("Dy", RiskLevel.HIGH, ban))));

        assertThat(text).contains("Buyers: 1 alert firing (trigger: level HIGH or above)", "Dy (dysprosium): HIGH (fired)",
                "Score 70.0, was 30.0 (+40.0); level was GUARDED", "- Export ban (+12.5)", "https://example.com/ban",
                "\"Exports of dysprosium need a licence.\"");
    }

    private static AlertNotice notice(String element, RiskLevel level, Contributor evidence) {
        return new AlertNotice(UUID.randomUUID(), element, AlertNotice.Change.FIRED, level, 70, RiskLevel.GUARDED, 30.0,
                Instant.parse("2025-04-04T08:00:00Z"), null, evidence == null ? List.of() : List.of(evidence));
    }

    private static Notification notification(String name, List<AlertNotice> alerts) {
        return new Notification(UUID.randomUUID(), UUID.randomUUID(), name, "level HIGH or above",
                NotificationKind.FIRING, Instant.EPOCH, alerts);
    }
}
