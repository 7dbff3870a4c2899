package io.lodestone.alert.delivery;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How many sends may go to one receiver at the same time. A receiver that answers slowly (or not at
 * all) then occupies at most this many senders, and every other receiver keeps the rest. A receiver
 * is counted by where it is, not by how its URL names it ({@link #receiverOf}): eight loopback
 * addresses, or a.evil.example and b.evil.example, are one receiver each time.
 */
final class ReceiverLimits {

    private final int perHost;
    private final Map<String, Integer> inFlight = new ConcurrentHashMap<>();

    ReceiverLimits(int perHost) {
        this.perHost = perHost;
    }

    /** Second levels under which a country's names are registered (example.co.uk, example.com.au). */
    private static final Set<String> SECOND_LEVELS = Set.of("co", "com", "net", "org", "gov", "edu", "ac", "or", "ne",
            "go", "gob", "gv", "ltd", "plc");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-f:.]+");
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.\\d{1,3}");

    /**
     * The receiver a host stands for: an IPv4 address's /24, an IPv6 address's /64, a name's
     * registrable domain, roughly (its last two labels, three under a country's common second level
     * such as co.uk or com.au; no public-suffix list, so tenants of one provider's domain, such as
     * *.webhook.office.com, share a receiver's cap).
     */
    static String receiverOf(String host) {
        String lower = host.toLowerCase(Locale.ROOT);
        Matcher ipv4 = IPV4.matcher(lower);
        if (ipv4.matches()) {
            return ipv4.group(1) + "." + ipv4.group(2) + "." + ipv4.group(3) + ".0/24";
        }
        if (lower.indexOf(':') >= 0) {
            return ipv6Prefix(lower.replace("[", "").replace("]", ""));
        }
        String[] labels = lower.split("\\.");
        int keep = labels.length >= 3 && labels[labels.length - 1].length() == 2
                && SECOND_LEVELS.contains(labels[labels.length - 2]) ? 3 : 2;
        return labels.length <= keep ? lower : String.join(".", Arrays.copyOfRange(labels, labels.length - keep, labels.length));
    }

    private static String ipv6Prefix(String literal) {
        if (!IPV6.matcher(literal).matches()) {
            return literal;
        }
        try {
            // a literal: no name is looked up
            byte[] bytes = InetAddress.getByName(literal).getAddress();
            if (bytes.length == 4) {
                // an IPv4-mapped address (::ffff:127.0.0.2) is its IPv4 receiver
                return (bytes[0] & 0xff) + "." + (bytes[1] & 0xff) + "." + (bytes[2] & 0xff) + ".0/24";
            }
            if (bytes.length != 16) {
                return literal;
            }
            StringBuilder prefix = new StringBuilder();
            for (int i = 0; i < 8; i += 2) {
                prefix.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
            }
            return prefix + ":/64";
        } catch (UnknownHostException notAnAddress) {
            return literal;
        }
    }

    /** @return whether a send to the host may start now; if so, {@link #release} it when done */
    boolean tryAcquire(String host) {
        boolean[] acquired = new boolean[1];
        inFlight.compute(host, (key, count) -> {
            int now = count == null ? 0 : count;
            acquired[0] = now < perHost;
            return acquired[0] ? now + 1 : now;
        });
        return acquired[0];
    }

    void release(String host) {
        inFlight.computeIfPresent(host, (key, count) -> count <= 1 ? null : count - 1);
    }
}
