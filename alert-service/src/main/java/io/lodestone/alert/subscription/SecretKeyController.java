package io.lodestone.alert.subscription;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Key rotation: re-encrypts every stored secret under the active key (the first of
 * {@code lodestone.alert.secret-keys}). Run it after putting a new key first on every replica;
 * once it reports nothing undecryptable, the old key can be removed from the list.
 */
@RestController
class SecretKeyController {

    private static final Logger log = LoggerFactory.getLogger(SecretKeyController.class);

    /** What a rotation did. */
    record RotationResult(String activeKeyId, int reencrypted, int undecryptable) {
    }

    private final SubscriptionRepository subscriptions;
    private final SecretCipher cipher;

    SecretKeyController(SubscriptionRepository subscriptions, SecretCipher cipher) {
        this.subscriptions = subscriptions;
        this.cipher = cipher;
    }

    @PostMapping("/api/v1/admin/secret-keys/rotate")
    @Transactional
    RotationResult rotate() {
        SubscriptionRepository.Reencryption done = subscriptions.reencryptUnderActiveKey();
        log.info("Re-encrypted the secrets of {} subscriptions under key '{}'; {} could not be decrypted",
                done.reencrypted(), cipher.activeKeyId(), done.undecryptable());
        return new RotationResult(cipher.activeKeyId(), done.reencrypted(), done.undecryptable());
    }
}
