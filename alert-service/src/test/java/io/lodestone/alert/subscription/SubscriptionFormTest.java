package io.lodestone.alert.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestone.events.ElementGroup;
import io.lodestone.events.RiskLevel;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The console's subscription form: what it sends to the shared validator, and where each error shows. */
class SubscriptionFormTest {

    @ParameterizedTest(name = "API field {0} shows under {1}")
    @CsvSource({
            "name,                      name,            must not be blank",
            "elements[1],               elements,        entry 2 is not a tracked element symbol",
            "trigger,                   triggerKind,     must set exactly one",
            "trigger.minScore,          minScore,        must be between 0 and 100",
            "channels,                  channels,        must set at least one",
            "channels.email.to[0],      emailTo,         entry 1 is not an email address",
            "channels.slack.webhookUrl, slackWebhookUrl, refused",
            "channels.webhook.secret,   webhookSecret,   must be whsec_",
            "groupWait,                 groupWait,       must be between",
            "digest.zone,               digestZone,      must be a time zone",
            "somethingNew,              form,            anything"})
    void eachApiFieldErrorShowsNextToItsFormField(String apiField, String formField, String expected) {
        String problem = expected.startsWith("entry ") ? expected.substring(expected.indexOf(' ', 6) + 1) : expected;

        Map<String, String> errors = SubscriptionForm.formErrors(Map.of(apiField, problem));

        assertThat(errors).containsOnlyKeys(formField);
        assertThat(errors.get(formField)).isEqualTo(expected);
    }

    @Test
    void severalBadAddressesShowTogetherUnderTheEmailField() {
        Map<String, String> api = new LinkedHashMap<>();
        api.put("channels.email.to[0]", "is not an email address");
        api.put("channels.email.to[2]", "is not an email address");

        assertThat(SubscriptionForm.formErrors(api).get("emailTo"))
                .isEqualTo("entry 1 is not an email address; entry 3 is not an email address");
    }

    @Test
    void aFilledFormBecomesTheRequestTheApiWouldGet() {
        SubscriptionForm form = new SubscriptionForm("Magnet buyers", "Nd, Pr  Sm", List.of("HREE"), "minLevel", "high",
                "", "a@example.com; b@example.com", "", false, "", "", false, "PT5M", "P1D", true, "08:00",
                "Europe/Berlin");
        Map<String, String> errors = new LinkedHashMap<>();

        SubscriptionRequest request = form.toRequest(null, errors);

        assertThat(errors).isEmpty();
        assertThat(request.elements()).containsExactly("Nd", "Pr", "Sm");
        assertThat(request.groups()).containsExactly(ElementGroup.HREE);
        assertThat(request.trigger()).isEqualTo(new Trigger(RiskLevel.HIGH, null, null));
        assertThat(request.channels().email().to()).containsExactly("a@example.com", "b@example.com");
        assertThat(request.channels().slack()).isNull();
        assertThat(request.groupWait()).isEqualTo(Duration.ofMinutes(5));
        assertThat(request.digest().zone().getId()).isEqualTo("Europe/Berlin");
    }

    @Test
    void whatDoesNotParseIsReportedUnderTheApiFieldName() {
        SubscriptionForm form = new SubscriptionForm("x", "Dy", List.of("HEAVY"), "minScore", "", "lots", "", "",
                false, "", "", false, "thirty seconds", "", false, "8 o'clock", "Mars/Olympus");
        Map<String, String> errors = new LinkedHashMap<>();

        form.toRequest(null, errors);

        assertThat(errors).containsOnlyKeys("groups", "trigger.minScore", "groupWait", "digest.at", "digest.zone");
    }

    @Test
    void onEditABlankSlackFieldKeepsTheStoredUrlOnlyWhenAsked() {
        SubscriptionSpec stored = new SubscriptionSpec("s", List.of("Dy"), List.of(), new Trigger(RiskLevel.HIGH, null, null),
                new Channels(null, new SlackChannel("https://hooks.slack.com/services/T/B/secret"), null),
                Duration.ofSeconds(30), Duration.ofDays(7), true, null);

        SubscriptionRequest kept = withSlack(true).toRequest(stored, new LinkedHashMap<>());
        SubscriptionRequest dropped = withSlack(false).toRequest(stored, new LinkedHashMap<>());

        assertThat(kept.channels().slack()).isEqualTo(new SlackChannel(null));
        assertThat(dropped.channels()).isNull();
    }

    private static SubscriptionForm withSlack(boolean keep) {
        return new SubscriptionForm("s", "Dy", List.of(), "minLevel", "HIGH", "", "", "", keep, "", "", false, "",
                "", true, "", "");
    }
}
