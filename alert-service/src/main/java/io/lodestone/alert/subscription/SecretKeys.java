package io.lodestone.alert.subscription;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keys that encrypt stored secrets, from {@code lodestone.alert.secret-keys}: entries
 * {@code keyId:base64}, each key 32 random bytes (AES-256). The first entry is the active key,
 * which encrypts; every listed key decrypts, so a key that is being retired stays listed until
 * rotation has re-encrypted everything under the active one. Messages name key ids, never keys.
 */
final class SecretKeys {

    static final String PROPERTY = "lodestone.alert.secret-keys";
    static final String VARIABLE = "LODESTONE_ALERT_SECRET_KEYS";
    private static final int KEY_BYTES = 32;

    private final String activeId;
    private final Map<String, SecretKey> keys;

    private SecretKeys(String activeId, Map<String, SecretKey> keys) {
        this.activeId = activeId;
        this.keys = keys;
    }

    /** @throws IllegalStateException when no key is configured or an entry is malformed, naming the entry by position */
    static SecretKeys parse(List<String> entries) {
        if (entries.isEmpty()) {
            throw new IllegalStateException(PROPERTY + " (" + VARIABLE + ") is not set. Webhook secrets and Slack URLs "
                    + "are stored encrypted and need a key: set it to keyId:base64 of 32 random bytes, e.g. "
                    + "main:$(openssl rand -base64 32). A local run uses the development key of the 'local' profile.");
        }
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            String entry = entries.get(i);
            int colon = entry.indexOf(':');
            String id = colon < 0 ? "" : entry.substring(0, colon).strip();
            if (!id.matches("[A-Za-z0-9._-]{1,32}")) {
                throw new IllegalStateException(PROPERTY + " entry " + (i + 1) + " must be keyId:base64, with a key id of "
                        + "letters, digits, '.', '_' or '-'");
            }
            byte[] key;
            try {
                key = Base64.getDecoder().decode(entry.substring(colon + 1).strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(PROPERTY + " key '" + id + "' is not valid base64");
            }
            if (key.length != KEY_BYTES) {
                throw new IllegalStateException(PROPERTY + " key '" + id + "' must be " + KEY_BYTES + " bytes, not " + key.length);
            }
            if (keys.put(id, new SecretKeySpec(key, "AES")) != null) {
                throw new IllegalStateException(PROPERTY + " lists key id '" + id + "' twice");
            }
        }
        return new SecretKeys(keys.keySet().iterator().next(), Map.copyOf(keys));
    }

    String activeId() {
        return activeId;
    }

    SecretKey active() {
        return keys.get(activeId);
    }

    Optional<SecretKey> byId(String id) {
        return Optional.ofNullable(keys.get(id));
    }

    @Override
    public String toString() {
        return "SecretKeys[active=" + activeId + ", ids=" + keys.keySet() + "]";
    }
}
