package io.lodestone.alert.delivery;

import io.lodestone.alert.AlertProperties;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How many emails one address may receive in an hour, over all subscriptions and replicas
 * ({@code lodestone.alert.limits.max-emails-per-recipient-per-hour}). Whoever holds an API token
 * can name any address in a subscription; this bounds what any address can be sent, however many
 * subscriptions name it. An email over the budget is held, never dropped: it goes when the
 * address's oldest email of the hour is an hour old. Replicas sending at the same moment may pass
 * the budget by one each.
 */
@Component
class RecipientBudget {

    static final Duration WINDOW = Duration.ofHours(1);

    private final JdbcClient jdbc;
    private final int perHour;

    RecipientBudget(JdbcClient jdbc, AlertProperties properties) {
        this.jdbc = jdbc;
        this.perHour = properties.limits().maxEmailsPerRecipientPerHour();
    }

    int perHour() {
        return perHour;
    }

    /**
     * When an email to all of {@code addresses} may go, if not now: null when every address has room.
     * One query for all the addresses: an address is full when it has a {@code perHour}-th most
     * recent email inside the window, and it has room again an hour after that email.
     */
    Instant heldUntil(Collection<String> addresses, Instant now) {
        if (addresses.isEmpty()) {
            return null;
        }
        Timestamp full = jdbc.sql("""
                select max(sent_at) from (
                    select sent_at, row_number() over (partition by address order by sent_at desc) as recency
                    from email_send where address in (:addresses) and sent_at > :since
                ) recent where recency = :perHour""")
                .param("addresses", addresses.stream().map(RecipientBudget::normal).distinct().toList())
                .param("since", Timestamp.from(now.minus(WINDOW)))
                .param("perHour", perHour)
                .query(Timestamp.class).optional().orElse(null);
        return full == null ? null : full.toInstant().plus(WINDOW);
    }

    /** Counts an email sent to {@code addresses}. */
    void sent(Collection<String> addresses, Instant at) {
        for (String address : addresses) {
            jdbc.sql("insert into email_send (address, sent_at) values (?, ?)")
                    .params(normal(address), Timestamp.from(at)).update();
        }
    }

    /** Deletes up to {@code limit} records of emails sent before {@code cutoff}. */
    int pruneBefore(Instant cutoff, int limit) {
        return jdbc.sql("delete from email_send where ctid in (select ctid from email_send where sent_at < ? limit ?)")
                .params(Timestamp.from(cutoff), limit).update();
    }

    private static String normal(String address) {
        return address.strip().toLowerCase(Locale.ROOT);
    }
}
