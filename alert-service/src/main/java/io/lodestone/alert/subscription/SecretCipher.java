package io.lodestone.alert.subscription;

import io.lodestone.alert.AlertProperties;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Encrypts secrets for storage with AES-256-GCM: a random 12-byte nonce per value, stored in
 * front of the ciphertext and its 128-bit tag, and the id of the key beside it. The value is
 * bound to where it belongs (the subscription and the field) as associated data, so a ciphertext
 * copied to another row or field does not decrypt.
 */
@Component
class SecretCipher {

    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    /** A stored value: the key that encrypted it and nonce + ciphertext + tag. */
    record Sealed(String keyId, byte[] bytes) {

        @Override
        public String toString() {
            return "Sealed[keyId=" + keyId + ", " + bytes.length + " bytes]";
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Sealed sealed && keyId.equals(sealed.keyId) && Arrays.equals(bytes, sealed.bytes);
        }

        @Override
        public int hashCode() {
            return 31 * keyId.hashCode() + Arrays.hashCode(bytes);
        }
    }

    /** A stored value that cannot be decrypted: unknown key id, or altered or misplaced ciphertext. */
    static class UndecryptableException extends IllegalStateException {
        UndecryptableException(String message) {
            super(message);
        }
    }

    private final SecretKeys keys;
    private final SecureRandom random = new SecureRandom();

    @Autowired
    SecretCipher(AlertProperties properties) {
        this(SecretKeys.parse(properties.secretKeys()));
    }

    SecretCipher(SecretKeys keys) {
        this.keys = keys;
    }

    String activeKeyId() {
        return keys.activeId();
    }

    /** @param context where the value belongs, bound to it as associated data */
    Sealed encrypt(String plaintext, String context) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, keys.active(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return new Sealed(keys.activeId(), ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available: " + e.getClass().getSimpleName());
        }
    }

    /** @throws UndecryptableException naming the key id and the reason, never the value */
    String decrypt(Sealed sealed, String context) {
        var key = keys.byId(sealed.keyId()).orElseThrow(() -> new UndecryptableException(
                "it was encrypted with key '" + sealed.keyId() + "', which " + SecretKeys.PROPERTY + " does not list"));
        if (sealed.bytes().length <= NONCE_BYTES) {
            throw new UndecryptableException("the stored value is truncated");
        }
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed.bytes(), 0, NONCE_BYTES));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(sealed.bytes(), NONCE_BYTES, sealed.bytes().length - NONCE_BYTES),
                    StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new UndecryptableException("key '" + sealed.keyId() + "' does not authenticate the stored value");
        }
    }
}
