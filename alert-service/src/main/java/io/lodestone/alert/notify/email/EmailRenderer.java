package io.lodestone.alert.notify.email;

import io.lodestone.alert.notify.AlertNotice;
import io.lodestone.alert.notify.BomExposure;
import io.lodestone.alert.notify.Links;
import io.lodestone.alert.notify.Notification;
import io.lodestone.alert.notify.NotificationKind;
import io.lodestone.events.Contributor;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.web.util.HtmlUtils;

/**
 * Writes a notification as an email: a subject that names the elements and their levels, and a
 * plain-text and an HTML body with score, change and the contributing events with links and
 * quoted evidence. Everything that came from users or from news is escaped in the HTML, and
 * line breaks are removed from the subject.
 */
class EmailRenderer {

    static final int SUBJECT_ELEMENTS = 6;
    static final int MAX_NAME_IN_SUBJECT = 60;

    String subject(Notification notification) {
        List<AlertNotice> alerts = notification.alerts();
        String listed = alerts.stream().limit(SUBJECT_ELEMENTS)
                .map(a -> a.element() + " " + a.level())
                .collect(Collectors.joining(", "));
        if (alerts.size() > SUBJECT_ELEMENTS) {
            listed += " and " + (alerts.size() - SUBJECT_ELEMENTS) + " more";
        }
        return "[Lodestone] " + headline(notification.kind()) + ": " + listed + " (" + oneLine(notification.subscriptionName()) + ")";
    }

    String plainText(Notification notification) {
        StringBuilder text = new StringBuilder();
        text.append(summary(notification)).append("\n\n");
        for (AlertNotice alert : notification.alerts()) {
            text.append(alert.element()).append(" (").append(alert.elementName()).append("): ").append(state(alert)).append('\n');
            text.append("  ").append(scoreLine(alert)).append('\n');
            BomExposure exposure = alert.exposure();
            if (exposure != null) {
                text.append("  ").append(exposureLine(alert, exposure)).append('\n');
                for (BomExposure.PartShare part : exposure.shownParts()) {
                    text.append("    * ").append(partLine(part)).append('\n');
                }
                if (exposure.moreParts() > 0) {
                    text.append("    * and ").append(exposure.moreParts()).append(" more parts\n");
                }
            }
            for (Contributor event : alert.evidence()) {
                text.append("  - ").append(nullToEmpty(event.title())).append(" (").append(points(event.contribution())).append(')');
                if (Links.isSafe(event.url())) {
                    text.append("\n    ").append(event.url());
                }
                if (event.evidence() != null && !event.evidence().isBlank()) {
                    text.append("\n    \"").append(event.evidence().strip()).append('"');
                }
                text.append('\n');
            }
            text.append('\n');
        }
        text.append(footer(notification)).append('\n');
        return text.toString();
    }

    String html(Notification notification) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html><body style=\"font-family:sans-serif\">");
        html.append("<h2>").append(esc(summary(notification))).append("</h2>");
        for (AlertNotice alert : notification.alerts()) {
            html.append("<h3>").append(esc(alert.element())).append(" <small>(").append(esc(alert.elementName()))
                    .append(")</small>: ").append(esc(state(alert))).append("</h3>");
            html.append("<p>").append(esc(scoreLine(alert))).append("</p>");
            BomExposure exposure = alert.exposure();
            if (exposure != null) {
                html.append("<p><b>").append(esc(exposureLine(alert, exposure))).append("</b></p><ul>");
                for (BomExposure.PartShare part : exposure.shownParts()) {
                    html.append("<li>").append(esc(partLine(part))).append("</li>");
                }
                if (exposure.moreParts() > 0) {
                    html.append("<li>and ").append(exposure.moreParts()).append(" more parts</li>");
                }
                html.append("</ul>");
            }
            if (!alert.evidence().isEmpty()) {
                html.append("<ul>");
                for (Contributor event : alert.evidence()) {
                    html.append("<li>");
                    String title = esc(nullToEmpty(event.title()));
                    html.append(Links.isSafe(event.url())
                            ? "<a href=\"" + esc(event.url()) + "\">" + title + "</a>" : title);
                    html.append(" (").append(esc(points(event.contribution()))).append(')');
                    if (event.evidence() != null && !event.evidence().isBlank()) {
                        html.append("<blockquote>").append(esc(event.evidence().strip())).append("</blockquote>");
                    }
                    html.append("</li>");
                }
                html.append("</ul>");
            }
        }
        html.append("<p style=\"color:#666;font-size:small\">").append(esc(footer(notification))).append("</p>");
        return html.append("</body></html>").toString();
    }

    private static String headline(NotificationKind kind) {
        return switch (kind) {
            case FIRING -> "Firing";
            case REPEAT -> "Still firing";
            case RESOLVED -> "Resolved";
        };
    }

    private static String summary(Notification notification) {
        int count = notification.alerts().size();
        String alerts = count + (count == 1 ? " alert" : " alerts");
        String what = switch (notification.kind()) {
            case FIRING -> alerts + " firing";
            case REPEAT -> alerts + " still firing";
            case RESOLVED -> alerts + " resolved";
        };
        return notification.subscriptionName() + ": " + what + " (trigger: " + notification.trigger() + ")";
    }

    private static String state(AlertNotice alert) {
        return switch (alert.change()) {
            case FIRED -> alert.level() + " (fired)";
            case ESCALATED -> "escalated to " + alert.level();
            case STILL_FIRING -> alert.level() + " (firing since " + alert.firedAt() + ")";
            case RESOLVED -> "resolved at " + alert.level();
        };
    }

    private static String scoreLine(AlertNotice alert) {
        String line = String.format(Locale.ROOT, "Score %.1f", alert.score());
        if (alert.previousScore() != null) {
            line += String.format(Locale.ROOT, ", was %.1f (%s)", alert.previousScore(), points(alert.scoreChange()));
        }
        if (alert.previousLevel() != null) {
            line += "; level was " + alert.previousLevel();
        }
        return line + ". Fired " + alert.firedAt() + (alert.resolvedAt() == null ? "" : ", resolved " + alert.resolvedAt()) + ".";
    }

    private static String exposureLine(AlertNotice alert, BomExposure exposure) {
        return "Touches " + exposure.total() + " of " + alert.element() + " in bill of materials \""
                + oneLine(exposure.bomName()) + "\":";
    }

    private static String partLine(BomExposure.PartShare part) {
        return oneLine(part.partNumber()) + (part.description() == null ? "" : " " + oneLine(part.description()))
                + ": " + BomExposure.kg(part.kgPerYear());
    }

    private static String footer(Notification notification) {
        return "Lodestone alert-service. Subscription " + notification.subscriptionId() + ", notification "
                + notification.id() + ".";
    }

    private static String points(double value) {
        return String.format(Locale.ROOT, "%+.1f", value);
    }

    private static String oneLine(String text) {
        String flat = nullToEmpty(text).replaceAll("[\\p{Cntrl}\\u2028\\u2029]+", " ").strip();
        return flat.length() > MAX_NAME_IN_SUBJECT ? flat.substring(0, MAX_NAME_IN_SUBJECT) + "…" : flat;
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }

    private static String esc(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
