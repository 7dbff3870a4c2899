package io.lodestone.alert.subscription;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A webhook receiver. When its secret is replaced (same URL), the old one keeps signing beside the
 * new one until {@code previousSecretUntil}: every call then carries two signatures, as Standard
 * Webhooks allows, so a receiver verifies with either while it switches over.
 *
 * @param url                 where signed notifications are POSTed
 * @param secret              the Standard Webhooks signing secret, {@code whsec_<base64>}; never shown in full
 * @param previousSecret      the secret it replaced, during the overlap; set by the service, never by a request
 * @param previousSecretUntil when the previous secret stops signing
 */
public record WebhookChannel(String url, String secret, String previousSecret, Instant previousSecretUntil) {

    public WebhookChannel(String url, String secret) {
        this(url, secret, null, null);
    }

    /** The secrets that sign a call made at {@code now}: the current one first, then the previous one in its overlap. */
    public List<String> signingSecrets(Instant now) {
        List<String> secrets = new ArrayList<>();
        if (secret != null) {
            secrets.add(secret);
        }
        if (previousSecret != null && previousSecretUntil != null && now.isBefore(previousSecretUntil)) {
            secrets.add(previousSecret);
        }
        return secrets;
    }

    @Override
    public String toString() {
        return "WebhookChannel[url=" + Secrets.maskUrl(url) + ", secret=" + Secrets.maskSecret(secret)
                + (previousSecret == null ? "" : ", previousSecret=" + Secrets.maskSecret(previousSecret)
                        + " until " + previousSecretUntil) + "]";
    }
}
