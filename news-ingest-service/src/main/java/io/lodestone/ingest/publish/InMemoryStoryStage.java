package io.lodestone.ingest.publish;

import io.lodestone.events.SupplyEventDetected;
import io.lodestone.ingest.dedupe.LinkRules;
import io.lodestone.ingest.dedupe.StoryCandidate;
import io.lodestone.ingest.dedupe.StoryDecision;
import io.lodestone.ingest.dedupe.StoryLinker;
import io.lodestone.ingest.dedupe.Stories;
import java.util.function.Consumer;

/**
 * The story stage in the caller's thread, with stories in memory: the offline command and tests.
 * It decides what the service's Kafka Streams stage would decide for the same items in the same
 * order, because both run the same {@link StoryLinker}.
 */
public final class InMemoryStoryStage implements StoryStage {

    private final StoryLinker linker;
    private final Consumer<SupplyEventDetected> published;

    /**
     * @param published receives every event the stage publishes, in order
     */
    public InMemoryStoryStage(LinkRules rules, Consumer<SupplyEventDetected> published) {
        this.linker = new StoryLinker(rules, Stories.inMemory());
        this.published = published;
    }

    @Override
    public synchronized ItemOutcome submit(StoryCandidate candidate) {
        StoryDecision decision = linker.link(candidate);
        if (decision.publishes()) {
            published.accept(decision.event());
        }
        return ItemOutcome.placed(candidate.itemId(), decision);
    }
}
