package io.lodestone.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code ./run-local.sh --demo} as a buyer meets it (the measures in force replayed at start, as
 * run-local.sh does): the demo bill of materials is uploaded and linked to the demo subscription,
 * the magnet metals rise, and the first email caught names the bill of materials, its parts and
 * their kilograms a year; the API lists the BOM.
 */
class DemoOnTheStackTest {

    @Test
    void theFirstDemoEmailNamesThePartsBehindEachAlertedElement() throws Exception {
        try (StackFixture stack = StackFixture.start(List.of("--demo"), Map.of(
                "LODESTONE_INGEST_POLLING", "false", "LODESTONE_INGEST_MEASURES_AT_START", "true"))) {
            Path mail = stack.settings.dataDir().resolve("mail");

            String email = await().atMost(Duration.ofSeconds(180)).until(() -> firstMail(mail), found -> found != null);

            assertThat(email).contains("Demo: EV traction motor and servo drive").contains("kg/yr")
                    .containsPattern("(TM|SV)-[0-9A-Z]+-[A-Z]+");
            String boms = stack.get(stack.settings.alertPort(), "/api/v1/boms").body();
            assertThat(boms).contains("Demo: EV traction motor and servo drive");
        }
    }

    /** The decoded text of the first mail caught (all its text parts), or null before any. */
    private static String firstMail(Path folder) {
        if (!Files.isDirectory(folder)) {
            return null;
        }
        try (Stream<Path> files = Files.list(folder)) {
            Path first = files.filter(f -> f.toString().endsWith(".eml")).sorted().findFirst().orElse(null);
            if (first == null) {
                return null;
            }
            try (InputStream in = Files.newInputStream(first)) {
                return text(new MimeMessage(Session.getDefaultInstance(new Properties()), in));
            }
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException("could not read a caught mail", e);
        }
    }

    private static String text(Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/*")) {
            return String.valueOf(part.getContent());
        }
        StringBuilder text = new StringBuilder();
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                text.append(text(multipart.getBodyPart(i))).append('\n');
            }
        }
        return text.toString();
    }
}
