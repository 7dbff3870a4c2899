package io.lodestone.alert.subscription;

import io.lodestone.events.ElementGroup;
import io.lodestone.events.RiskLevel;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The console's subscription form as posted: plain text fields, turned into the API's
 * {@link SubscriptionRequest} so that one validator decides. Only what a form cannot express as
 * JSON is checked here (a duration or a time that does not parse), with the same field names the
 * API reports, so every error lands next to its field.
 *
 * @param elements     symbols separated by commas or spaces
 * @param triggerKind  {@code minLevel}, {@code minScore} or {@code anyIncrease}
 * @param emailTo      addresses separated by commas, semicolons or new lines
 * @param keepSlack    on edit: keep the stored Slack URL when the field is left blank
 * @param keepWebhook  on edit: keep the stored webhook URL (and secret) when the field is left blank
 */
public record SubscriptionForm(String name, String elements, List<String> groups, String triggerKind,
                               String minLevel, String minScore, String emailTo, String slackWebhookUrl,
                               Boolean keepSlack, String webhookUrl, String webhookSecret, Boolean keepWebhook,
                               String groupWait, String repeatInterval, Boolean notifyOnResolve, String digestAt,
                               String digestZone) {

    /** Which form field shows the error the API reports under a given field name. */
    static final Map<String, String> FIELD_OF_API_FIELD = Map.ofEntries(
            Map.entry("name", "name"),
            Map.entry("elements", "elements"),
            Map.entry("groups", "groups"),
            Map.entry("trigger", "triggerKind"),
            Map.entry("trigger.minLevel", "minLevel"),
            Map.entry("trigger.minScore", "minScore"),
            Map.entry("channels", "channels"),
            Map.entry("channels.email.to", "emailTo"),
            Map.entry("channels.slack.webhookUrl", "slackWebhookUrl"),
            Map.entry("channels.webhook.url", "webhookUrl"),
            Map.entry("channels.webhook.secret", "webhookSecret"),
            Map.entry("groupWait", "groupWait"),
            Map.entry("repeatInterval", "repeatInterval"),
            Map.entry("digest", "digestAt"),
            Map.entry("digest.at", "digestAt"),
            Map.entry("digest.zone", "digestZone"));

    /** An empty form with the defaults a new subscription starts from. */
    static SubscriptionForm blank() {
        return new SubscriptionForm("", "", List.of(), "minLevel", RiskLevel.HIGH.name(), "", "", "", false, "", "",
                false, "", "", true, "", "");
    }

    /** The form filled from a stored subscription; secrets are never put back into a page. */
    static SubscriptionForm of(SubscriptionSpec spec) {
        Trigger trigger = spec.trigger();
        String kind = trigger.minLevel() != null ? "minLevel" : trigger.minScore() != null ? "minScore" : "anyIncrease";
        Channels channels = spec.channels();
        return new SubscriptionForm(spec.name(), String.join(", ", spec.elements()),
                spec.groups().stream().map(Enum::name).toList(), kind,
                trigger.minLevel() == null ? RiskLevel.HIGH.name() : trigger.minLevel().name(),
                trigger.minScore() == null ? "" : String.valueOf(trigger.minScore()),
                channels.email() == null ? "" : String.join(", ", channels.email().to()), "",
                channels.slack() != null, "", "", channels.webhook() != null,
                spec.groupWait().toString(), spec.repeatInterval().toString(), spec.notifyOnResolve(),
                spec.digest() == null ? "" : spec.digest().at().toString(),
                spec.digest() == null ? "" : spec.digest().zone().getId());
    }

    /**
     * The request the API would get for this form.
     *
     * @param stored the subscription being edited, whose Slack and webhook URLs a blank field keeps; null on create
     * @param errors collects what does not parse, under the API's field names
     */
    SubscriptionRequest toRequest(SubscriptionSpec stored, Map<String, String> errors) {
        List<String> symbols = split(elements, "[,;\\s]+");
        List<ElementGroup> groupList = new ArrayList<>();
        for (String group : groups == null ? List.<String>of() : groups) {
            try {
                groupList.add(ElementGroup.valueOf(group));
            } catch (IllegalArgumentException e) {
                errors.put("groups", "must be one of " + Arrays.toString(ElementGroup.values()));
            }
        }
        return new SubscriptionRequest(name, symbols, groupList, trigger(errors), channels(stored),
                duration("groupWait", groupWait, errors), duration("repeatInterval", repeatInterval, errors),
                Boolean.TRUE.equals(notifyOnResolve), digest(errors), stored == null ? null : stored.bom());
    }

    /** The API's field errors keyed by the form field that shows them; indexed entries join their field's. */
    static Map<String, String> formErrors(Map<String, String> apiErrors) {
        Map<String, String> errors = new LinkedHashMap<>();
        apiErrors.forEach((apiField, problem) -> {
            String base = apiField.replaceAll("\\[(\\d+)]$", "");
            String index = apiField.equals(base) ? "" : "entry " + (1 + Integer.parseInt(
                    apiField.substring(base.length() + 1, apiField.length() - 1))) + " ";
            String field = FIELD_OF_API_FIELD.getOrDefault(base, "form");
            errors.merge(field, index + problem, (a, b) -> a + "; " + b);
        });
        return errors;
    }

    private Trigger trigger(Map<String, String> errors) {
        String kind = triggerKind == null ? "" : triggerKind;
        switch (kind) {
            case "minLevel" -> {
                try {
                    return new Trigger(RiskLevel.valueOf(minLevel == null ? "" : minLevel.strip().toUpperCase(Locale.ROOT)),
                            null, null);
                } catch (IllegalArgumentException e) {
                    errors.put("trigger.minLevel", "must be one of " + Arrays.toString(RiskLevel.values()));
                    return new Trigger(RiskLevel.HIGH, null, null);
                }
            }
            case "minScore" -> {
                try {
                    return new Trigger(null, Double.valueOf(minScore == null ? "" : minScore.strip()), null);
                } catch (NumberFormatException e) {
                    errors.put("trigger.minScore", "must be a number between 0 and 100");
                    return new Trigger(null, 0.0, null);
                }
            }
            case "anyIncrease" -> {
                return new Trigger(null, null, true);
            }
            default -> {
                return null;
            }
        }
    }

    private Channels channels(SubscriptionSpec stored) {
        List<String> to = split(emailTo, "[,;\\s]+");
        EmailChannel email = to.isEmpty() ? null : new EmailChannel(to);
        SlackChannel slack = null;
        if (!isBlank(slackWebhookUrl)) {
            slack = new SlackChannel(slackWebhookUrl.strip());
        } else if (stored != null && stored.channels().slack() != null && Boolean.TRUE.equals(keepSlack)) {
            slack = new SlackChannel(null);
        }
        WebhookChannel webhook = null;
        String secret = isBlank(webhookSecret) ? null : webhookSecret.strip();
        if (!isBlank(webhookUrl)) {
            webhook = new WebhookChannel(webhookUrl.strip(), secret);
        } else if (stored != null && stored.channels().webhook() != null && Boolean.TRUE.equals(keepWebhook)) {
            webhook = new WebhookChannel(stored.channels().webhook().url(), secret);
        } else if (secret != null) {
            webhook = new WebhookChannel(null, secret);
        }
        return email == null && slack == null && webhook == null ? null : new Channels(email, slack, webhook);
    }

    private Digest digest(Map<String, String> errors) {
        if (isBlank(digestAt) && isBlank(digestZone)) {
            return null;
        }
        LocalTime at = null;
        ZoneId zone = null;
        try {
            at = isBlank(digestAt) ? null : LocalTime.parse(digestAt.strip());
        } catch (DateTimeParseException e) {
            errors.put("digest.at", "must be a local time such as 08:00");
        }
        try {
            zone = isBlank(digestZone) ? null : ZoneId.of(digestZone.strip());
        } catch (RuntimeException e) {
            errors.put("digest.zone", "must be a time zone such as Europe/Berlin");
        }
        return new Digest(at, zone);
    }

    private static Duration duration(String field, String text, Map<String, String> errors) {
        if (isBlank(text)) {
            return null;
        }
        try {
            return Duration.parse(text.strip().toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException e) {
            errors.put(field, "must be an ISO-8601 duration such as PT30S, PT5M or P7D");
            return null;
        }
    }

    private static List<String> split(String text, String separators) {
        if (isBlank(text)) {
            return List.of();
        }
        return Arrays.stream(text.strip().split(separators)).filter(s -> !s.isBlank()).toList();
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
