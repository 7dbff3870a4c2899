package io.lodestone.service.egress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The address policy's decision per address: a table, one row per range. Nothing connects. */
class AddressPolicyTest {

    private final AddressPolicy publicOnly = AddressPolicy.publicOnly();

    @ParameterizedTest(name = "{0} is refused as {1}")
    @CsvSource(delimiter = '|', textBlock = """
            0.0.0.0           | unspecified
            0.1.2.3           | this network
            10.0.0.1          | private-use
            100.64.0.1        | carrier-grade NAT
            100.100.100.200   | carrier-grade NAT
            127.0.0.1         | loopback
            127.255.255.254   | loopback
            169.254.169.254   | link-local
            172.16.0.1        | private-use
            172.31.255.255    | private-use
            192.0.0.8         | IETF protocol assignments
            192.0.0.170       | IETF protocol assignments
            192.0.2.1         | documentation
            192.31.196.1      | AS112
            192.52.193.1      | AMT
            192.88.99.1       | 6to4 relay
            192.168.1.1       | private-use
            192.175.48.1      | AS112
            198.18.0.1        | benchmarking
            198.19.255.255    | benchmarking
            198.51.100.7      | documentation
            203.0.113.9       | documentation
            224.0.0.1         | multicast
            239.255.255.250   | multicast
            240.0.0.1         | reserved
            255.255.255.255   | reserved
            ::                | unspecified
            ::1               | loopback
            ::a00:1           | IPv4-compatible
            64:ff9b::a00:1    | NAT64 well-known
            64:ff9b::808:808  | NAT64 well-known
            64:ff9b:1::1      | NAT64 local-use
            100::1            | discard-only
            100:0:0:1::1      | dummy prefix
            2001::1           | Teredo
            2001:0:4136:e378:8000:63bf:3fff:fdd2 | Teredo
            2001:2::1         | benchmarking
            2001:20::1        | IETF protocol assignments
            2001:db8::1       | documentation
            2002:a00:1::1     | 6to4
            2002:808:808::1   | 6to4
            2620:4f:8000::1   | AS112
            3fff::1           | documentation
            5f00::1           | segment routing
            fc00::1           | unique local
            fd00:ec2::254     | unique local
            fe80::1           | link-local
            fec0::1           | site-local
            ff02::1           | multicast
            4000::1           | outside IPv6 global unicast
            """)
    void refusesSpecialPurposeAddresses(String address, String reason) throws Exception {
        assertThat(publicOnly.refusal(InetAddress.getByName(address))).get().asString().contains(reason);
    }

    @ParameterizedTest(name = "{0} is public")
    @CsvSource(textBlock = """
            8.8.8.8
            93.184.216.34
            1.1.1.1
            100.63.255.255
            100.128.0.0
            172.32.0.1
            192.0.1.1
            198.20.0.1
            223.255.255.255
            2606:4700:4700::1111
            2a00:1450:4001:80b::200e
            2001:4860:4860::8888
            """)
    void permitsPublicAddresses(String address) throws Exception {
        assertThat(publicOnly.refusal(InetAddress.getByName(address))).isEmpty();
    }

    @ParameterizedTest(name = "IPv4-mapped {0} is refused even when built as an IPv6 address")
    @CsvSource({"10.0.0.1", "8.8.8.8"})
    void refusesIpv4MappedAddressesHandedOverAsIpv6(String ipv4) throws Exception {
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        System.arraycopy(InetAddress.getByName(ipv4).getAddress(), 0, mapped, 12, 4);

        assertThat(publicOnly.refusal(Inet6Address.getByAddress(null, mapped, null))).get().asString()
                .contains("IPv4-mapped");
    }

    @ParameterizedTest(name = "allowed {0}: {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            127.0.0.0/8    | 127.0.0.1 | true
            127.0.0.0/8    | 10.0.0.1  | false
            127.0.0.1/32   | 127.0.0.2 | false
            10.1.0.0/16    | 10.1.2.3  | true
            ::1/128        | ::1       | true
            ::1/128        | 127.0.0.1 | false
            """)
    void allowListOpensOnlyTheListedRange(String allowed, String address, boolean permitted) throws Exception {
        assertThat(AddressPolicy.allowing(List.of(allowed)).refusal(InetAddress.getByName(address)).isEmpty())
                .isEqualTo(permitted);
    }

    @ParameterizedTest
    @CsvSource({"localhost/8", "10.0.0.0/33", "example.com", "10.0.0.0/x"})
    void allowListEntriesMustBeLiteralRanges(String entry) {
        assertThatThrownBy(() -> AddressPolicy.allowing(List.of(entry))).isInstanceOf(IllegalArgumentException.class);
    }

    @org.junit.jupiter.api.Test
    void oneRefusedAddressRefusesTheWholeAnswer() throws Exception {
        assertThat(publicOnly.refusal(InetAddress.getByName("8.8.8.8"), InetAddress.getByName("10.0.0.1")))
                .get().asString().contains("10.0.0.1");
    }
}
