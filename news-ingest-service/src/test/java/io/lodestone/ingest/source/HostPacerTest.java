package io.lodestone.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Requests to one host are spaced by the interval; other hosts do not wait for it. */
class HostPacerTest {

    /** A clock that advances only when the pacer sleeps, recording each sleep. */
    private static final class FakeTicker implements HostPacer.Ticker {
        long now = 1_000_000_000L;
        final List<Long> sleeps = new ArrayList<>();

        @Override
        public long nanoTime() {
            return now;
        }

        @Override
        public void sleepNanos(long nanos) {
            sleeps.add(nanos);
            now += nanos;
        }
    }

    @Test
    void secondRequestToTheSameHostWaitsTheIntervalAndOtherHostsDoNot() {
        FakeTicker ticker = new FakeTicker();
        HostPacer pacer = new HostPacer(Duration.ofSeconds(2), ticker);

        pacer.pace("www.mofcom.gov.cn");
        pacer.pace("WWW.MOFCOM.GOV.CN");
        pacer.pace("www.miit.gov.cn");

        assertThat(ticker.sleeps).containsExactly(Duration.ofSeconds(2).toNanos());
    }

    @Test
    void aCrawlDelayLongerThanTheIntervalIsHonouredButCapped() {
        FakeTicker ticker = new FakeTicker();
        HostPacer pacer = new HostPacer(Duration.ofSeconds(2), ticker);

        pacer.paceAtLeast("slow.example.org", Duration.ofSeconds(10));
        pacer.pace("slow.example.org");
        pacer.pace("slow.example.org");
        pacer.paceAtLeast("hostile.example.org", Duration.ofDays(1));
        pacer.pace("hostile.example.org");
        pacer.pace("hostile.example.org");

        assertThat(ticker.sleeps).containsExactly(Duration.ofSeconds(10).toNanos(), HostPacer.MAX_CRAWL_DELAY.toNanos());
    }
}
