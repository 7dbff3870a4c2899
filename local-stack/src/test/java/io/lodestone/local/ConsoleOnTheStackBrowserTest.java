package io.lodestone.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lodestone.events.Elements;
import io.lodestone.events.RiskLevel;
import io.lodestone.testsupport.HeadlessChromium;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import tools.jackson.databind.json.JsonMapper;

/**
 * The console in a real browser on the real stack, as {@code ./run-local.sh} starts it (public
 * board): the board lists every tracked element, and when a ban is pushed to news-ingest-service
 * the element's row on the open board rises to a higher level without the page being reloaded
 * (ingest → scoring → alert-service → the board's event stream).
 */
@EnabledIf(value = "io.lodestone.testsupport.HeadlessChromium#installed", disabledReason = "Browser tests need "
        + "Debian's chromium and chromium-driver (apt-get install chromium chromium-driver; .ci/run installs them): "
        + "not found, so they are skipped here.")
class ConsoleOnTheStackBrowserTest {

    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aBanPushedToIngestRaisesItsElementOnTheOpenBoardWithoutAReload() throws Exception {
        try (StackFixture stack = StackFixture.start(Map.of("LODESTONE_INGEST_POLLING", "false"))) {
            WebDriver browser = HeadlessChromium.start("chromium-stack", WAIT);
            try {
                // Given the board open in a browser, with every tracked element on it
                browser.get(StackFixture.uri(stack.settings.alertPort(), "/").toString());
                await().atMost(WAIT).ignoreExceptions().until(() -> browser.findElements(By.cssSelector("tr.risk-row"))
                        .size() == Elements.all().size());
                RiskLevel before = levelOf(browser, "Ga");
                // a mark that a reload would wipe out
                ((JavascriptExecutor) browser).executeScript("window.lodestoneNotReloaded = true;");

                // When a ban on gallium is pushed to news-ingest-service
                HttpResponse<String> pushed = stack.post(stack.settings.ingestPort(), "/api/v1/items", banOnGallium());
                assertThat(pushed.statusCode()).as(pushed.body()).isBetween(200, 202);

                // Then gallium's row shows a higher level, in the same page
                await().atMost(WAIT).ignoreExceptions().until(() -> levelOf(browser, "Ga").ordinal() > before.ordinal());
                assertThat(((JavascriptExecutor) browser).executeScript("return window.lodestoneNotReloaded === true;"))
                        .isEqualTo(true);
            } finally {
                browser.quit();
            }
        }
    }

    /** The level word in the element's row, or LOW while the row shows no data yet. */
    private static RiskLevel levelOf(WebDriver browser, String symbol) {
        String text = browser.findElement(By.cssSelector("#row-" + symbol + " .level")).getText().trim();
        return text.equals("no data yet") ? RiskLevel.LOW : RiskLevel.valueOf(text);
    }

    private static String banOnGallium() {
        return JSON.writeValueAsString(Map.of(
                "id", "stack-browser-gallium-ban",
                "title", "China bans exports of gallium to the United States",
                "text", "The commerce ministry said exports of gallium to the United States are banned with "
                        + "immediate effect. Chip makers that rely on Chinese gallium expect shortages.",
                "url", "https://stack-browser.example/gallium-ban",
                "publishedAt", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString()));
    }
}
