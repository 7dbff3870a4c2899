package io.lodestone.alert.subscription;

import io.lodestone.alert.AlertProperties;
import io.lodestone.alert.ElementChoice;
import io.lodestone.alert.StoredText;
import io.lodestone.alert.bom.Boms;
import io.lodestone.alert.bom.Exposure;
import io.lodestone.alert.notify.UrlGuard;
import io.lodestone.events.Elements;
import io.lodestone.service.api.InvalidRequestException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Component;

/**
 * Checks a whole request at once and names every bad field, so a client fixes them in one go.
 * Defaults and the bounds on durations come from {@link AlertProperties}.
 */
@Component
class SubscriptionValidator {

    static final int MAX_NAME = 200;
    static final int MAX_RECIPIENTS = 50;
    static final String SECRET_PREFIX = "whsec_";

    private final AlertProperties properties;
    private final UrlGuard urlGuard;
    private final Clock clock;
    private final Boms boms;

    SubscriptionValidator(AlertProperties properties, UrlGuard urlGuard, Clock clock, Boms boms) {
        this.properties = properties;
        this.urlGuard = urlGuard;
        this.clock = clock;
        this.boms = boms;
    }

    /**
     * @param current the stored spec on update, whose secrets fill in the ones left out; null on create
     * @throws InvalidRequestException naming every bad field
     */
    SubscriptionSpec validate(SubscriptionRequest request, SubscriptionSpec current) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (request.name() == null || request.name().isBlank()) {
            errors.put("name", "must not be blank");
        } else if (request.name().length() > MAX_NAME) {
            errors.put("name", "must be at most " + MAX_NAME + " characters");
        } else {
            StoredText.lineProblem(request.name()).ifPresent(problem -> errors.put("name", problem));
        }
        BomLink bom = request.bom() == null ? null : bomLink(request.bom(), errors);
        if (request.bom() == null || request.bom().id() == null) {
            checkElements(request, errors);
        } else {
            ElementChoice.check(request.elements(), request.groups(), errors);
        }
        checkTrigger(request.trigger(), errors);
        Channels channels = withStoredSecrets(request.channels(), current);
        if (channels != null && channels.webhook() != null) {
            channels = new Channels(channels.email(), channels.slack(),
                    rotated(channels.webhook(), current == null ? null : current.channels().webhook()));
        }
        checkChannels(channels, errors);
        AlertProperties.Limits limits = properties.limits();
        Duration groupWait = request.groupWait() == null ? properties.groupWait() : request.groupWait();
        checkBetween("groupWait", groupWait, Duration.ZERO, limits.maxGroupWait(), errors);
        Duration repeat = request.repeatInterval() == null ? properties.repeatInterval() : request.repeatInterval();
        checkBetween("repeatInterval", repeat, limits.minRepeatInterval(), limits.maxRepeatInterval(), errors);
        if (request.digest() != null) {
            if (request.digest().at() == null) {
                errors.put("digest.at", "must be a local time such as 08:00");
            }
            if (request.digest().zone() == null) {
                errors.put("digest.zone", "must be a time zone such as Europe/Berlin");
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException("The subscription has " + errors.size() + " invalid field(s).", errors);
        }
        return new SubscriptionSpec(request.name().strip(), request.elements(), request.groups(), request.trigger(),
                channels, groupWait, repeat, request.notifyOnResolve() == null || request.notifyOnResolve(),
                request.digest(), bom);
    }

    /**
     * The link with the BOM's tracked elements at or above the floor, worked out now. A floor that
     * leaves nothing to watch is an error: the subscription would never fire.
     */
    private BomLink bomLink(BomLink requested, Map<String, String> errors) {
        if (requested.id() == null) {
            errors.put("bom.id", "must name a bill of materials (its id from /api/v1/boms)");
            return null;
        }
        Double floor = requested.minKgPerYear();
        if (floor != null && !(floor >= 0 && Double.isFinite(floor))) {
            errors.put("bom.minKgPerYear", "must be 0 or more kilograms per year");
            return null;
        }
        Exposure exposure = boms.exposure(requested.id()).orElse(null);
        if (exposure == null) {
            errors.put("bom.id", "is not a stored bill of materials");
            return null;
        }
        List<String> watched = exposure.elementsAtLeast(floor, Elements::isTracked);
        if (watched.isEmpty()) {
            errors.put(floor == null ? "bom.id" : "bom.minKgPerYear", floor == null
                    ? "the bill of materials contains no tracked element"
                    : "leaves no tracked element of the bill of materials: the largest is "
                    + largest(exposure) + " kg/yr");
            return null;
        }
        return new BomLink(requested.id(), floor, watched);
    }

    private static String largest(Exposure exposure) {
        return exposure.elements().stream().filter(e -> Elements.isTracked(e.element()))
                .map(e -> e.element() + " " + String.format(Locale.ROOT, "%.1f", e.kgPerYear().typical()))
                .findFirst().orElse("none");
    }

