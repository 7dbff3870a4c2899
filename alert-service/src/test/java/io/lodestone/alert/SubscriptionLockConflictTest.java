package io.lodestone.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Deleting a subscription resolves its firing alerts, which locks rows that sealing a notification
 * (its {@code last_notified_at}) locks too. When PostgreSQL breaks such a deadlock by aborting the
 * deletion, the client still sees its subscription deleted, not a 500 reading "deadlock detected".
 * The deadlock is made on purpose: another transaction holds the second alert, the deletion takes
 * the first (alerts are locked in id order) and waits, then the other transaction asks for the
 * first; it waits longer before it checks for deadlocks, so the deletion is the one aborted.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.cloud.stream.kafka.binder.brokers=${spring.embedded.kafka.brokers}",
        "lodestone.api.tokens=" + SubscriptionLockConflictTest.TOKEN})
@EmbeddedKafka(partitions = 1)
class SubscriptionLockConflictTest {

    static final String TOKEN = "lock-conflict-test-token";
    private static final UUID FIRST = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    private static final UUID SECOND = UUID.fromString("00000000-0000-0000-0000-00000000000b");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, "alert_lock_conflict");
    }

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    @Test
    void aDeletionPickedAsADeadlocksVictimIsRunAgainAndSucceeds() throws Exception {
        ApiClient api = new ApiClient(port, TOKEN);
        UUID subscription = UUID.fromString(api.create("/api/v1/subscriptions", """
                {"name": "Magnet buyers", "elements": ["Dy", "Tb"], "trigger": {"minLevel": "HIGH"},
                 "channels": {"email": {"to": ["buyers@example.com"]}}}""").get("id").asString());
        JdbcClient jdbc = JdbcClient.create(dataSource);
        for (UUID id : List.of(FIRST, SECOND)) {
            jdbc.sql("""
                    insert into alert (id, subscription_id, element, state, level, score, peak_level, evidence,
                                       fired_at, transition_at)
                    values (?, ?, ?, 'FIRING', 'HIGH', 71.5, 'HIGH', '[]'::jsonb, now(), now())""")
                    .params(id, subscription, id.equals(FIRST) ? "Dy" : "Tb").update();
        }

        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (Statement statement = other.createStatement()) {
                statement.execute("set local deadlock_timeout = '30s'");
            }
            lock(other, SECOND);
            CompletableFuture<HttpResponse<String>> deletion =
                    CompletableFuture.supplyAsync(() -> api.delete("/api/v1/subscriptions/" + subscription));
            awaitABackendWaitingForALock(other);
            // the deletion holds FIRST and waits for SECOND; this waits for FIRST until PostgreSQL
            // aborts the deletion (its deadlock check comes after 1 s, this one's after 30 s)
            lock(other, FIRST);
            other.commit();

            HttpResponse<String> response = deletion.get(30, TimeUnit.SECONDS);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
        }
        assertThat(api.get("/api/v1/subscriptions/" + subscription).statusCode()).isEqualTo(404);
        assertThat(jdbc.sql("select state from alert where subscription_id = ? order by id").param(subscription)
                .query(String.class).list()).containsExactly("RESOLVED", "RESOLVED");
    }

    private static void lock(Connection connection, UUID alert) throws Exception {
        try (PreparedStatement select = connection.prepareStatement("select id from alert where id = ? for update")) {
            select.setObject(1, alert);
            try (ResultSet rows = select.executeQuery()) {
                assertThat(rows.next()).isTrue();
            }
        }
    }

    /** Waits until another backend than {@code self}'s waits for a row lock: the deletion, blocked on SECOND. */
    private void awaitABackendWaitingForALock(Connection self) throws Exception {
        int ownPid;
        try (Statement statement = self.createStatement(); ResultSet rows = statement.executeQuery("select pg_backend_pid()")) {
            rows.next();
            ownPid = rows.getInt(1);
        }
        JdbcClient jdbc = JdbcClient.create(dataSource);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            Integer waiting = jdbc.sql("""
                    select count(*) from pg_stat_activity
                    where datname = current_database() and wait_event_type = 'Lock' and pid <> ?""")
                    .param(ownPid).query(Integer.class).single();
            if (waiting > 0) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the deletion never waited for the alert this test holds");
    }
}
