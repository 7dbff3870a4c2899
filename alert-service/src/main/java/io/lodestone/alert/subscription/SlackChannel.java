package io.lodestone.alert.subscription;

/**
 * @param webhookUrl the Slack incoming-webhook URL; it is a credential, so {@link #toString()} masks it
 */
public record SlackChannel(String webhookUrl) {

    @Override
    public String toString() {
        return "SlackChannel[webhookUrl=" + Secrets.maskUrl(webhookUrl) + "]";
    }
}
