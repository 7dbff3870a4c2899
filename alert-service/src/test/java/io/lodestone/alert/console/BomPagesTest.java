package io.lodestone.alert.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestone.alert.TestDatabase;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The BOM pages as a signed-in buyer sees them: an upload with one bad row shows that row's line,
 * column and problem and saves nothing; a good one leads to its page with kg/yr per element.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.cloud.stream.kafka.binder.brokers=${spring.embedded.kafka.brokers}",
        "lodestone.api.tokens=bom-pages-token",
        "lodestone.console.public-board=false",
        "lodestone.console.users[0].name=buyer",
        "lodestone.console.users[0].password={noop}" + BomPagesTest.PASSWORD})
@EmbeddedKafka(partitions = 1)
class BomPagesTest {

    static final String PASSWORD = "magnets all the way down";
    static final String HEADER = "part_number,description,annual_volume,magnet_type,magnet_grade,magnet_mass_g,element_content_g\n";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, "alert_bom_pages");
    }

    @LocalServerPort
    int port;

    @Test
    void anUploadWithOneBadRowShowsItsLineColumnAndProblemAndSavesNothing() {
        ConsoleClient browser = signedIn();

        HttpResponse<String> page = browser.submit("/boms", "/boms", Map.of("name", "Broken motor", "format", "CSV",
                "content", HEADER + "TM-1,Rotor,1000,NdFeB,N42SH,1200,\nTM-2,Rotor,1000,NdFeB,N42SH,heavy,\n"));

        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("nothing was saved", "<td class=\"num\">3</td>", "<td>magnet_mass_g</td>",
                "must be grams per unit, more than 0 and at most 100000, was &#39;heavy&#39;");
        assertThat(browser.get("/boms").body()).doesNotContain("Broken motor");
    }

    @Test
    void aGoodBomUploadedAsAFileShowsKilogramsPerYearPerElementInTheTableAndTheChart() throws Exception {
        Browser browser = new Browser();
        browser.signIn();

        HttpResponse<String> uploaded = browser.uploadFile("Demo motors and servos",
                Files.readString(Path.of("demo/bom-ev-motor-and-servo.csv")));

        assertThat(uploaded.statusCode()).isEqualTo(302);
        String bomPage = browser.get(URI.create(uploaded.headers().firstValue("Location").orElseThrow()).getPath()).body();
        assertThat(bomPage).contains("<h1>Demo motors and servos</h1>");
        String dyRow = bomPage.substring(bomPage.indexOf("id=\"element-Dy\""), bomPage.indexOf("id=\"element-Ta\""));
        assertThat(dyRow).contains("3,925 kg/yr", "2,793–5,705 kg/yr", "TM-220-ROT", "3,135 kg/yr", "no data yet");
        assertThat(bomPage).contains("data-element=\"Dy\"", "3,925 kg/yr · no data yet", "810 kg/yr");
        assertThat(browser.get("/boms").body()).contains("Demo motors and servos");
    }

    private ConsoleClient signedIn() {
        ConsoleClient browser = new ConsoleClient(port);
        assertThat(browser.signIn("buyer", PASSWORD).statusCode()).isEqualTo(302);
        return browser;
    }

    /** A browser that sends the upload form as multipart, the way a file input does. */
    private final class Browser {
        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

        void signIn() throws IOException, InterruptedException {
            String token = ConsoleClient.csrfToken(get("/login").body());
            String form = "username=buyer&password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8) + "&_csrf=" + token;
            http.send(HttpRequest.newBuilder(uri("/login")).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
        }

        HttpResponse<String> uploadFile(String name, String csv) throws IOException, InterruptedException {
            String page = get("/boms").body();
            String action = page.replaceFirst("(?s).*<form class=\"form\" method=\"post\" enctype=\"multipart/form-data\" action=\"([^\"]+)\".*", "$1")
                    .replace("&amp;", "&");
            String boundary = "----lodestone-test-boundary";
            String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\n" + name + "\r\n"
                    + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"bom.csv\"\r\n"
                    + "Content-Type: text/csv\r\n\r\n" + csv + "\r\n--" + boundary + "--\r\n";
            HttpClient noRedirects = HttpClient.newBuilder().cookieHandler(http.cookieHandler().orElseThrow()).build();
            return noRedirects.send(HttpRequest.newBuilder(uri(action))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> get(String path) {
            try {
                return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private URI uri(String path) {
            return URI.create("http://127.0.0.1:" + port + path);
        }
    }
}
