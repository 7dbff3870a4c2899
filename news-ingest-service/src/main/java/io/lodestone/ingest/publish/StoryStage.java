package io.lodestone.ingest.publish;

import io.lodestone.ingest.dedupe.StoryCandidate;

/**
 * Where relevant items go after extraction: the stage that places them in stories and publishes
 * the stories' events. In the service it is a Kafka Streams stage behind an internal topic
 * ({@link KafkaStoryStage}); offline it runs in the caller's thread ({@link InMemoryStoryStage}).
 */
public interface StoryStage {

    /**
     * Hands the candidate over.
     *
     * @return {@code ACCEPTED} once the candidate is durably handed over, or what the stage made
     *         of it when it decides at once
     * @throws PublishFailedException if the candidate could not be handed over
     */
    ItemOutcome submit(StoryCandidate candidate);
}
