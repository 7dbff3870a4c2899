package io.lodestone.alert.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.lodestone.alert.TestDatabase;
import io.lodestone.alert.TestMail;
import io.lodestone.events.Contributor;
import io.lodestone.events.ElementRiskChanged;
import io.lodestone.events.Elements;
import io.lodestone.events.EventType;
import io.lodestone.events.RiskLevel;
import io.lodestone.testsupport.HeadlessChromium;
import io.lodestone.testsupport.KafkaTestClient;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The console in a real browser (headless Chromium driven by its chromedriver), against the whole
 * service with an embedded broker, PostgreSQL and a GreenMail SMTP server: what a buyer sees, risk
 * changes arriving on an open board without a reload, the chart drawn, and a test notification
 * from a subscription made through the form. Skipped, with a message, on a machine without
 * Chromium and chromedriver (CI installs both; {@code -Dlodestone.chromedriver=PATH} points at another
 * driver); nothing is ever downloaded.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.cloud.stream.kafka.binder.brokers=${spring.embedded.kafka.brokers}",
        "lodestone.api.tokens=browser-test-token",
        "lodestone.console.public-board=true",
        "lodestone.console.users[0].name=buyer",
        "lodestone.console.users[0].password={noop}" + ConsoleBrowserTest.PASSWORD})
@EmbeddedKafka(partitions = 1)
@EnabledIf(value = "browserInstalled", disabledReason = "Browser tests need Debian's chromium and chromium-driver "
        + "(apt-get install chromium chromium-driver; .ci/run installs them): not found, so they are skipped here.")
class ConsoleBrowserTest {

    static final String PASSWORD = "browser-password";
    static final Duration WAIT = Duration.ofSeconds(45);
    static final Contributor CONTROL = new Contributor("evt-2025-04-04-mofcom-18",
            "MOFCOM No. 18 of 2025: export controls on seven rare earths", "https://www.mofcom.gov.cn/article/zcfb?id=18",
            EventType.EXPORT_RESTRICTION, Instant.parse("2025-04-04T08:00:00Z"), 38.5,
            "Sm, Gd, Tb, Dy, Lu, Sc and Y now need export licences", "en");

    @RegisterExtension
    static final GreenMailExtension SMTP = TestMail.server();

