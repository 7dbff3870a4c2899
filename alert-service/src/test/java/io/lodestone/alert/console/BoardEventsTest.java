package io.lodestone.alert.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lodestone.service.api.TooManyRequestsException;
import org.junit.jupiter.api.Test;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The board's event streams: a few per client, and all of them ended with the service, so a graceful shutdown never waits on an open board. */
class BoardEventsTest {

    @Test
    void oneClientOpensAFewStreamsAndLeavesTheRestToOthers() {
        BoardEvents events = new BoardEvents();
        for (int i = 0; i < BoardEvents.MAX_STREAMS_PER_CLIENT; i++) {
            events.subscribe("203.0.113.5");
        }

        assertThatThrownBy(() -> events.subscribe("203.0.113.5")).isInstanceOf(TooManyRequestsException.class)
                .hasMessageContaining("At most " + BoardEvents.MAX_STREAMS_PER_CLIENT + " live boards");
        assertThat(events.subscribe("203.0.113.6")).as("another client").isNotNull();
        assertThat(events.openStreams()).isEqualTo(BoardEvents.MAX_STREAMS_PER_CLIENT + 1);
    }

    @Test
    void stoppingTheServiceEndsEveryOpenBoardStream() {
        BoardEvents events = new BoardEvents();
        SseEmitter first = events.subscribe("203.0.113.5");
        SseEmitter second = events.subscribe("203.0.113.6");

        events.closeStreams();

        assertThat(events.openStreams()).isZero();
        assertThatThrownBy(() -> first.send("late")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> second.send("late")).isInstanceOf(IllegalStateException.class);
    }
}
