package io.lodestone.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestone.ingest.IngestProperties;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Dates as publishers write them in list pages, found inside the element's text. */
class HtmlPagesTest {

    @ParameterizedTest(name = "''{0}'' as {1} in {2}")
    @CsvSource(delimiter = '|', value = {
            "[2025-10-09]                  | yyyy-MM-dd        | Asia/Shanghai | 2025-10-08T16:00:00Z",
            "发布时间：2025年10月09日         | yyyy年MM月dd日     | Asia/Shanghai | 2025-10-08T16:00:00Z",
            "2025.10.09                    | yyyy.MM.dd        | Asia/Tokyo    | 2025-10-08T15:00:00Z",
            "Posted 9 October 2025         | d MMMM yyyy       | UTC           | 2025-10-09T00:00:00Z",
            "2025-10-09 14:30              | yyyy-MM-dd HH:mm  | Europe/Brussels | 2025-10-09T12:30:00Z",
            "2025-13-45 then 2025-10-09    | yyyy-MM-dd        | UTC           | 2025-10-09T00:00:00Z"})
    void findsTheDateInTheElementText(String text, String pattern, String zone, String expected) {
        IngestProperties.HtmlMapping html = new IngestProperties.HtmlMapping("li", "a", "a[href]", "span", pattern,
                ZoneId.of(zone), "body", null, 1, 1, null);

        Instant date = HtmlPages.date(text.strip(), DateTimeFormatter.ofPattern(pattern, Locale.ENGLISH), html);

        assertThat(date).isEqualTo(Instant.parse(expected));
    }
}