    private static WebDriver browser;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, "alert_console_browser");
        TestMail.register(registry, SMTP);
    }

    @LocalServerPort
    int port;

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    @Autowired
    BoardEvents boardEvents;

    static boolean browserInstalled() {
        return HeadlessChromium.installed();
    }

    @BeforeAll
    static void startBrowser() {
        browser = HeadlessChromium.start("chromium", WAIT);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @BeforeEach
    void signedOut() {
        browser.get(url("/login"));
        browser.manage().deleteAllCookies();
    }

    @Test
    void theBoardShowsEveryTrackedElement() {
        browser.get(url("/"));

        List<String> symbols = browser.findElements(By.cssSelector("tr.risk-row")).stream()
                .map(row -> row.getAttribute("data-symbol")).toList();

        assertThat(symbols).containsExactlyInAnyOrderElementsOf(
                Elements.all().stream().map(element -> element.symbol()).toList());
        assertThat(browser.findElement(By.tagName("main")).getText())
                .contains("Light rare earths", "Heavy rare earths", "Other critical minerals");
    }

    @Test
    void anOpenBoardShowsANewLevelWithoutAReload() {
        // Given an open board, listening for changes
        browser.get(url("/"));
        ((JavascriptExecutor) browser).executeScript("window.loadedOnce = true;");
        await().atMost(WAIT).until(() -> boardEvents.openStreams() > 0);
        assertThat(levelOf("Ga")).isEqualTo("no data yet");

        // When export controls push gallium to SEVERE
        publish(risk("Ga", 84.0, RiskLevel.SEVERE, "2025-04-05T10:00:00Z"));

        // Then gallium's row shows the new level, in words and colour, on the same page
        await().atMost(WAIT).ignoreExceptions().until(() -> levelOf("Ga").equals("SEVERE"));
        WebElement level = browser.findElement(By.cssSelector("#row-Ga .level"));
        assertThat(level.getAttribute("class")).contains("level-severe");
        assertThat(browser.findElement(By.cssSelector("#row-Ga .score")).getText()).isEqualTo("84.0");
        assertThat(((JavascriptExecutor) browser).executeScript("return window.loadedOnce === true;")).isEqualTo(true);
    }

    @Test
    void theElementPageDrawsTheChartAndQuotesTheContributor() {
        publish(risk("Dy", 45.0, RiskLevel.ELEVATED, "2025-04-01T09:00:00Z"));
        publish(risk("Dy", 72.5, RiskLevel.HIGH, "2025-04-04T09:00:00Z"));
        await().atMost(WAIT).until(() -> {
            browser.get(url("/elements/Dy"));
            return browser.findElement(By.cssSelector("h1 .level")).getText().equals("HIGH");
        });

        WebElement chart = browser.findElement(By.id("risk-chart"));

        assertThat(chart.getAttribute("data-drawn")).isEqualTo("2");
        assertThat(chart.findElements(By.tagName("canvas"))).isNotEmpty();
        assertThat(browser.findElement(By.cssSelector("blockquote.evidence")).getText())
                .isEqualTo("Sm, Gd, Tb, Dy, Lu, Sc and Y now need export licences");
        assertThat(browser.findElement(By.cssSelector("table.contributors")).getText())
                .contains("MOFCOM No. 18 of 2025", "en", "+38.5");
        assertThat(browser.findElement(By.linkText("MOFCOM No. 18 of 2025: export controls on seven rare earths"))
                .getAttribute("href")).isEqualTo("https://www.mofcom.gov.cn/article/zcfb?id=18");
    }

    @Test
    void aSubscriptionCreatedThroughTheFormReceivesATestNotification() throws Exception {
        // Given a buyer signed in through the form
        browser.get(url("/login"));
        browser.findElement(By.name("username")).sendKeys("buyer");
        browser.findElement(By.name("password")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("form.form button[type=submit]")).click();
        await().atMost(WAIT).until(() -> browser.getPageSource().contains("Sign out"));

        // When they create a subscription and press "Send a test notification"
        browser.get(url("/subscriptions/new"));
        browser.findElement(By.name("name")).sendKeys("Browser buyers");
        browser.findElement(By.name("elements")).sendKeys("Tb");
        browser.findElement(By.name("emailTo")).sendKeys("browser-buyer@example.com");
        browser.findElement(By.id("save")).click();
        await().atMost(WAIT).until(() -> !browser.findElements(By.id("test-send")).isEmpty());
        browser.findElement(By.id("test-send")).click();

        // Then the mail server got the test email and the page says the receiver took it
        await().atMost(WAIT).until(() -> SMTP.getReceivedMessages().length > 0);
        MimeMessage email = SMTP.getReceivedMessages()[0];
        assertThat(Arrays.stream(email.getAllRecipients()).map(Object::toString)).containsExactly("browser-buyer@example.com");
        assertThat(email.getSubject()).contains("Tb");
        await().atMost(WAIT).until(() -> !browser.findElements(By.cssSelector(".test-send-results .outcome")).isEmpty());
        assertThat(browser.findElement(By.cssSelector(".test-send-results .outcome")).getText()).isEqualTo("DELIVERED");
    }

    private String levelOf(String symbol) {
        return browser.findElement(By.cssSelector("#row-" + symbol + " .level")).getText();
    }

    private static ElementRiskChanged risk(String element, double score, RiskLevel level, String asOf) {
        return new ElementRiskChanged(ElementRiskChanged.SCHEMA_VERSION, element, score, level, 30.0,
                RiskLevel.GUARDED, 25.0, Instant.parse(asOf), List.of(CONTROL));
    }

    private void publish(ElementRiskChanged change) {
        JsonMapper json = JsonMapper.builder().build();
        try (KafkaTestClient kafka = new KafkaTestClient(brokers)) {
            kafka.send("element.risk.v1", change.element(), json.writeValueAsString(change),
                    KafkaTestClient.attributesFor(change, "/lodestone/risk-scoring-service"));
        }
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
