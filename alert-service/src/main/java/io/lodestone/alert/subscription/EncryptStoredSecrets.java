package io.lodestone.alert.subscription;

import java.util.EnumSet;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Migration 4: moves the webhook secrets and Slack URLs that earlier versions kept in clear in
 * the spec document into the encrypted columns of migration 3, under the active key. It needs
 * the key from the environment, so it is Java, run by Flyway as a Spring bean.
 */
@Component
class EncryptStoredSecrets implements JavaMigration {

    private final JsonMapper json;
    private final SecretCipher cipher;

    EncryptStoredSecrets(JsonMapper json, SecretCipher cipher) {
        this.json = json;
        this.cipher = cipher;
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("4");
    }

    @Override
    public String getDescription() {
        return "encrypt stored secrets";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) {
        // Flyway's connection and transaction; the data source only hands that connection out
        JdbcClient jdbc = JdbcClient.create(new SingleConnectionDataSource(context.getConnection(), true));
        // the fields that existed at migration 4; later ones have columns only from later migrations
        new SubscriptionRepository(jdbc, json, cipher, EnumSet.of(SecretField.SLACK_URL, SecretField.WEBHOOK_SECRET))
                .reencryptUnderActiveKey();
    }
}
