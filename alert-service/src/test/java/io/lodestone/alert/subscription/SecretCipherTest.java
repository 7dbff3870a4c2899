package io.lodestone.alert.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** AES-GCM with a key id beside every value; keys come from configuration and never appear in messages. */
class SecretCipherTest {

    static final String OLD_KEY = "k1:Uoujz32x+HbueL2U0Zo6rusyXIz5gJ59HDkrq9VmPZ0=";
    static final String NEW_KEY = "k2:SUbATPkx16HrPgBdtk6oUzqnuUGY3n/OR9KZXXjnz1w=";
    static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    private final SecretCipher cipher = new SecretCipher(SecretKeys.parse(List.of(OLD_KEY)));
    private final String context = SecretField.WEBHOOK_SECRET.context(UUID.randomUUID());

    @Test
    void encryptsUnderTheActiveKeyWithAFreshNonceEachTime() {
        SecretCipher.Sealed first = cipher.encrypt(SECRET, context);
        SecretCipher.Sealed second = cipher.encrypt(SECRET, context);

        assertThat(first.keyId()).isEqualTo("k1");
        assertThat(first.bytes()).hasSize(12 + SECRET.length() + 16).isNotEqualTo(second.bytes());
        assertThat(new String(first.bytes(), java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("MfKQ9r8G");
        assertThat(cipher.decrypt(first, context)).isEqualTo(SECRET);
        assertThat(first.toString()).doesNotContain("MfKQ9r8G");
    }

    @Test
    void aValueCopiedToAnotherSubscriptionOrFieldDoesNotDecrypt() {
        UUID subscription = UUID.randomUUID();
        SecretCipher.Sealed sealed = cipher.encrypt(SECRET, SecretField.WEBHOOK_SECRET.context(subscription));

        assertThatThrownBy(() -> cipher.decrypt(sealed, SecretField.WEBHOOK_SECRET.context(UUID.randomUUID())))
                .isInstanceOf(SecretCipher.UndecryptableException.class);
        assertThatThrownBy(() -> cipher.decrypt(sealed, SecretField.SLACK_URL.context(subscription)))
                .isInstanceOf(SecretCipher.UndecryptableException.class);
    }

    @Test
    void afterANewKeyIsPutFirstOldValuesStillDecryptAndNewOnesUseTheNewKey() {
        SecretCipher.Sealed old = cipher.encrypt(SECRET, context);
        SecretCipher rotated = new SecretCipher(SecretKeys.parse(List.of(NEW_KEY, OLD_KEY)));

        assertThat(rotated.decrypt(old, context)).isEqualTo(SECRET);
        assertThat(rotated.encrypt(SECRET, context).keyId()).isEqualTo("k2");
    }

    @Test
    void aValueUnderAKeyNoLongerListedNamesTheKeyIdOnly() {
        SecretCipher.Sealed old = cipher.encrypt(SECRET, context);
        SecretCipher withoutOldKey = new SecretCipher(SecretKeys.parse(List.of(NEW_KEY)));

        assertThatThrownBy(() -> withoutOldKey.decrypt(old, context))
                .isInstanceOf(SecretCipher.UndecryptableException.class)
                .hasMessageContaining("'k1'").hasMessageNotContaining("MfKQ9r8G").hasMessageNotContaining("Uoujz32x");
    }

    @Test
    void startingWithoutAKeyFailsNamingTheSettingAndTheVariable() {
        assertThatThrownBy(() -> SecretKeys.parse(List.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("lodestone.alert.secret-keys").hasMessageContaining("LODESTONE_ALERT_SECRET_KEYS");
    }

    @ParameterizedTest(name = "{0} is refused: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Uoujz32x+HbueL2U0Zo6rusyXIz5gJ59HDkrq9VmPZ0=     | must be keyId:base64
            k 1:Uoujz32x+HbueL2U0Zo6rusyXIz5gJ59HDkrq9VmPZ0= | must be keyId:base64
            k1:not*base64                                    | not valid base64
            k1:c2hvcnQ=                                      | must be 32 bytes
            """)
    void malformedKeysStopTheStartWithoutRepeatingTheKey(String entry, String problem) {
        assertThatThrownBy(() -> SecretKeys.parse(List.of(entry)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(problem).hasMessageNotContaining("Uoujz32x").hasMessageNotContaining("c2hvcnQ");
    }

    @Test
    void aKeyIdListedTwiceIsRefused() {
        assertThatThrownBy(() -> SecretKeys.parse(List.of(OLD_KEY, OLD_KEY))).hasMessageContaining("twice");
    }
}
