package io.lodestone.ingest.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.lodestone.events.SupplyEventDetected;
import io.lodestone.ingest.dedupe.LinkRules;
import io.lodestone.ingest.extract.Extractor;
import io.lodestone.ingest.publish.InMemoryStoryStage;
import io.lodestone.ingest.publish.IngestPipeline;
import io.lodestone.ingest.source.RuntimeSources;
import io.lodestone.service.api.ApiProperties;
import io.lodestone.service.api.ClientBudget;
import io.lodestone.service.api.InvalidRequestException;
import io.lodestone.service.api.TooManyRequestsException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import tools.jackson.databind.json.JsonMapper;

/**
 * Pushed items are charged to the client's rate limit by length, after the request's own unit: a
 * batch the budget does not cover is refused whole, before anything is read or published.
 */
class ItemChargeTest {

    private static final String CLIENT = "token:0";

    private final List<SupplyEventDetected> published = new CopyOnWriteArrayList<>();
    // five units, earned back at one every 1,000 seconds: nothing refills during the test
    private final ClientBudget budget = new ClientBudget(new ApiProperties.RateLimit(true, 0.001, 5, 10, 1, 100, null));
    private final ItemsController controller;

    ItemChargeTest() {
        IngestPipeline pipeline = IngestPipeline.offline(new Extractor(),
                new InMemoryStoryStage(LinkRules.standard(Duration.ofDays(7), 1000), published::add), Clock.systemUTC());
        RuntimeSources noSources = mock(RuntimeSources.class);
        when(noSources.all()).thenReturn(List.of());
        controller = new ItemsController(pipeline, noSources, budget);
    }

    @Test
    void longItemsCostMoreAndABatchTheBudgetDoesNotCoverIsRefusedWhole() throws Exception {
        // two items of about 9,000 characters: three units each, six in all, five beyond the request
        String padding = " The ministry repeated that the measure protects national security.".repeat(130);
        String batch = "[" + ban("ga-1", "gallium", padding) + "," + ban("ge-1", "germanium", padding) + "]";

        TooManyRequestsException refused = catchThrowableOfType(TooManyRequestsException.class,
                () -> controller.push(JsonMapper.builder().build().readTree(batch), request()));

        assertThat(refused.getMessage()).contains("costs 6 units (2 item(s), one unit per started 4000 characters each)");
        assertThat(refused.retryAfterSeconds()).isPositive();
        assertThat(published).isEmpty();

        // what the refusal left (three units) still pays for a short item
        controller.push(JsonMapper.builder().build().readTree(ban("sb-1", "antimony", "")), request());
        assertThat(published).extracting(event -> event.elements().get(0)).containsExactly("Sb");
    }

    @Test
    void markupIsPaidForAsSentNotAsTheTextLeftAfterStrippingIt() throws Exception {
        // an item of 9,000 characters of markup and one word: its text is a word once stripped, but
        // the markup is parsed first, so it costs three units like any item of its length
        String markup = "<i></i>".repeat(1_300);
        String item = "{\"id\": \"m-1\", \"title\": \"x\", \"text\": \"" + markup + "gallium\"}";

        TooManyRequestsException refused = catchThrowableOfType(TooManyRequestsException.class,
                () -> controller.extract(JsonMapper.builder().build().readTree("[" + item + "," + item + "]"), request()));

        assertThat(refused.getMessage()).contains("costs 6 units (2 item(s), one unit per started 4000 characters each)");
    }

    @Test
    void aBatchOfNoItemsOrTooManyIsRefusedBeforeItIsChargedOrRead() throws Exception {
        String item = ban("ga-1", "gallium", "");
        for (String batch : List.of("[]", "[" + String.join(",", java.util.Collections.nCopies(501, item)) + "]")) {
            InvalidRequestException refused = catchThrowableOfType(InvalidRequestException.class,
                    () -> controller.push(JsonMapper.builder().build().readTree(batch), request()));

            assertThat(refused.fieldErrors()).containsKey("items");
            assertThat(refused.fieldErrors().get("items")).startsWith("send between 1 and 500 items per request");
        }
        // nothing was charged: the budget's four units after the two requests still pay for a short item
        controller.push(JsonMapper.builder().build().readTree(ban("sb-1", "antimony", "")), request());
        assertThat(published).hasSize(1);
    }

    /** A request as the rate-limit filter hands it on: its client named and charged one unit. */
    private MockHttpServletRequest request() {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/items");
        request.setAttribute(ClientBudget.CLIENT_ATTRIBUTE, CLIENT);
        assertThat(budget.chargeRequest(CLIENT, "POST", "/api/v1/items")).isEmpty();
        return request;
    }

    private static String ban(String id, String element, String padding) {
        return "{\"id\": \"" + id + "\", \"title\": \"China bans exports of " + element + " to the United States\","
                + " \"text\": \"The commerce ministry said exports of " + element + " are banned." + padding + "\","
                + " \"publishedAt\": \"2024-12-03T08:00:00Z\"}";
    }
}
