package io.lodestone.ingest.publish;

import io.lodestone.ingest.dedupe.StoryCandidate;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;

/**
 * Hands candidates to the story stage through its internal topic, {@value StoryTopology#CANDIDATES}.
 * Every candidate has the same key, so all of them land in one partition, in order, and one
 * stream task places them. The binding is synchronous ({@code sync: true}), so {@link #submit}
 * returns only when the broker has the candidate: from then on the story stage will place it
 * even if this replica dies.
 */
@Component
class KafkaStoryStage implements StoryStage {

    static final String BINDING = "storyCandidates";

    private final StreamBridge bridge;

    KafkaStoryStage(StreamBridge bridge) {
        this.bridge = bridge;
    }

    @Override
    public ItemOutcome submit(StoryCandidate candidate) {
        byte[] payload = StoryJson.MAPPER.writeValueAsBytes(candidate);
        boolean sent = bridge.send(BINDING, MessageBuilder.withPayload(payload)
                .setHeader(KafkaHeaders.KEY, StoryTopology.CANDIDATE_KEY).build());
        if (!sent) {
            throw new PublishFailedException("the broker did not accept item " + candidate.itemId(), null);
        }
        return new ItemOutcome(candidate.itemId(), ItemOutcome.Status.ACCEPTED, candidate.event(), null);
    }
}