    private static void checkBetween(String field, Duration value, Duration min, Duration max,
            Map<String, String> errors) {
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            errors.put(field, "must be between " + min + " and " + max + ", was " + value);
        }
    }

    private static void checkElements(SubscriptionRequest request, Map<String, String> errors) {
        List<String> elements = request.elements() == null ? List.of() : request.elements();
        List<?> groups = request.groups() == null ? List.of() : request.groups();
        if (elements.isEmpty() && groups.isEmpty()) {
            errors.put("elements", "name at least one element or group, or link a bill of materials");
        }
        ElementChoice.check(request.elements(), request.groups(), errors);
    }

    private static void checkTrigger(Trigger trigger, Map<String, String> errors) {
        if (trigger == null) {
            errors.put("trigger", "must set one of minLevel, minScore or anyIncrease");
            return;
        }
        int set = (trigger.minLevel() != null ? 1 : 0) + (trigger.minScore() != null ? 1 : 0)
                + (trigger.isAnyIncrease() ? 1 : 0);
        if (set != 1) {
            errors.put("trigger", "must set exactly one of minLevel, minScore or anyIncrease");
        }
        if (trigger.minScore() != null && !(trigger.minScore() >= 0 && trigger.minScore() <= 100)) {
            errors.put("trigger.minScore", "must be between 0 and 100");
        }
    }

    private void checkChannels(Channels channels, Map<String, String> errors) {
        if (channels == null || channels.configured().isEmpty()) {
            errors.put("channels", "must set at least one of email, slack or webhook");
            return;
        }
        if (channels.email() != null) {
            List<String> to = channels.email().to();
            if (to.isEmpty() || to.size() > MAX_RECIPIENTS) {
                errors.put("channels.email.to", "must list 1 to " + MAX_RECIPIENTS + " addresses");
            }
            for (int i = 0; i < to.size(); i++) {
                if (!isEmailAddress(to.get(i))) {
                    errors.put("channels.email.to[" + i + "]", "is not an email address");
                }
            }
        }
        if (channels.slack() != null) {
            urlGuard.problem(channels.slack().webhookUrl())
                    .ifPresent(problem -> errors.put("channels.slack.webhookUrl", problem));
        }
        if (channels.webhook() != null) {
            urlGuard.problem(channels.webhook().url())
                    .ifPresent(problem -> errors.put("channels.webhook.url", problem));
            if (!isSigningSecret(channels.webhook().secret())) {
                errors.put("channels.webhook.secret", "must be whsec_ followed by 24 to 64 base64-encoded random bytes");
            }
        }
    }

    /**
     * The webhook channel to store: a new secret for the same URL keeps the one it replaces signing
     * beside it for {@code webhook-secret-overlap}; the same secret keeps the overlap already running;
     * a new URL starts afresh. What a request says about a previous secret is never taken.
     */
    private WebhookChannel rotated(WebhookChannel requested, WebhookChannel stored) {
        boolean sameUrl = stored != null && Objects.equals(requested.url(), stored.url());
        if (sameUrl && Objects.equals(requested.secret(), stored.secret())) {
            return new WebhookChannel(requested.url(), requested.secret(), stored.previousSecret(), stored.previousSecretUntil());
        }
        if (sameUrl && requested.secret() != null && stored.secret() != null) {
            return new WebhookChannel(requested.url(), requested.secret(), stored.secret(),
                    clock.instant().plus(properties.webhookSecretOverlap()));
        }
        return new WebhookChannel(requested.url(), requested.secret());
    }

    private static Channels withStoredSecrets(Channels requested, SubscriptionSpec current) {
        if (requested == null || current == null) {
            return requested;
        }
        SlackChannel slack = requested.slack();
        if (slack != null && slack.webhookUrl() == null && current.channels().slack() != null) {
            slack = current.channels().slack();
        }
        WebhookChannel webhook = requested.webhook();
        if (webhook != null && webhook.secret() == null && current.channels().webhook() != null) {
            webhook = new WebhookChannel(webhook.url(), current.channels().webhook().secret());
        }
        return new Channels(requested.email(), slack, webhook);
    }

    static boolean isEmailAddress(String address) {
        if (address == null || address.isBlank() || address.length() > 254) {
            return false;
        }
        try {
            InternetAddress parsed = new InternetAddress(address, true);
            parsed.validate();
            return parsed.getAddress().equals(address) && address.contains("@");
        } catch (AddressException e) {
            return false;
        }
    }

    static boolean isSigningSecret(String secret) {
        if (secret == null || !secret.startsWith(SECRET_PREFIX)) {
            return false;
        }
        try {
            int length = Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length())).length;
            return length >= 24 && length <= 64;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
