package io.lodestone.alert.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lodestone.alert.TestDatabase;
import io.lodestone.testsupport.HeadlessChromium;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Bills of materials in a real browser (headless Chromium through Debian's chromedriver; skipped
 * where absent): a file with one bad row shows that row's error and saves nothing; the demo BOM,
 * uploaded through the file input, shows kg/yr per element in its table and chart.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.cloud.stream.kafka.binder.brokers=${spring.embedded.kafka.brokers}",
        "lodestone.api.tokens=bom-browser-token",
        "lodestone.console.users[0].name=buyer",
        "lodestone.console.users[0].password={noop}" + BomBrowserTest.PASSWORD})
@EmbeddedKafka(partitions = 1)
@EnabledIf(value = "io.lodestone.testsupport.HeadlessChromium#installed", disabledReason = "Browser tests need "
        + "Debian's chromium and chromium-driver (apt-get install chromium chromium-driver; .ci/run installs them): "
        + "not found, so they are skipped here.")
class BomBrowserTest {

    static final String PASSWORD = "bom-browser-password";
    static final Duration WAIT = Duration.ofSeconds(45);
    static final String HEADER = "part_number,description,annual_volume,magnet_type,magnet_grade,magnet_mass_g,element_content_g\n";

    private static WebDriver browser;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, "alert_bom_browser");
    }

    @LocalServerPort
    int port;

    @BeforeAll
    static void startBrowser() {
        browser = HeadlessChromium.start("chromium-bom", WAIT);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @BeforeEach
    void signedIn() {
        browser.get(url("/login"));
        if (browser.getPageSource().contains("Sign out")) {
            return;
        }
        browser.findElement(By.name("username")).sendKeys("buyer");
        browser.findElement(By.name("password")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("form.form button[type=submit]")).click();
        await().atMost(WAIT).until(() -> browser.getPageSource().contains("Sign out"));
    }

    @Test
    void aFileWithOneBadRowShowsThatRowsErrorAndSavesNothing() throws Exception {
        // Given a file whose second part has a grade no magnet has
        Path file = Files.writeString(Path.of(System.getProperty("java.io.tmpdir"), "broken-bom.csv"), HEADER
                + "TM-1,Rotor,1000,NdFeB,N42SH,1200,\n"
                + "TM-2,Rotor,1000,NdFeB,N42QQ,1200,\n");

        // When the buyer uploads it
        upload("Broken rotor BOM", file);

        // Then the page names line 3, the column and the problem, and the list does not show the BOM
        WebElement row = await().atMost(WAIT).until(() -> browser.findElements(By.cssSelector("table.errors tbody tr")),
                rows -> !rows.isEmpty()).get(0);
        assertThat(row.getText()).contains("3", "magnet_grade", "'N42QQ' is not an NdFeB grade");
        assertThat(browser.findElement(By.cssSelector(".upload-errors")).getText()).contains("nothing was saved");
        browser.get(url("/boms"));
        assertThat(browser.getPageSource()).doesNotContain("Broken rotor BOM");
    }

    @Test
    void theDemoBomShowsKilogramsPerYearPerElementInTheTableAndTheChart() {
        // When the buyer uploads the demo BOM through the file input
        upload("Browser demo BOM", Path.of("demo/bom-ev-motor-and-servo.csv").toAbsolutePath());

        // Then its page shows dysprosium's kg/yr, range and parts, and a bar for it in the chart
        WebElement dy = await().atMost(WAIT).until(() -> browser.findElements(By.id("element-Dy")), r -> !r.isEmpty()).get(0);
        assertThat(dy.getText()).contains("3,925 kg/yr", "2,793–5,705 kg/yr", "TM-220-ROT 3,135 kg/yr");
        assertThat(browser.findElement(By.cssSelector("h1")).getText()).isEqualTo("Browser demo BOM");
        WebElement bar = browser.findElement(By.cssSelector("svg g.bar[data-element=Dy]"));
        assertThat(bar.getText()).contains("3,925 kg/yr");
        assertThat(Double.parseDouble(bar.findElement(By.tagName("rect")).getAttribute("width"))).isPositive();
        browser.get(url("/boms"));
        assertThat(browser.findElement(By.cssSelector("table.boms")).getText()).contains("Browser demo BOM", "7");
    }

    private void upload(String name, Path file) {
        browser.get(url("/boms"));
        browser.findElement(By.name("name")).sendKeys(name);
        browser.findElement(By.name("file")).sendKeys(file.toString());
        browser.findElement(By.cssSelector("form.form button[type=submit]")).click();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
