package io.lodestone.alert.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The board's event streams end with the service, so a graceful shutdown never waits on an open board. */
class BoardEventsTest {

    @Test
    void stoppingTheServiceEndsEveryOpenBoardStream() {
        BoardEvents events = new BoardEvents();
        SseEmitter first = events.subscribe();
        SseEmitter second = events.subscribe();

        events.closeStreams();

        assertThat(events.openStreams()).isZero();
        assertThatThrownBy(() -> first.send("late")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> second.send("late")).isInstanceOf(IllegalStateException.class);
    }
}
