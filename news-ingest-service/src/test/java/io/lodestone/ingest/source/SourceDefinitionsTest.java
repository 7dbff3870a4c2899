package io.lodestone.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.lodestone.ingest.IngestProperties;
import io.lodestone.service.api.InvalidRequestException;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A source sent to the API is read by the configuration's own binder and rules, and every fault names its field. */
class SourceDefinitionsTest {

    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aFeedGetsTheConfigurationDefaults() {
        IngestProperties.Source source = SourceDefinitions.read(json("""
                {"id": "mining-feed", "kind": "feed", "url": "https://www.example.com/feed/", "publisher": "Mining news"}"""),
                VALIDATOR);

        assertThat(source.id()).isEqualTo("mining-feed");
        assertThat(source.kind()).isEqualTo(IngestProperties.Kind.FEED);
        assertThat(source.url()).isEqualTo(URI.create("https://www.example.com/feed/"));
        assertThat(source.pollInterval()).isEqualTo(Duration.ofMinutes(15));
        assertThat(source.enabled()).isTrue();
        assertThat(source.publisher()).isEqualTo("Mining news");
    }

    @Test
    void anHtmlListReadsInCamelOrKebabCaseLikeConfiguration() {
        IngestProperties.Source source = SourceDefinitions.read(json("""
                {"id": "ministry", "kind": "html-list", "url": "https://ministry.example.org/notices/",
                 "poll-interval": "PT2H", "language": "zh-Hans",
                 "html": {"item": "ul.list li", "title": "a", "datePattern": "yyyy年MM月dd日", "zone": "Asia/Shanghai"}}"""),
                VALIDATOR);

        assertThat(source.kind()).isEqualTo(IngestProperties.Kind.HTML_LIST);
        assertThat(source.pollInterval()).isEqualTo(Duration.ofHours(2));
        assertThat(source.html().datePattern()).isEqualTo("yyyy年MM月dd日");
        assertThat(source.html().zone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
        assertThat(source.html().link()).isEqualTo(IngestProperties.HtmlMapping.DEFAULT_LINK);
    }

    @ParameterizedTest(name = "{0} is refused, naming {1}")
    @CsvSource(delimiter = '|', textBlock = """
            no id                  | id           | {"kind": "feed", "url": "https://example.org/feed"}
            upper-case id          | id           | {"id": "Feed", "kind": "feed", "url": "https://example.org/feed"}
            no kind                | kind         | {"id": "a", "url": "https://example.org/feed"}
            unknown kind           | kind         | {"id": "a", "kind": "podcast", "url": "https://example.org/feed"}
            no url                 | url          | {"id": "a", "kind": "feed"}
            ftp url                | url          | {"id": "a", "kind": "feed", "url": "ftp://example.org/feed"}
            url with user info     | url          | {"id": "a", "kind": "feed", "url": "https://user:secret@example.org/feed"}
            url without host       | url          | {"id": "a", "kind": "feed", "url": "https:///feed"}
            unreadable interval    | pollInterval | {"id": "a", "kind": "feed", "url": "https://example.org/feed", "pollInterval": "often"}
            zero interval          | pollInterval | {"id": "a", "kind": "feed", "url": "https://example.org/feed", "pollInterval": "PT0S"}
            negative interval      | pollInterval | {"id": "a", "kind": "feed", "url": "https://example.org/feed", "pollInterval": "-PT1H"}
            json without mapping   | json         | {"id": "a", "kind": "json", "url": "https://example.org/api"}
            json mapping lacks id  | json.id      | {"id": "a", "kind": "json", "url": "https://example.org/api", "json": {"items": "/r", "title": "/t"}}
            html without mapping   | html         | {"id": "a", "kind": "html-list", "url": "https://example.org/list"}
            html without item      | html.item    | {"id": "a", "kind": "html-list", "url": "https://example.org/list", "html": {"title": "a"}}
            html max pages 0       | html.maxPages| {"id": "a", "kind": "html-list", "url": "https://example.org/list", "html": {"item": "li", "title": "a", "maxPages": 0}}
            html max pages 1000    | html.maxPages| {"id": "a", "kind": "html-list", "url": "https://example.org/list", "html": {"item": "li", "title": "a", "maxPages": 1000}}
            html max new 100000    | html.maxNew  | {"id": "a", "kind": "html-list", "url": "https://example.org/list", "html": {"item": "li", "title": "a", "maxNew": 100000}}
            interval of years      | pollInterval | {"id": "a", "kind": "feed", "url": "https://example.org/feed", "pollInterval": "PT9223372036854775807S"}
            unknown field          | pollIntervall| {"id": "a", "kind": "feed", "url": "https://example.org/feed", "pollIntervall": "PT1H"}
            empty field name       | ''           | {"id": "a", "kind": "feed", "url": "https://example.org/feed", "": "PT1H"}
            dot as field name      | .            | {"id": "a", "kind": "feed", "url": "https://example.org/feed", ".": "x"}
            non-ASCII field name   | Ü            | {"id": "a", "kind": "feed", "url": "https://example.org/feed", "Ü": "x"}
            dotted field name      | html.item    | {"id": "a", "kind": "html-list", "url": "https://example.org/list", "html.item": "li", "html": {"title": "a"}}
            nested odd name        | html.Ü       | {"id": "a", "kind": "html-list", "url": "https://example.org/list", "html": {"item": "li", "title": "a", "Ü": 1}}
            not an object          | source       | ["a"]
            """)
    void aBadDefinitionIsRefusedNamingTheField(String name, String field, String definition) {
        InvalidRequestException refused = catchThrowableOfType(InvalidRequestException.class,
                () -> SourceDefinitions.read(json(definition), VALIDATOR));

        assertThat(refused).as(name).isNotNull();
        assertThat(refused.fieldErrors()).as(name).containsKey(field.strip());
    }

    private static JsonNode json(String text) {
        return JSON.readTree(text);
    }
}
