package io.lodestone.service.egress;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

/**
 * The address space an outbound call must not reach: the IANA IPv4 and IPv6 special-purpose
 * address registries, the multicast ranges, and every IPv6 address outside global unicast
 * ({@code 2000::/3}). Ranges that carry or translate IPv4 inside IPv6 (mapped, compatible, NAT64,
 * 6to4, Teredo) are refused whole, because the host they lead to is decided by a gateway, not
 * by the address the check sees. Where the registry marks a range inside a larger one as globally
 * reachable (a few anycast services in {@code 192.0.0.0/24} and {@code 2001::/23}), the larger
 * range is still refused: no webhook or feed lives there.
 */
final class SpecialPurposeAddresses {

    /** A range and why it is not a public destination. */
    record Range(Cidr cidr, String name) {
    }

    static final List<Range> IPV4 = List.of(
            range("0.0.0.0/8", "\"this network\" (unspecified)"),
            range("10.0.0.0/8", "private-use"),
            range("100.64.0.0/10", "shared address space (carrier-grade NAT)"),
            range("127.0.0.0/8", "loopback"),
            range("169.254.0.0/16", "link-local (cloud metadata)"),
            range("172.16.0.0/12", "private-use"),
            range("192.0.0.0/24", "IETF protocol assignments (DS-Lite, NAT64 discovery, PCP and TURN anycast)"),
            range("192.0.2.0/24", "documentation (TEST-NET-1)"),
            range("192.31.196.0/24", "AS112"),
            range("192.52.193.0/24", "AMT"),
            range("192.88.99.0/24", "6to4 relay anycast (deprecated)"),
            range("192.168.0.0/16", "private-use"),
            range("192.175.48.0/24", "AS112 direct delegation"),
            range("198.18.0.0/15", "benchmarking"),
            range("198.51.100.0/24", "documentation (TEST-NET-2)"),
            range("203.0.113.0/24", "documentation (TEST-NET-3)"),
            range("224.0.0.0/4", "multicast"),
            range("240.0.0.0/4", "reserved for future use"),
            range("255.255.255.255/32", "limited broadcast"));

    static final List<Range> IPV6 = List.of(
            range("::1/128", "loopback"),
            range("::/128", "unspecified"),
            new Range(new Cidr(mappedPrefix(), 96), "IPv4-mapped"),
            range("::/96", "IPv4-compatible (deprecated)"),
            range("64:ff9b::/96", "NAT64 well-known prefix"),
            range("64:ff9b:1::/48", "NAT64 local-use prefix"),
            range("100::/64", "discard-only"),
            range("100:0:0:1::/64", "dummy prefix"),
            range("2001::/32", "Teredo"),
            range("2001:2::/48", "benchmarking"),
            range("2001::/23", "IETF protocol assignments (ORCHID, AMT, AS112, …)"),
            range("2001:db8::/32", "documentation"),
            range("2002::/16", "6to4"),
            range("2620:4f:8000::/48", "AS112 direct delegation"),
            range("3fff::/20", "documentation"),
            range("5f00::/16", "segment routing (SRv6) SIDs"),
            range("fc00::/7", "unique local"),
            range("fe80::/10", "link-local"),
            range("fec0::/10", "site-local (deprecated)"),
            range("ff00::/8", "multicast"));

    /** Everything else outside this is not allocated for global unicast. */
    private static final Cidr GLOBAL_UNICAST_V6 = Cidr.parse("2000::/3");

    private SpecialPurposeAddresses() {
    }

    /** Why the address is not a public destination, or empty when it is one. */
    static Optional<String> classify(InetAddress address) {
        List<Range> ranges = address instanceof Inet6Address ? IPV6 : IPV4;
        for (Range range : ranges) {
            if (range.cidr().contains(address)) {
                return Optional.of(range.name() + " " + range.cidr());
            }
        }
        if (address instanceof Inet6Address && !GLOBAL_UNICAST_V6.contains(address)) {
            return Optional.of("outside IPv6 global unicast 2000::/3");
        }
        return Optional.empty();
    }

    private static Range range(String cidr, String name) {
        return new Range(Cidr.parse(cidr), name);
    }

    /** {@code ::ffff:0:0}: written as bytes because Java turns the text form into an IPv4 address. */
    private static byte[] mappedPrefix() {
        byte[] prefix = new byte[16];
        prefix[10] = (byte) 0xff;
        prefix[11] = (byte) 0xff;
        return prefix;
    }
}
