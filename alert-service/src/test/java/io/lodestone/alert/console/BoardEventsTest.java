package io.lodestone.alert.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lodestone.service.api.TooManyRequestsException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.web.server.ResponseStatusException;
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
    void aNewClientGetsAPlaceWhenAFewClientsHoldThemAll() {
        // Given the places all taken, eight at a time, by clients of one owner's address range
        BoardEvents events = new BoardEvents();
        List<SseEmitter> firstOfEach = new ArrayList<>();
        int clients = BoardEvents.MAX_STREAMS / BoardEvents.MAX_STREAMS_PER_CLIENT;
        for (int c = 0; c < clients; c++) {
            for (int i = 0; i < BoardEvents.MAX_STREAMS_PER_CLIENT; i++) {
                SseEmitter stream = events.subscribe("198.51.100." + c);
                if (i == 0) {
                    firstOfEach.add(stream);
                }
            }
        }
        for (int i = 0; events.openStreams() < BoardEvents.MAX_STREAMS; i++) {
            events.subscribe("198.51.101." + i);
        }

        // When a client with no board open asks for one
        SseEmitter newcomer = events.subscribe("203.0.113.9");

        // Then it is served, and the oldest stream of a client holding the most gave up its place
        assertThat(newcomer).isNotNull();
        assertThat(events.openStreams()).isEqualTo(BoardEvents.MAX_STREAMS);
        assertThat(firstOfEach.stream().filter(BoardEventsTest::ended)).hasSize(1);
    }

    @Test
    void whenEveryClientHoldsOneTheBoardIsFull() {
        BoardEvents events = new BoardEvents();
        for (int i = 0; i < BoardEvents.MAX_STREAMS; i++) {
            events.subscribe("client-" + i);
        }

        assertThatThrownBy(() -> events.subscribe("203.0.113.9")).isInstanceOf(ResponseStatusException.class)
                .hasMessageContaining("Too many open boards");
        assertThat(events.openStreams()).isEqualTo(BoardEvents.MAX_STREAMS);
    }

    private static boolean ended(SseEmitter stream) {
        try {
            stream.send("probe");
            return false;
        } catch (IllegalStateException | java.io.IOException completed) {
            return true;
        }
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
