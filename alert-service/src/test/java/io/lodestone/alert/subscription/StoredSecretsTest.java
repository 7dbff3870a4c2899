package io.lodestone.alert.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestone.alert.TestDatabase;
import io.lodestone.events.RiskLevel;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Secrets at rest in real PostgreSQL: encrypted on save, migrated from clear text, re-encrypted on rotation. */
class StoredSecretsTest {

    static final String SLACK = "https://hooks.slack.com/services/T0001/B0002/abcdefghijklmnopqrstuvwx";
    static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    /** The secret the current one replaced, still signing during its overlap. */
    static final String PREVIOUS_SECRET = "whsec_T2hP8hN3dRkq0XjvQb4m1zYcA9sWfLuE";
    static final Instant NOW = Instant.parse("2025-04-04T09:00:00Z");

    private final TestDatabase db = TestDatabase.migrated("alert_secrets");
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void savedSecretsAreEncryptedInTheDatabaseAndReadBackInClear() {
        SubscriptionRepository repository = repository(SecretCipherTest.OLD_KEY);
        Subscription saved = subscription(UUID.randomUUID());

        repository.insert(saved);

        assertThat(rawRow(saved.id())).doesNotContain("abcdefghijklmnop", "MfKQ9r8G", "T0001/B0002", "T2hP8hN3")
                .contains("k1");
        assertThat(repository.find(saved.id()).orElseThrow().spec().channels()).isEqualTo(saved.spec().channels());
    }

    @Test
    void migrationEncryptsSecretsThatEarlierVersionsStoredInClear() {
        // Given a subscription saved by a version that kept its secrets in the spec document
        TestDatabase earlier = TestDatabase.migratedTo("alert_secrets_v3", "3");
        UUID id = UUID.randomUUID();
        earlier.jdbc().sql("insert into subscription (id, spec, created_at, updated_at) values (?, cast(? as jsonb), ?, ?)")
                .params(id, json.writeValueAsString(subscription(id).spec()), Timestamp.from(NOW), Timestamp.from(NOW))
                .update();
        assertThat(rawRow(earlier, id)).contains("MfKQ9r8G");

        // When the service starts with this version (its Java migration runs, then the later ones)
        SecretCipher cipher = new SecretCipher(SecretKeys.parse(List.of(SecretCipherTest.OLD_KEY)));
        Flyway.configure().dataSource(earlier.dataSource()).locations("classpath:db/migration")
                .javaMigrations(new EncryptStoredSecrets(json, cipher)).load().migrate();

        // Then nothing is left in clear, and the subscription reads as before
        assertThat(rawRow(earlier, id)).doesNotContain("abcdefghijklmnop", "MfKQ9r8G");
        assertThat(new SubscriptionRepository(earlier.jdbc(), json, cipher).find(id).orElseThrow().spec().channels())
                .isEqualTo(subscription(id).spec().channels());
    }

    @Test
    void rotationReencryptsUnderTheNewKeySoTheOldOneCanBeRemoved() {
        // Given secrets stored under k1, and k2 put first in the key list
        UUID id = UUID.randomUUID();
        repository(SecretCipherTest.OLD_KEY).insert(subscription(id));
        SubscriptionRepository rotating = repository(SecretCipherTest.NEW_KEY, SecretCipherTest.OLD_KEY);

        // When rotation runs
        SubscriptionRepository.Reencryption done = db.transactions().execute(status -> rotating.reencryptUnderActiveKey());

        // Then every secret is under k2, and k2 alone reads them
        assertThat(done).isEqualTo(new SubscriptionRepository.Reencryption(1, 0));
        assertThat(db.jdbc().sql("select slack_url_key_id || ',' || webhook_secret_key_id from subscription where id = ?")
                .param(id).query(String.class).single()).isEqualTo("k2,k2");
        assertThat(repository(SecretCipherTest.NEW_KEY).find(id).orElseThrow().spec().channels())
                .isEqualTo(subscription(id).spec().channels());
        SubscriptionRepository.Reencryption again = db.transactions().execute(status -> rotating.reencryptUnderActiveKey());
        assertThat(again).isEqualTo(new SubscriptionRepository.Reencryption(0, 0));
    }

    @Test
    void aSecretWhoseKeyIsGoneReadsAsAbsentInsteadOfBreakingEveryRead() {
        UUID id = UUID.randomUUID();
        repository(SecretCipherTest.OLD_KEY).insert(subscription(id));

        Subscription read = repository(SecretCipherTest.NEW_KEY).find(id).orElseThrow();

        assertThat(read.spec().channels().webhook().url()).isEqualTo("https://erp.example.com/hook");
        assertThat(read.spec().channels().webhook().secret()).isNull();
        assertThat(read.spec().channels().slack().webhookUrl()).isNull();
    }

    private SubscriptionRepository repository(String... keys) {
        return new SubscriptionRepository(db.jdbc(), json, new SecretCipher(SecretKeys.parse(List.of(keys))));
    }

    /** Everything the row holds, as text, the way someone reading a database dump would see it. */
    private String rawRow(UUID id) {
        return rawRow(db, id);
    }

    private static String rawRow(TestDatabase database, UUID id) {
        Map<String, Object> row = database.jdbc().sql("select * from subscription where id = ?").param(id).query().singleRow();
        StringBuilder text = new StringBuilder();
        row.forEach((column, value) -> text.append(column).append('=')
                .append(value instanceof byte[] bytes ? new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1) : value)
                .append('\n'));
        return text.toString();
    }

    private static Subscription subscription(UUID id) {
        return new Subscription(id, new SubscriptionSpec("buyers", List.of("Dy"), List.of(),
                new Trigger(RiskLevel.HIGH, null, null),
                new Channels(new EmailChannel(List.of("a@example.com")), new SlackChannel(SLACK),
                        new WebhookChannel("https://erp.example.com/hook", SECRET, PREVIOUS_SECRET, NOW.plusSeconds(3600))),
                Duration.ofSeconds(30), Duration.ofDays(7), true, null), NOW, NOW, null);
    }
}
