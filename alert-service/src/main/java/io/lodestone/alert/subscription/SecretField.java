package io.lodestone.alert.subscription;

import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The secrets inside a subscription's spec document: where each sits in the JSON and which
 * columns hold it encrypted. The stored spec never holds them in clear.
 */
enum SecretField {
    SLACK_URL("slack", "webhookUrl", "slack_url"),
    WEBHOOK_SECRET("webhook", "secret", "webhook_secret"),
    WEBHOOK_PREVIOUS_SECRET("webhook", "previousSecret", "webhook_previous_secret");

    private final String channel;
    private final String property;
    private final String column;

    SecretField(String channel, String property, String column) {
        this.channel = channel;
        this.property = property;
        this.column = column;
    }

    String keyIdColumn() {
        return column + "_key_id";
    }

    String cipherColumn() {
        return column + "_cipher";
    }

    /**
     * SQL that is true for a row whose value of this field is not yet under the active key
     * ({@code :active}): under an older key, or still in clear in the spec document.
     */
    String staleCondition() {
        return "(" + cipherColumn() + " is not null and " + keyIdColumn() + " <> :active)"
                + " or spec #>> '{channels," + channel + "," + property + "}' is not null";
    }

    /** The associated data that binds a ciphertext to its subscription and field. */
    String context(UUID subscriptionId) {
        return "subscription/" + subscriptionId + "/" + name();
    }

    /** Removes the value from the spec document and returns it, or null when there is none. */
    String take(JsonNode spec) {
        if (spec.path("channels").path(channel) instanceof ObjectNode node && node.hasNonNull(property)) {
            String value = node.get(property).asString();
            node.putNull(property);
            return value;
        }
        return null;
    }

    /** Puts the value back into the spec document, if the channel is there. */
    void put(JsonNode spec, String value) {
        if (spec.path("channels").path(channel) instanceof ObjectNode node) {
            node.put(property, value);
        }
    }
}
