package io.lodestone.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The key that encrypts webhook secrets and Slack URLs in the local database: made once per data
 * folder with a random 256-bit value and kept beside the data it protects, so a restart can read
 * what earlier runs stored and {@code --clean} forgets both together. No key is shared between
 * installations. {@code LODESTONE_ALERT_SECRET_KEYS} in the environment takes precedence.
 */
final class LocalSecretKeys {

    static final String FILE = "alert-secret-keys";

    private LocalSecretKeys() {
    }

    /** The keys in the form alert-service reads ({@code keyId:base64}), creating them on first use. */
    static String loadOrCreate(Path dataDir) throws IOException {
        Path file = dataDir.resolve(FILE);
        if (Files.exists(file)) {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        }
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        String keys = "local1:" + Base64.getEncoder().encodeToString(key);
        Files.createDirectories(dataDir);
        Files.writeString(file, keys + "\n", StandardCharsets.UTF_8);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the file stays readable to the user's own account, as the rest of the data folder.
        }
        return keys;
    }
}
