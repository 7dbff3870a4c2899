package io.lodestone.ingest.publish;

import io.lodestone.ingest.dedupe.StoryCandidate;
import java.util.concurrent.CompletableFuture;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.core.env.Environment;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;

/**
 * Hands candidates to the story stage through its internal topic, {@value StoryTopology#CANDIDATES}.
 * Every candidate has the same key, so all of them land in one partition, in order, and one
 * stream task places them. The binding is synchronous ({@code sync: true}), so {@link #submit}
 * returns only when the broker has the candidate: from then on the story stage will place it
 * even if this replica dies. Bulk paths hand over with {@link #submitAsync}, batched by a
 * {@link CandidateProducer} to the same topic and partition, with the same guarantee once its
 * future completes.
 */
@Component
class KafkaStoryStage implements StoryStage, DisposableBean {

    static final String BINDING = "storyCandidates";

    private final StreamBridge bridge;
    private final CandidateProducer bulk;

    KafkaStoryStage(StreamBridge bridge, Environment environment) {
        this.bridge = bridge;
        this.bulk = new CandidateProducer(environment);
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

    @Override
    public CompletableFuture<ItemOutcome> submitAsync(StoryCandidate candidate) {
        byte[] payload = StoryJson.MAPPER.writeValueAsBytes(candidate);
        return bulk.send(StoryTopology.CANDIDATES, StoryTopology.CANDIDATE_KEY, payload).handle((metadata, failure) -> {
            if (failure != null) {
                throw new PublishFailedException("the broker did not accept item " + candidate.itemId(), failure);
            }
            return new ItemOutcome(candidate.itemId(), ItemOutcome.Status.ACCEPTED, candidate.event(), null);
        });
    }

    @Override
    public void destroy() {
        bulk.close();
    }
}
