package io.lodestone.alert.notify.slack;

import io.lodestone.alert.notify.AlertNotice;
import io.lodestone.alert.notify.BomExposure;
import io.lodestone.alert.notify.Links;
import io.lodestone.alert.notify.Notification;
import io.lodestone.events.Contributor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A notification as a Slack Block Kit message: a header, a section per element with its level,
 * score and best evidence, and a context block of links to the contributing events. Stays within
 * Slack's documented limits (50 blocks, 150 characters of header, 3000 per section text, 10
 * context elements) and escapes {@code &}, {@code <} and {@code >} in all text.
 */
final class SlackMessage {

    static final int MAX_BLOCKS = 50;
    static final int MAX_HEADER = 150;
    static final int MAX_SECTION_TEXT = 3000;
    static final int MAX_CONTEXT_ELEMENTS = 10;
    static final int MAX_FALLBACK_TEXT = 3000;
    static final int MAX_LINK_TEXT = 120;
    static final int MAX_QUOTE = 500;

    private SlackMessage() {
    }

    static Map<String, Object> of(Notification notification) {
        List<Map<String, Object>> blocks = new ArrayList<>();
        String headline = headline(notification);
        blocks.add(Map.of("type", "header", "text", plain(truncate(headline, MAX_HEADER))));
        List<AlertNotice> alerts = notification.alerts();
        // header + (section + context) per element, keeping one block for "and N more"
        int room = (MAX_BLOCKS - 2) / 2;
        int shown = alerts.size() <= room ? alerts.size() : room;
        for (AlertNotice alert : alerts.subList(0, shown)) {
            blocks.add(Map.of("type", "section", "text", mrkdwn(truncate(section(alert), MAX_SECTION_TEXT))));
            List<Map<String, Object>> links = links(alert);
            if (!links.isEmpty()) {
                blocks.add(Map.of("type", "context", "elements", links));
            }
        }
        if (shown < alerts.size()) {
            blocks.add(Map.of("type", "section", "text",
                    mrkdwn("…and " + (alerts.size() - shown) + " more elements: "
                            + escape(String.join(", ", notification.elements().subList(shown, alerts.size()))))));
        }
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("text", truncate(escape(headline), MAX_FALLBACK_TEXT));
        message.put("blocks", blocks);
        return message;
    }

    static String headline(Notification notification) {
        String what = switch (notification.kind()) {
            case FIRING -> "Firing";
            case REPEAT -> "Still firing";
            case RESOLVED -> "Resolved";
        };
        return what + ": " + String.join(", ", notification.alerts().stream()
                .map(a -> a.element() + " " + a.level()).toList()) + " — " + notification.subscriptionName();
    }

    private static String section(AlertNotice alert) {
        StringBuilder text = new StringBuilder();
        text.append('*').append(escape(alert.element())).append("* (").append(escape(alert.elementName())).append(") ")
                .append(switch (alert.change()) {
                    case FIRED -> "is *" + alert.level() + "*";
                    case ESCALATED -> "escalated to *" + alert.level() + "*";
                    case STILL_FIRING -> "is still *" + alert.level() + "*";
                    case RESOLVED -> "resolved, now *" + alert.level() + "*";
                });
        text.append(String.format(Locale.ROOT, "\nScore %.1f", alert.score()));
        if (alert.previousScore() != null) {
            text.append(String.format(Locale.ROOT, " (%+.1f from %.1f)", alert.scoreChange(), alert.previousScore()));
        }
        if (alert.previousLevel() != null) {
            text.append(", was ").append(alert.previousLevel());
        }
        BomExposure exposure = alert.exposure();
        if (exposure != null) {
            text.append("\n*").append(exposure.total()).append("* in _").append(escape(exposure.bomName())).append("_: ")
                    .append(String.join(", ", exposure.shownParts().stream()
                            .map(p -> escape(p.partNumber()) + " " + BomExposure.kg(p.kgPerYear())).toList()));
            if (exposure.moreParts() > 0) {
                text.append(" and ").append(exposure.moreParts()).append(" more parts");
            }
        }
        alert.evidence().stream().filter(e -> e.evidence() != null && !e.evidence().isBlank()).findFirst()
                .ifPresent(e -> text.append("\n>").append(escape(truncate(e.evidence().strip().replace('\n', ' '), MAX_QUOTE))));
        return text.toString();
    }

    private static List<Map<String, Object>> links(AlertNotice alert) {
        List<Map<String, Object>> elements = new ArrayList<>();
        for (Contributor event : alert.evidence()) {
            if (elements.size() == MAX_CONTEXT_ELEMENTS) {
                break;
            }
            String title = truncate(event.title() == null ? event.eventId() : event.title(), MAX_LINK_TEXT);
            String text = Links.isSafe(event.url())
                    ? "<" + event.url().replace("&", "&amp;") + "|" + escape(title).replace('|', '¦') + ">"
                    : escape(title);
            elements.add(mrkdwn(text + String.format(Locale.ROOT, " (%+.1f)", event.contribution())));
        }
        return elements;
    }

    /** Slack's three control characters, as its formatting guide asks. */
    static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static Map<String, Object> plain(String text) {
        return Map.of("type", "plain_text", "text", text, "emoji", true);
    }

    private static Map<String, Object> mrkdwn(String text) {
        return Map.of("type", "mrkdwn", "text", text);
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
