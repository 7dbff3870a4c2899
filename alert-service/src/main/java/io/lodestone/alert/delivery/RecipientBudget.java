package io.lodestone.alert.delivery;

import io.lodestone.alert.AlertProperties;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How many emails one address may receive in an hour, over all subscriptions and replicas
 * ({@code lodestone.alert.limits.max-emails-per-recipient-per-hour}). Whoever holds an API token
 * can name any address in a subscription; this bounds what any address can be sent, however many
 * subscriptions name it. An email over the budget is held, never dropped: it goes when the
 * address's oldest email of the hour is an hour old. Taking a place and counting it is one
 * transaction that holds a lock per address ({@link #reserve}), so senders racing each other, in
 * one instance or in several, cannot pass the budget together.
 */
@Component
class RecipientBudget {

    static final Duration WINDOW = Duration.ofHours(1);

    /** Mixed into the advisory-lock keys of addresses, apart from the service's other advisory locks. */
    private static final int LOCK_SEED = 0x4c6f6465;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final int perHour;

    RecipientBudget(JdbcClient jdbc, TransactionTemplate transactions, AlertProperties properties) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.perHour = properties.limits().maxEmailsPerRecipientPerHour();
    }

    /**
     * Takes a place in this hour of every one of {@code addresses} for an email about to go, unless
     * one of them has none left: null when the places are taken (the email may go), else when it
     * may. The addresses are locked in order for the check and the count, so two senders cannot
     * both take an address's last place.
     */
    Instant reserve(Collection<String> addresses, Instant now) {
        List<String> normal = addresses.stream().map(RecipientBudget::normal).distinct().sorted().toList();
        if (normal.isEmpty()) {
            return null;
        }
        return transactions.execute(status -> {
            for (String address : normal) {
                jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, ?))").params(address, LOCK_SEED)
                        .query((rs, row) -> 1).list();
            }
            Instant until = heldUntil(normal, now);
            if (until == null) {
                sent(normal, now);
            }
            return until;
        });
    }

    /** Gives back the places {@link #reserve} took at {@code at} for an email that did not go. */
    void release(Collection<String> addresses, Instant at) {
        addresses.stream().map(RecipientBudget::normal).distinct().forEach(address -> jdbc.sql("""
                delete from email_send where ctid in
                    (select ctid from email_send where address = ? and sent_at = ? limit 1)""")
                .params(address, Timestamp.from(at)).update());
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
