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

    @Test
    void aReceiverIsCountedByItsNetworkOrDomainNotByTheNameItsUrlUses() {
        assertThat(ReceiverLimits.receiverOf("127.0.0.2")).isEqualTo(ReceiverLimits.receiverOf("127.0.0.9"))
                .isEqualTo("127.0.0.0/24");
        assertThat(ReceiverLimits.receiverOf("[2001:db8:1:2::5]")).isEqualTo(ReceiverLimits.receiverOf("2001:db8:1:2::99"))
                .isEqualTo("2001:db8:1:2::/64");
        assertThat(ReceiverLimits.receiverOf("a.hooks.example.com")).isEqualTo(ReceiverLimits.receiverOf("B.example.com"))
                .isEqualTo("example.com");
        assertThat(ReceiverLimits.receiverOf("x.y.example.co.uk")).isEqualTo("example.co.uk");
        assertThat(ReceiverLimits.receiverOf("10.0.1.7")).isNotEqualTo(ReceiverLimits.receiverOf("10.0.2.7"));
        assertThat(ReceiverLimits.receiverOf("localhost")).isEqualTo("localhost");
        // the same loopback receiver under other names
        assertThat(ReceiverLimits.receiverOf("[::ffff:127.0.0.2]")).isEqualTo("127.0.0.0/24");
        assertThat(ReceiverLimits.receiverOf("127.0.0.2.nip.io")).isEqualTo(ReceiverLimits.receiverOf("127.0.0.3.nip.io"))
                .isEqualTo("nip.io");
    }
}
