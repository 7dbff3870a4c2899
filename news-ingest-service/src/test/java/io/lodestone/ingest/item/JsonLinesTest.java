package io.lodestone.ingest.item;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonLinesTest {

    @Test
    void linesAreReadWithoutTheirEndsAndWithoutAByteOrderMark() throws IOException {
        List<JsonLines.Line> lines = read(bytes("\uFEFF{\"id\":\"a\"}\r\n\n{\"id\":\"镝\"}\n{\"id\":\"last\"}"), JsonLines.MAX_LINE);

        assertThat(lines).extracting(JsonLines.Line::text)
                .containsExactly("{\"id\":\"a\"}", "", "{\"id\":\"镝\"}", "{\"id\":\"last\"}");
        assertThat(lines).extracting(JsonLines.Line::number).containsExactly(1, 2, 3, 4);
        assertThat(lines).extracting(JsonLines.Line::bytes).containsExactly(15L, 1L, 13L, 13L);
    }

    @Test
    void aByteOrderMarkIsTakenOffTheFirstLineOnly() throws IOException {
        List<JsonLines.Line> lines = read(bytes("a\n\uFEFFb\n"), JsonLines.MAX_LINE);

        assertThat(lines).extracting(JsonLines.Line::text).containsExactly("a", "\uFEFFb");
    }

    @Test
    void aByteThatIsNotUtf8SpoilsItsLineAlone() throws IOException {
        ByteArrayOutputStream input = new ByteArrayOutputStream();
        input.write(bytes("first\n"));
        input.write(new byte[] {'a', 'b', (byte) 0xe9, 'c', '\n'});
        input.write(bytes("third\n"));

        List<JsonLines.Line> lines = read(input.toByteArray(), JsonLines.MAX_LINE);

        assertThat(lines).extracting(JsonLines.Line::text).containsExactly("first", null, "third");
        assertThat(lines.get(1).problem()).isEqualTo("not valid UTF-8 at byte 3 of the line; skipped");
    }

    @Test
    void aLineLongerThanTheBoundIsSkippedAndTheNextIsRead() throws IOException {
        List<JsonLines.Line> lines = read(bytes("0123456789abcdef\nshort\n"), 10);

        assertThat(lines).extracting(JsonLines.Line::text).containsExactly(null, "short");
        assertThat(lines.get(0).problem()).isEqualTo("longer than 10 bytes (17); skipped unread");
    }

    @Test
    void anEmptyInputHasNoLines() throws IOException {
        assertThat(read(new byte[0], JsonLines.MAX_LINE)).isEmpty();
    }

    private static List<JsonLines.Line> read(byte[] input, int maxLine) throws IOException {
        List<JsonLines.Line> lines = new ArrayList<>();
        try (JsonLines reader = new JsonLines(new ByteArrayInputStream(input), maxLine)) {
            for (JsonLines.Line line = reader.next(); line != null; line = reader.next()) {
                lines.add(line);
            }
        }
        return lines;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
