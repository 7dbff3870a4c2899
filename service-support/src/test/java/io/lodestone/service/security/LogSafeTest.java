package io.lodestone.service.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Caller-supplied text cannot start a new log line or hide control characters in one. */
class LogSafeTest {

    static Stream<Arguments> inputs() {
        return Stream.of(
                Arguments.of("plain source id", "reuters.com", "reuters.com"),
                Arguments.of("CR LF forging a line", "push\r\nINFO forged line", "push\\r\\nINFO forged line"),
                Arguments.of("tab and terminal escape", "a\tb\u001b[31m", "a\\u0009b\\u001b[31m"),
                Arguments.of("unicode line separator", "a\u2028b", "a\\u2028b"),
                Arguments.of("backslash doubled, so an escape cannot be faked", "a\\nb", "a\\\\nb"),
                Arguments.of("null", null, "null"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inputs")
    void escapesEveryControlCharacter(String name, String input, String logged) {
        String safe = LogSafe.escape(input);

        assertThat(safe).isEqualTo(logged).doesNotContain("\r").doesNotContain("\n");
        assertThat(safe.chars()).noneMatch(Character::isISOControl);
    }

    @ParameterizedTest(name = "length {0}")
    @CsvSource({"300, 300", "301, 301", "5000, 301"})
    void cutsVeryLongValues(int length, int loggedLength) {
        assertThat(LogSafe.escape("x".repeat(length))).hasSize(loggedLength);
    }
}
