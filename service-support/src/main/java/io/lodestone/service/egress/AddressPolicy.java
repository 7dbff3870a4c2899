package io.lodestone.service.egress;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Which IP addresses an outbound call may reach: public unicast addresses only, unless an
 * operator lists a range as allowed (for a local run, {@code 127.0.0.0/8}). Loopback is refused
 * like any other special-purpose range until it is listed. One refused address refuses the whole
 * answer, so a host cannot mix a public and a private address to get through.
 */
public final class AddressPolicy {

    private final List<Cidr> allowed;

    private AddressPolicy(List<Cidr> allowed) {
        this.allowed = List.copyOf(allowed);
    }

    /** Public addresses only. */
    public static AddressPolicy publicOnly() {
        return new AddressPolicy(List.of());
    }

    /**
     * Every address: only for a destination an operator configured by hand (a feed's own URL),
     * never for one that came from outside, such as where that feed redirects to.
     */
    public static AddressPolicy anyAddress() {
        return allowing(List.of("0.0.0.0/0", "::/0"));
    }

    /**
     * Public addresses plus the listed ranges.
     *
     * @param allowedCidrs ranges such as {@code 127.0.0.0/8}; blank entries are ignored
     * @throws IllegalArgumentException naming the first entry that is not a CIDR range
     */
    public static AddressPolicy allowing(List<String> allowedCidrs) {
        return new AddressPolicy(allowedCidrs.stream().filter(text -> !text.isBlank()).map(Cidr::parse).toList());
    }

    /** Why the address may not be reached, or empty when it may. */
    public Optional<String> refusal(InetAddress address) {
        if (allowed.stream().anyMatch(cidr -> cidr.contains(address))) {
            return Optional.empty();
        }
        return SpecialPurposeAddresses.classify(address)
                .map(range -> address.getHostAddress() + " is " + range + ", which the egress allow-list does not allow");
    }

    /** Why any of the addresses may not be reached, or empty when all may. */
    public Optional<String> refusal(InetAddress... addresses) {
        if (addresses.length == 0) {
            return Optional.of("no address");
        }
        return Arrays.stream(addresses).map(this::refusal).flatMap(Optional::stream).findFirst();
    }

    @Override
    public String toString() {
        return "AddressPolicy[public unicast + " + allowed + "]";
    }
}
