package io.lodestone.alert.console;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The machine's Chromium, headless, driven by Debian's chromedriver, for browser tests. A test
 * class without both is skipped with a message (CI installs them); nothing is ever downloaded.
 */
final class HeadlessChromium {

    static final Path CHROMEDRIVER = Path.of(System.getProperty("lodestone.chromedriver", "/usr/bin/chromedriver"));
    static final List<Path> CHROMIUM = List.of(Path.of("/usr/bin/chromium"), Path.of("/usr/bin/chromium-browser"));

    private HeadlessChromium() {
    }

    /** Whether both are installed: browser test classes are enabled only then, without starting anything. */
    static boolean installed() {
        return Files.isExecutable(CHROMEDRIVER) && CHROMIUM.stream().anyMatch(Files::isExecutable);
    }

    /** @param profile the name of the browser's profile folder under the test temp dir, one per test class */
    static WebDriver start(String profile, Duration pageLoad) {
        Path chromium = CHROMIUM.stream().filter(Files::isExecutable).findFirst().orElse(null);
        assumeTrue(Files.isExecutable(CHROMEDRIVER) && chromium != null,
                "Browser tests need Debian's chromium and chromium-driver (apt-get install chromium chromium-driver); "
                        + "not found at " + CHROMEDRIVER + " and " + CHROMIUM + ", so they are skipped here.");
        // Both paths are given, so Selenium never looks for (or downloads) a driver or a browser itself.
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions().setBinary(chromium.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-dev-shm-usage", "--window-size=1280,900", "--user-data-dir="
                                + new File(System.getProperty("java.io.tmpdir"), profile + "-" + ProcessHandle.current().pid()));
        WebDriver browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(pageLoad);
        return browser;
    }
}
