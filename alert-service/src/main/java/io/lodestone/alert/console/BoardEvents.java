package io.lodestone.alert.console;

import io.lodestone.alert.lifecycle.RiskRecorded;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The board's live updates: one server-sent event per risk change this instance acted on, named
 * {@code risk-<symbol>}, sent once the change is committed. Streams end after {@link #STREAM_TIMEOUT}
 * (browsers reconnect by themselves) and their number is capped, so idle tabs cannot pile up.
 * With several replicas each one tells its own viewers about the partitions it reads; a viewer
 * sees the rest on the next reload.
 */
@Component
class BoardEvents {

    static final Duration STREAM_TIMEOUT = Duration.ofMinutes(10);
    static final int MAX_STREAMS = 500;

    private static final Logger log = LoggerFactory.getLogger(BoardEvents.class);

    private final List<SseEmitter> streams = new CopyOnWriteArrayList<>();

    SseEmitter subscribe() {
        if (streams.size() >= MAX_STREAMS) {
            throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "Too many open boards");
        }
        SseEmitter stream = new SseEmitter(STREAM_TIMEOUT.toMillis());
        streams.add(stream);
        stream.onCompletion(() -> streams.remove(stream));
        stream.onTimeout(() -> streams.remove(stream));
        stream.onError(failure -> streams.remove(stream));
        return stream;
    }

    /**
     * Ends every open stream when the service stops, so a graceful shutdown does not wait for boards
     * that would otherwise stay connected until their timeout; browsers reconnect to another replica.
     */
    @EventListener(ContextClosedEvent.class)
    void closeStreams() {
        streams.forEach(SseEmitter::complete);
        streams.clear();
    }

    /** How many boards are listening now. */
    int openStreams() {
        return streams.size();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void onRiskRecorded(RiskRecorded recorded) {
        String symbol = recorded.risk().element();
        for (SseEmitter stream : streams) {
            try {
                stream.send(SseEmitter.event().name("risk-" + symbol).data(symbol));
            } catch (IOException | IllegalStateException gone) {
                log.debug("A board stream closed: {}", gone.toString());
                streams.remove(stream);
            }
        }
    }
}
