package io.lodestone.alert.subscription;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Subscriptions in PostgreSQL: the spec is one JSON document per row, and the secrets in it
 * (Slack URL, webhook signing secret) are stored apart, encrypted by {@link SecretCipher} with
 * the id of their key beside them. A secret that cannot be decrypted (its key is no longer
 * listed) reads as absent, so that subscription's deliveries fail and every other one goes on.
 */
@Repository
public class SubscriptionRepository {

    private static final Logger log = LoggerFactory.getLogger(SubscriptionRepository.class);

    /** What re-encryption under the active key did. */
    record Reencryption(int reencrypted, int undecryptable) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final SecretCipher cipher;
    private final Set<SecretField> fields;
    private final boolean bomColumn;

    @Autowired
    SubscriptionRepository(JdbcClient jdbc, JsonMapper json, SecretCipher cipher) {
        this(jdbc, json, cipher, EnumSet.allOf(SecretField.class), true);
    }

    /**
     * @param fields the secret fields whose columns exist: a migration sees the schema of its own
     *               version, not the latest one
     */
    SubscriptionRepository(JdbcClient jdbc, JsonMapper json, SecretCipher cipher, Set<SecretField> fields) {
        this(jdbc, json, cipher, fields, false);
    }

    /** @param bomColumn whether the schema has the bill-of-materials link column (migration 7 on) */
    private SubscriptionRepository(JdbcClient jdbc, JsonMapper json, SecretCipher cipher, Set<SecretField> fields,
                                   boolean bomColumn) {
        this.jdbc = jdbc;
        this.json = json;
        this.cipher = cipher;
        this.fields = fields;
        this.bomColumn = bomColumn;
    }

    void insert(Subscription subscription) {
        jdbc.sql("insert into subscription (id, spec, created_at, updated_at) values (?, '{}'::jsonb, ?, ?)")
                .params(subscription.id(), Timestamp.from(subscription.createdAt()), Timestamp.from(subscription.updatedAt()))
                .update();
        writeSpec(subscription.id(), json.valueToTree(subscription.spec()));
    }

    boolean update(UUID id, SubscriptionSpec spec, Instant now) {
        if (jdbc.sql("update subscription set updated_at = ? where id = ? and deleted_at is null")
                .params(Timestamp.from(now), id).update() != 1) {
            return false;
        }
        writeSpec(id, json.valueToTree(spec));
        return true;
    }

    boolean markDeleted(UUID id, Instant now) {
        // a deleted subscription lets go of its bill of materials, which may then be deleted
        return jdbc.sql("update subscription set deleted_at = ?, bom_id = null where id = ? and deleted_at is null")
                .params(Timestamp.from(now), id)
                .update() == 1;
    }

    /** A live subscription. */
    public Optional<Subscription> find(UUID id) {
        return jdbc.sql("select * from subscription where id = ? and deleted_at is null").param(id).query(this::row).optional();
    }

    /** A subscription even if deleted: what pending deliveries and the history need. */
    public Optional<Subscription> findIncludingDeleted(UUID id) {
        return jdbc.sql("select * from subscription where id = ?").param(id).query(this::row).optional();
    }

    public List<Subscription> findAll() {
        return jdbc.sql("select * from subscription where deleted_at is null order by created_at, id").query(this::row).list();
    }

    /** The live subscriptions that watch an element, directly or through a group. */
    public List<Subscription> watching(String element) {
        return findAll().stream().filter(s -> s.spec().watches(element)).toList();
    }

    /**
     * Encrypts every stored secret under the active key: those under older keys, and any left in
     * clear in the spec (rows written before encryption). Deleted subscriptions too, since their
     * pending deliveries still need them. Runs in the caller's transaction.
     */
    Reencryption reencryptUnderActiveKey() {
        String stale = fields.stream().map(SecretField::staleCondition).collect(Collectors.joining(" or "));
        List<UUID> ids = jdbc.sql("select id from subscription where " + stale + " order by id for update")
                .param("active", cipher.activeKeyId()).query(UUID.class).list();
        int done = 0;
        int undecryptable = 0;
        for (UUID id : ids) {
            JsonNode spec = jdbc.sql("select * from subscription where id = ?").param(id)
                    .query((rs, n) -> openSpec(rs, false)).single();
            if (spec == null) {
                undecryptable++;
                continue;
            }
            writeSpec(id, spec);
            done++;
        }
        return new Reencryption(done, undecryptable);
    }

    /** Stores the spec without its secrets, and the secrets encrypted under the active key. */
    private void writeSpec(UUID id, JsonNode spec) {
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("update subscription set spec = cast(? as jsonb)");
        if (bomColumn) {
            // the link's id also in a column, whose foreign key keeps a linked BOM from being deleted
            JsonNode bom = spec.path("bom").path("id");
            sql.append(", bom_id = cast(? as uuid)");
            params.add(bom.isString() ? bom.asString() : null);
        }
        List<Object> secretParams = new ArrayList<>();
        for (SecretField field : fields) {
            String value = field.take(spec);
            SecretCipher.Sealed sealed = value == null ? null : cipher.encrypt(value, field.context(id));
            sql.append(", ").append(field.keyIdColumn()).append(" = ?, ").append(field.cipherColumn()).append(" = ?");
            secretParams.add(sealed == null ? null : sealed.keyId());
            secretParams.add(sealed == null ? null : sealed.bytes());
        }
        params.add(0, json.writeValueAsString(spec));
        params.addAll(secretParams);
        params.add(id);
        jdbc.sql(sql.append(" where id = ?").toString()).params(params).update();
    }

    private Subscription row(ResultSet rs, int rowNum) throws SQLException {
        Timestamp deleted = rs.getTimestamp("deleted_at");
        return new Subscription(rs.getObject("id", UUID.class),
                json.treeToValue(openSpec(rs, true), SubscriptionSpec.class),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(),
                deleted == null ? null : deleted.toInstant());
    }

    /**
     * The spec with its secrets decrypted back into it.
     *
     * @param lenient whether a secret that cannot be decrypted reads as absent (else the whole spec is null)
     */
    private JsonNode openSpec(ResultSet rs, boolean lenient) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        JsonNode spec = json.readTree(rs.getString("spec"));
        for (SecretField field : fields) {
            byte[] bytes = rs.getBytes(field.cipherColumn());
            if (bytes == null) {
                continue;
            }
            try {
                field.put(spec, cipher.decrypt(new SecretCipher.Sealed(rs.getString(field.keyIdColumn()), bytes),
                        field.context(id)));
            } catch (SecretCipher.UndecryptableException e) {
                log.warn("Subscription {}: its {} cannot be decrypted ({}); deliveries that need it fail",
                        id, field.name().toLowerCase().replace('_', ' '), e.getMessage());
                if (!lenient) {
                    return null;
                }
            }
        }
        return spec;
    }
}
