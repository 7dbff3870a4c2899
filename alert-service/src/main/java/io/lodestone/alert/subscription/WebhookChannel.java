package io.lodestone.alert.subscription;

/**
 * @param url    where signed notifications are POSTed
 * @param secret the Standard Webhooks signing secret, {@code whsec_<base64>}; never shown in full
 */
public record WebhookChannel(String url, String secret) {

    @Override
    public String toString() {
        return "WebhookChannel[url=" + Secrets.maskUrl(url) + ", secret=" + Secrets.maskSecret(secret) + "]";
    }
}
