package io.lodestone.service.egress;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/** IP addresses written as text; parsed without any lookup. */
public final class IpLiterals {

    private IpLiterals() {
    }

    /** The address the text spells, or empty when it is a name (or nonsense). */
    public static Optional<InetAddress> parse(String text) {
        String address = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        boolean v4 = address.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        boolean v6 = address.contains(":") && address.matches("[0-9A-Fa-f:.]+");
        if (!v4 && !v6) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(address));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
