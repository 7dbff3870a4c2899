package io.lodestone.service.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ClientBucketsTest {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    private final AtomicLong now = new AtomicLong(1_000 * SECOND);

    @Test
    void aClientSpendsItsBurstThenWaitsForWhatItEarns() {
        ClientBuckets buckets = new ClientBuckets(2, 5, 100, now::get);

        for (int i = 0; i < 5; i++) {
            assertThat(buckets.take("a", 1)).isZero();
        }
        assertThat(buckets.take("a", 1)).isCloseTo(SECOND / 2, within(1_000L));

        now.addAndGet(SECOND / 2);
        assertThat(buckets.take("a", 1)).isZero();
        assertThat(buckets.take("a", 1)).isPositive();
    }

    @Test
    void clientsHaveBucketsOfTheirOwn() {
        ClientBuckets buckets = new ClientBuckets(1, 2, 100, now::get);

        buckets.take("a", 2);

        assertThat(buckets.take("a", 1)).isPositive();
        assertThat(buckets.take("b", 1)).isZero();
    }

    @Test
    void aRefusedChargeTakesNothing() {
        ClientBuckets buckets = new ClientBuckets(1, 10, 100, now::get);
        buckets.take("a", 6);

        assertThat(buckets.take("a", 5)).isCloseTo(SECOND, within(1_000L));
        assertThat(buckets.take("a", 4)).isZero();
    }

    @Test
    void aChargeLargerThanTheBurstIsTakenFromAFullBucketAndLeavesADebt() {
        ClientBuckets buckets = new ClientBuckets(10, 100, 100, now::get);

        assertThat(buckets.take("a", 250)).isZero();

        // 150 units of debt and one more to spend: 15.1 s at 10 units a second
        assertThat(buckets.take("a", 1)).isCloseTo(15_100_000_000L, within(1_000L));
        now.addAndGet(16 * SECOND);
        assertThat(buckets.take("a", 1)).isZero();
    }

    @Test
    void atMostMaxClientsAreKeptAndNewcomersShareOneBucketUntilRefilledOnesAreDropped() {
        ClientBuckets buckets = new ClientBuckets(1, 2, 3, now::get);
        for (String client : new String[] {"a", "b", "c"}) {
            buckets.take(client, 2);
        }

        // every kept bucket is in use: two newcomers share the overflow bucket
        assertThat(buckets.take("d", 2)).isZero();
        assertThat(buckets.take("e", 1)).isPositive();
        assertThat(buckets.size()).isEqualTo(3);

        // once the kept buckets have refilled they make room
        now.addAndGet(3 * SECOND);
        assertThat(buckets.take("e", 1)).isZero();
        assertThat(buckets.size()).isEqualTo(1);
    }

    @Test
    void aLimitThatCouldNeverPassIsRefusedAtStart() {
        assertThatThrownBy(() -> new ClientBuckets(0, 10, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ApiProperties.RateLimit(true, 10, 0, 10, 1, 100, null))
                .hasMessageContaining("lodestone.api.rate-limit");
    }
}
