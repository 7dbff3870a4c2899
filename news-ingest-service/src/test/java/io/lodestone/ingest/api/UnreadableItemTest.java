package io.lodestone.ingest.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.lodestone.events.SupplyEventDetected;
import io.lodestone.ingest.dedupe.LinkRules;
import io.lodestone.ingest.extract.Extractor;
import io.lodestone.ingest.extract.FailingExtractor;
import io.lodestone.ingest.publish.InMemoryStoryStage;
import io.lodestone.ingest.publish.IngestPipeline;
import io.lodestone.ingest.source.RuntimeSources;
import io.lodestone.service.api.ClientBudget;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.ErrorResponseException;
import tools.jackson.databind.json.JsonMapper;

/**
 * A pushed batch in which the extractor fails on one item: the caller learns which item, and which
 * items before it were taken, as it does when the broker fails mid-batch.
 */
class UnreadableItemTest {

    @Test
    void aBatchStopsAtTheItemTheExtractorFailsOnAndSaysWhatWasTaken() {
        Extractor failingOnGermanium = FailingExtractor.overflowingOn("germanium");
        List<SupplyEventDetected> published = new CopyOnWriteArrayList<>();
        IngestPipeline pipeline = IngestPipeline.offline(failingOnGermanium,
                new InMemoryStoryStage(LinkRules.standard(Duration.ofDays(7), 1000), published::add), Clock.systemUTC());
        RuntimeSources noSources = mock(RuntimeSources.class);
        when(noSources.all()).thenReturn(List.of());
        ItemsController controller = new ItemsController(pipeline, noSources, ClientBudget.unlimited());

        ErrorResponseException refused = catchThrowableOfType(ErrorResponseException.class, () -> controller.push(
                JsonMapper.builder().build().readTree("[" + ban("ga-1", "gallium") + "," + ban("ge-1", "germanium") + ","
                        + ban("sb-1", "antimony") + "]"), new MockHttpServletRequest()));

        ProblemDetail problem = refused.getBody();
        assertThat(problem.getStatus()).isEqualTo(500);
        assertThat(problem.getTitle()).isEqualTo("Item could not be read");
        assertThat(problem.getDetail()).contains("'ge-1'").doesNotContain("StackOverflowError");
        assertThat(problem.getProperties()).containsEntry("accepted", List.of("ga-1"));
        assertThat(published).extracting(event -> event.elements().get(0)).containsExactly("Ga");
    }

    private static String ban(String id, String element) {
        return "{\"id\": \"" + id + "\", \"title\": \"China bans exports of " + element + " to the United States\","
                + " \"text\": \"The commerce ministry said exports of " + element + " are banned.\","
                + " \"publishedAt\": \"2024-12-03T08:00:00Z\"}";
    }
}
