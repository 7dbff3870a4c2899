package io.lodestone.ingest.api;

import io.lodestone.ingest.item.ItemJson;
import io.lodestone.ingest.item.NewsItem;
import io.lodestone.ingest.publish.IngestPipeline;
import io.lodestone.ingest.source.RuntimeSources;
import io.lodestone.ingest.publish.ItemOutcome;
import io.lodestone.ingest.publish.ItemUnreadableException;
import io.lodestone.ingest.publish.PublishFailedException;
import io.lodestone.service.api.ApiProperties;
import io.lodestone.service.api.ClientBudget;
import io.lodestone.service.api.InvalidRequestException;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Items pushed by people and integrations. A request carries one item (a JSON object) or several
 * (an array) and is answered in the same shape with what happened to each. {@code /items} answers
 * only after the broker holds every relevant item for the story stage ({@code ACCEPTED}), which
 * then publishes the stories' events; {@code /extract} publishes nothing and remembers nothing.
 * Every item is bounded as {@link ItemJson} says (lengths, dates, a well-formed {@code source} that
 * is not one of the configured sources) and the whole request by {@code lodestone.api.max-body-size}.
 * An item without {@code publishedAt} stays undated, so it cannot move the story clock. Reading
 * is charged to the client's rate limit by length ({@link #charge}), so a client cannot buy hours
 * of extraction with one request.
 */
@RestController
class ItemsController {

    static final String PUSH_SOURCE = "push";
    static final int MAX_ITEMS_PER_REQUEST = 500;

    /** The source of bulk-imported items, which callers cannot claim either. */
    static final String IMPORT_SOURCE = "import";

    private final IngestPipeline pipeline;
    private final RuntimeSources sources;
    private final ClientBudget budget;
    private final Clock clock = Clock.systemUTC();

    /** Without a web server (the offline commands) there is no client to charge. */
    @Autowired
    ItemsController(IngestPipeline pipeline, RuntimeSources sources, ObjectProvider<ClientBudget> budget) {
        this(pipeline, sources, budget.getIfAvailable(ClientBudget::unlimited));
    }

    ItemsController(IngestPipeline pipeline, RuntimeSources sources, ClientBudget budget) {
        this.pipeline = pipeline;
        this.sources = sources;
        this.budget = budget;
    }

    /** Names a pushed item cannot claim: every source in force now (added ones too) and {@code import}. */
    private Set<String> reservedSources() {
        Set<String> reserved = new HashSet<>(Set.of(IMPORT_SOURCE));
        sources.all().forEach(source -> reserved.add(source.id()));
        return reserved;
    }

    @PostMapping("/api/v1/items")
    Object push(@RequestBody JsonNode body, HttpServletRequest request) {
        return handle(body, request, this::publish);
    }

    @PostMapping("/api/v1/extract")
    Object extract(@RequestBody JsonNode body, HttpServletRequest request) {
        return handle(body, request, items -> items.stream().map(pipeline::dryRun).toList());
    }

    private Object handle(JsonNode body, HttpServletRequest request,
                          Function<List<NewsItem>, List<ItemOutcome>> action) {
        if (body.isArray() && (body.isEmpty() || body.size() > MAX_ITEMS_PER_REQUEST)) {
            throw InvalidRequestException.field("items", "send between 1 and " + MAX_ITEMS_PER_REQUEST
                    + " items per request, got " + body.size());
        }
        charge(body, request);
        List<NewsItem> items = body.isArray() ? readAll(body)
                : List.of(ItemJson.read(body, "", PUSH_SOURCE, clock.instant(), reservedSources()));
        List<ItemOutcome> outcomes = action.apply(items);
        return body.isArray() ? outcomes : outcomes.get(0);
    }

    /**
     * Reading an item costs in proportion to its length, so a client's budget pays one unit per started
     * {@value ApiProperties.RateLimit#ITEM_CHARACTERS} characters of each item's title and text as sent,
     * markup included (the request itself paid one): the markup is parsed before it is stripped, so an
     * item of markup and little text costs what its length costs. Charged before anything is parsed.
     */
    private void charge(JsonNode body, HttpServletRequest request) {
        long units = 0;
        int count = 0;
        for (JsonNode item : body.isArray() ? body : List.of(body)) {
            long characters = length(item.get("title")) + length(item.get("text"));
            units += Math.max(1, (characters + ApiProperties.RateLimit.ITEM_CHARACTERS - 1)
                    / ApiProperties.RateLimit.ITEM_CHARACTERS);
            count++;
        }
        budget.charge(request, units - 1, count + " item(s), one unit per started "
                + ApiProperties.RateLimit.ITEM_CHARACTERS + " characters each");
    }

    private static long length(JsonNode field) {
        return field != null && field.isString() ? field.asString().length() : 0;
    }

    /** The items of a batch whose size {@link #handle} has checked. */
    private List<NewsItem> readAll(JsonNode array) {
        List<NewsItem> items = new ArrayList<>();
        Map<String, String> errors = new LinkedHashMap<>();
        Set<String> reservedSources = reservedSources();
        for (int i = 0; i < array.size(); i++) {
            try {
                items.add(ItemJson.read(array.get(i), "[" + i + "].", PUSH_SOURCE, clock.instant(),
                        reservedSources));
            } catch (InvalidRequestException e) {
                errors.putAll(e.fieldErrors());
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException("No item was accepted: " + errors.size() + " invalid field(s).", errors);
        }
        return items;
    }

    /** Validated first, then published in order; a broker failure stops the request and says what got through. */
    private List<ItemOutcome> publish(List<NewsItem> items) {
        List<ItemOutcome> outcomes = new ArrayList<>();
        for (NewsItem item : items) {
            try {
                outcomes.add(pipeline.process(item));
            } catch (PublishFailedException e) {
                throw stopped(HttpStatus.SERVICE_UNAVAILABLE, "Event stream unavailable", "Item '" + item.id()
                        + "' was not accepted: " + e.getMessage() + ". Items listed in 'accepted' were taken;"
                        + " send the others again.", outcomes, e);
            } catch (ItemUnreadableException e) {
                throw stopped(HttpStatus.INTERNAL_SERVER_ERROR, "Item could not be read", "Item '" + item.id()
                        + "' could not be read by the extractor; the failure is logged. Items listed in 'accepted'"
                        + " were taken; the items after it were not tried.", outcomes, e);
            }
        }
        return outcomes;
    }

    /** A batch stopped at one item: why, and the ids of the items before it that were taken. */
    private static ErrorResponseException stopped(HttpStatus status, String title, String detail,
                                                  List<ItemOutcome> accepted, Exception cause) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setProperty("accepted", accepted.stream().map(ItemOutcome::itemId).toList());
        return new ErrorResponseException(status, problem, cause);
    }
}
