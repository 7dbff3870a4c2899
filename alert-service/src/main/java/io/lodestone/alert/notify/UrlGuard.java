package io.lodestone.alert.notify;

import io.lodestone.alert.AlertProperties;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Keeps Slack and webhook deliveries from reaching inside the network (SSRF): a URL must be
 * http(s) and every address its host resolves to must be public, unless a configured CIDR range
 * allows it. Checked when a subscription is saved and again before every send, because DNS
 * answers change.
 */
@Component
public class UrlGuard {

    /** Ranges that are never public, beyond what {@link InetAddress} classifies itself. */
    private static final List<Cidr> NON_PUBLIC = List.of(
            Cidr.parse("0.0.0.0/8"),
            Cidr.parse("100.64.0.0/10"),   // carrier-grade NAT; also Alibaba's metadata address
            Cidr.parse("192.0.0.0/24"),
            Cidr.parse("198.18.0.0/15"),
            Cidr.parse("240.0.0.0/4"),
            Cidr.parse("fc00::/7"));        // unique local, including AWS's fd00:ec2::254

    private final List<Cidr> allowed;

    @Autowired
    public UrlGuard(AlertProperties properties) {
        this(properties.egress().allowedCidrs());
    }

    UrlGuard(List<String> allowedCidrs) {
        this.allowed = allowedCidrs.stream().map(Cidr::parse).toList();
    }

    /**
     * What is wrong with the URL as a delivery target, or empty when it may be used. A host
     * that does not resolve now is accepted here and checked again at send time.
     */
    public Optional<String> problem(String url) {
        URI uri;
        try {
            uri = parse(url);
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
        try {
            return refusedAddress(InetAddress.getAllByName(uri.getHost()));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /**
     * The URI if it may be called now.
     *
     * @throws RefusedDestinationException when it is malformed or resolves to a refused address
     * @throws UnresolvedHostException when its host does not resolve now, which may pass
     */
    public URI check(String url) {
        URI uri = parse(url);
        try {
            refusedAddress(InetAddress.getAllByName(uri.getHost())).ifPresent(problem -> {
                throw new RefusedDestinationException(problem);
            });
        } catch (UnknownHostException e) {
            throw new UnresolvedHostException("host " + uri.getHost() + " does not resolve");
        }
        return uri;
    }

    Optional<String> refusedAddress(InetAddress[] addresses) {
        for (InetAddress address : addresses) {
            if (!isPublic(address) && allowed.stream().noneMatch(cidr -> cidr.contains(address))) {
                return Optional.of("resolves to the non-public address " + address.getHostAddress()
                        + ", which lodestone.alert.egress.allowed-cidrs does not allow");
            }
        }
        return Optional.empty();
    }

    static boolean isPublic(InetAddress address) {
        if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        if (address instanceof Inet6Address v6 && v6.getAddress()[0] == 0 && isEmbeddedV4(v6.getAddress())) {
            return false;
        }
        return NON_PUBLIC.stream().noneMatch(cidr -> cidr.contains(address));
    }

    /** IPv4-compatible IPv6 addresses (::a.b.c.d), which some stacks route to the IPv4 host. */
    private static boolean isEmbeddedV4(byte[] bytes) {
        for (int i = 0; i < 12; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static URI parse(String url) {
        if (url == null || url.isBlank()) {
            throw new RefusedDestinationException("must be an absolute http(s) URL");
        }
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw new RefusedDestinationException("is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new RefusedDestinationException("must be an absolute http(s) URL");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null) {
            throw new RefusedDestinationException("must name a host and carry no user info");
        }
        return uri;
    }

    /** A URL that must not be called. */
    public static class RefusedDestinationException extends IllegalArgumentException {
        RefusedDestinationException(String message) {
            super(message);
        }
    }

    /** A host that does not resolve: DNS may be down, so this is worth trying again. */
    public static class UnresolvedHostException extends IllegalStateException {
        UnresolvedHostException(String message) {
            super(message);
        }
    }

    /** An address range in CIDR notation, IPv4 or IPv6. */
    record Cidr(byte[] network, int prefixLength) {

        static Cidr parse(String text) {
            String[] parts = text.trim().split("/", 2);
            try {
                byte[] network = InetAddress.getByName(parts[0]).getAddress();
                int prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : network.length * 8;
                if (prefix < 0 || prefix > network.length * 8) {
                    throw new IllegalArgumentException("bad prefix length in " + text);
                }
                return new Cidr(network, prefix);
            } catch (UnknownHostException | NumberFormatException e) {
                throw new IllegalArgumentException("not a CIDR range: " + text, e);
            }
        }

        boolean contains(InetAddress address) {
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
    }
}
