package io.lodestone.ingest.publish;

import io.lodestone.ingest.dedupe.StoryCandidate;
import java.util.concurrent.CompletableFuture;

/**
 * Where items go after extraction (relevant ones, and those that may retell a known story): the
 * stage that places them in stories and publishes the stories' events. In the service it is a
 * Kafka Streams stage behind an internal topic ({@link KafkaStoryStage}); offline it runs in the
 * caller's thread ({@link InMemoryStoryStage}).
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

    /**
     * Hands the candidate over without waiting for it to be taken; candidates are taken in the
     * order of the calls. The future completes as {@link #submit} would return, or fails with
     * {@link PublishFailedException}.
     */
    default CompletableFuture<ItemOutcome> submitAsync(StoryCandidate candidate) {
        try {
            return CompletableFuture.completedFuture(submit(candidate));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
