package io.lodestone.service.egress;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * An address range in CIDR notation, IPv4 or IPv6. Only literal addresses are accepted, so
 * parsing never touches DNS.
 */
public record Cidr(byte[] network, int prefixLength) {

    public Cidr {
        network = network.clone();
    }

    /** @throws IllegalArgumentException when the text is not {@code address/prefix} with a literal address */
    public static Cidr parse(String text) {
        String[] parts = text.trim().split("/", 2);
        byte[] network = literal(parts[0].trim(), text);
        int prefix;
        try {
            prefix = parts.length == 2 ? Integer.parseInt(parts[1].trim()) : network.length * 8;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a CIDR range: " + text);
        }
        if (prefix < 0 || prefix > network.length * 8) {
            throw new IllegalArgumentException("bad prefix length in " + text);
        }
        return new Cidr(network, prefix);
    }

    public boolean contains(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length != network.length) {
            return false;
        }
        int full = prefixLength / 8;
        for (int i = 0; i < full; i++) {
            if (bytes[i] != network[i]) {
                return false;
            }
        }
        int rest = prefixLength % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xff << (8 - rest)) & 0xff;
        return (bytes[full] & mask) == (network[full] & mask);
    }

    @Override
    public byte[] network() {
        return network.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Cidr cidr && prefixLength == cidr.prefixLength && Arrays.equals(network, cidr.network);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(network) + prefixLength;
    }

    @Override
    public String toString() {
        try {
            return InetAddress.getByAddress(network).getHostAddress() + "/" + prefixLength;
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] literal(String address, String text) {
        return IpLiterals.parse(address).map(InetAddress::getAddress)
                .orElseThrow(() -> new IllegalArgumentException("not a CIDR range: " + text));
    }
}
