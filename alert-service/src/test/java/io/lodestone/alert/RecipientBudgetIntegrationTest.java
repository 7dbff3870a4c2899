package io.lodestone.alert;

import static io.lodestone.alert.RiskChanges.rise;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.lodestone.events.RiskLevel;
import io.lodestone.testsupport.KafkaTestClient;
import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Whoever holds a token can name any address in as many subscriptions as the caps allow; one
 * address still receives at most {@code max-emails-per-recipient-per-hour} emails an hour. The
 * emails over the budget are held (pending, no attempt counted), not dropped, and other addresses
 * are not affected. Real broker, PostgreSQL and SMTP server (GreenMail).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.cloud.stream.kafka.binder.brokers=${spring.embedded.kafka.brokers}",
        "lodestone.api.tokens=" + RecipientBudgetIntegrationTest.TOKEN,
        "lodestone.alert.sweep-interval=100ms",
        "lodestone.alert.delivery.poll-interval=100ms",
        "lodestone.alert.limits.max-emails-per-recipient-per-hour=2"})
@EmbeddedKafka(partitions = 1)
class RecipientBudgetIntegrationTest {

    static final String TOKEN = "recipient-budget-test-token";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @RegisterExtension
    static final GreenMailExtension SMTP = TestMail.server();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, "alert_recipient_budget");
        TestMail.register(registry, SMTP);
    }

    @LocalServerPort
    int port;

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void anAddressNamedByFourSubscriptionsGetsTwoEmailsAnHourAndTheOthersWait() {
        // Given four subscriptions that all mail one address, and one that mails another
        ApiClient api = new ApiClient(port, TOKEN);
        List<String> named = List.of(1, 2, 3, 4).stream().map(i -> api.create("/api/v1/subscriptions", """
                {"name": "Flood %d", "elements": ["Dy"], "trigger": {"minLevel": "HIGH"}, "groupWait": "PT0S",
                 "channels": {"email": {"to": ["victim@example.com"]}}}""".formatted(i)).get("id").asString()).toList();
        api.create("/api/v1/subscriptions", """
                {"name": "Buyers", "elements": ["Dy"], "trigger": {"minLevel": "HIGH"}, "groupWait": "PT0S",
                 "channels": {"email": {"to": ["buyer@example.com"]}}}""");

        // When dysprosium turns HIGH
        try (KafkaTestClient kafka = new KafkaTestClient(brokers)) {
            var change = rise("Dy", RiskLevel.HIGH, 72.5, Instant.parse("2025-04-04T09:00:00Z"));
            kafka.send("element.risk.v1", "Dy", json.writeValueAsString(change),
                    KafkaTestClient.attributesFor(change, "/lodestone/risk-scoring-service"));
        }

        // Then the other address gets its email, and the named one two, no more
        await().atMost(WAIT).until(() -> to("buyer@example.com") == 1 && to("victim@example.com") == 2);
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(6)).until(() -> to("victim@example.com") == 2);
        // and the other two are pending, held for the hour, with no attempt spent
        List<JsonNode> held = named.stream()
                .map(id -> api.getJson("/api/v1/deliveries?subscriptionId=" + id).get(0))
                .filter(delivery -> delivery.get("status").asString().equals("PENDING")).toList();
        assertThat(held).hasSize(2).allSatisfy(delivery -> {
            assertThat(delivery.get("attempts").asInt()).isZero();
            assertThat(Instant.parse(delivery.get("nextAttemptAt").asString()))
                    .isAfter(Instant.now().plus(Duration.ofMinutes(55)));
        });
    }

    /** How many received messages went to {@code address}. */
    private static long to(String address) {
        return Arrays.stream(SMTP.getReceivedMessages()).filter(message -> recipients(message).contains(address)).count();
    }

    private static List<String> recipients(MimeMessage message) {
        try {
            Address[] all = message.getAllRecipients();
            return all == null ? List.of() : Arrays.stream(all).map(Address::toString).toList();
        } catch (jakarta.mail.MessagingException e) {
            throw new AssertionError(e);
        }
    }
}
