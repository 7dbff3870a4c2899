package io.lodestone.alert.console;

import io.lodestone.alert.lifecycle.RiskRecorded;
import io.lodestone.service.api.TooManyRequestsException;
import io.lodestone.service.security.ClientNetworks;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The board's live updates: one server-sent event per risk change this instance acted on, named
 * {@code risk-<symbol>}, sent once the change is committed. Streams end after {@link #STREAM_TIMEOUT}
 * (browsers reconnect by themselves) and their number is capped, {@link #MAX_STREAMS} in all and
 * {@link #MAX_STREAMS_PER_CLIENT} per client (its address, an IPv6 client by its /64), so neither
 * idle tabs nor one client opening hundreds of streams can take the board from everyone else. When
 * all places are taken, a client that holds fewer than the most-served client less one still gets
 * one: that client's oldest stream is ended to make room (its browser reconnects, and is then the
 * newcomer). So a few dozen addresses, eight streams each, cannot keep everyone else out; only as
 * many clients as there are places, one stream each, fill the board.
 * A stream opens with a comment, so the browser has its headers at once, and every
 * {@link #HEARTBEAT} ({@code lodestone.console.board-heartbeat}) each stream gets another: a viewer
 * that went away is found by the failed write and its place freed within that time, not only at
 * the next risk change.
 * With several replicas each one tells its own viewers about the partitions it reads; a viewer
 * sees the rest on the next reload.
 */
@Component
class BoardEvents {

    static final Duration STREAM_TIMEOUT = Duration.ofMinutes(10);
    static final int MAX_STREAMS = 500;
    static final int MAX_STREAMS_PER_CLIENT = 8;
    static final Duration HEARTBEAT = Duration.ofSeconds(15);

    private static final Logger log = LoggerFactory.getLogger(BoardEvents.class);

    /** Each open stream, with the client it was opened by and when (in the order streams opened). */
    private final Map<SseEmitter, Opened> streams = new ConcurrentHashMap<>();
    private long opened;

    private record Opened(String client, long order) {
    }

    /**
     * @param client who opens it, as the rate limit counts clients ({@link ClientNetworks#of})
     * @throws TooManyRequestsException when the client has {@link #MAX_STREAMS_PER_CLIENT} open already
     * @throws ResponseStatusException 503 when {@link #MAX_STREAMS} are open
     */
    SseEmitter subscribe(String client) {
        SseEmitter stream = new SseEmitter(STREAM_TIMEOUT.toMillis());
        SseEmitter evicted = null;
        String evictedClient = null;
        synchronized (streams) {
            Map<String, Integer> held = new HashMap<>();
            streams.values().forEach(open -> held.merge(open.client(), 1, Integer::sum));
            int own = held.getOrDefault(client, 0);
            if (own >= MAX_STREAMS_PER_CLIENT) {
                throw new TooManyRequestsException("At most " + MAX_STREAMS_PER_CLIENT
                        + " live boards are open per client; close one, or reload a board to see the latest",
                        HEARTBEAT);
            }
            if (streams.size() >= MAX_STREAMS) {
                evicted = oldestOfTheMostServed(held, own);
                if (evicted == null) {
                    throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "Too many open boards");
                }
                evictedClient = streams.remove(evicted).client();
            }
            streams.put(stream, new Opened(client, opened++));
        }
        if (evicted != null) {
            log.debug("A board stream of {} ended to make room for {}", evictedClient, client);
            evicted.complete();
        }
        stream.onCompletion(() -> streams.remove(stream));
        stream.onTimeout(() -> streams.remove(stream));
        stream.onError(failure -> streams.remove(stream));
        send(stream, SseEmitter.event().comment("open"));
        return stream;
    }

    /**
     * The oldest stream of the client holding the most, when that client holds at least two more
     * than the one asking ({@code own}); null when every client holds about the same, and the board
     * is simply full.
     */
    private SseEmitter oldestOfTheMostServed(Map<String, Integer> held, int own) {
        String most = null;
        for (Map.Entry<String, Integer> entry : held.entrySet()) {
            if (most == null || entry.getValue() > held.get(most)) {
                most = entry.getKey();
            }
        }
        if (most == null || held.get(most) < own + 2) {
            return null;
        }
        SseEmitter oldest = null;
        long order = Long.MAX_VALUE;
        for (Map.Entry<SseEmitter, Opened> entry : streams.entrySet()) {
            if (entry.getValue().client().equals(most) && entry.getValue().order() < order) {
                oldest = entry.getKey();
                order = entry.getValue().order();
            }
        }
        return oldest;
    }

    /** A comment on every stream: a viewer that went away is found by the failed write. */
    @Scheduled(fixedDelayString = "${lodestone.console.board-heartbeat:PT15S}")
    void heartbeat() {
        for (SseEmitter stream : streams.keySet()) {
            send(stream, SseEmitter.event().comment("alive"));
        }
    }

    private void send(SseEmitter stream, SseEmitter.SseEventBuilder event) {
        try {
            stream.send(event);
        } catch (IOException | IllegalStateException gone) {
            log.debug("A board stream closed: {}", gone.toString());
            streams.remove(stream);
        }
    }

    /**
     * Ends every open stream when the service stops, so a graceful shutdown does not wait for boards
     * that would otherwise stay connected until their timeout; browsers reconnect to another replica.
     */
    @EventListener(ContextClosedEvent.class)
    void closeStreams() {
        streams.keySet().forEach(SseEmitter::complete);
        streams.clear();
    }

    /** How many boards are listening now. */
    int openStreams() {
        return streams.size();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void onRiskRecorded(RiskRecorded recorded) {
        String symbol = recorded.risk().element();
        for (SseEmitter stream : streams.keySet()) {
            send(stream, SseEmitter.event().name("risk-" + symbol).data(symbol));
        }
    }
}
