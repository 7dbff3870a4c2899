package io.lodestone.alert.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** At most so many sends to one receiver host at a time; other hosts are not affected. */
class ReceiverLimitsTest {

    private final ReceiverLimits limits = new ReceiverLimits(2);

    @Test
    void aSlowHostGetsAtMostItsShareAndOthersKeepTheirs() {
        assertThat(limits.tryAcquire("slow.example.com")).isTrue();
        assertThat(limits.tryAcquire("slow.example.com")).isTrue();

        assertThat(limits.tryAcquire("slow.example.com")).as("third send to the same host").isFalse();
        assertThat(limits.tryAcquire("hooks.example.org")).as("another host").isTrue();

        limits.release("slow.example.com");
        assertThat(limits.tryAcquire("slow.example.com")).as("after one finished").isTrue();
    }
}
