package io.lodestone.service.security;

import io.lodestone.service.egress.IpLiterals;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The unit a client without a token is counted by, by the rate limit and by anything else that
 * shares a resource out per client (the console's live boards): the address itself for IPv4, its
 * /64 network for IPv6, since one host commonly holds a whole /64 and could otherwise count as
 * billions of clients.
 */
public final class ClientNetworks {

    private ClientNetworks() {
    }

    /** The client's key for {@code address}, a remote address as the servlet container gives it; the text as given when it is no address. */
    public static String of(String address) {
        if (address == null || address.indexOf(':') < 0) {
            return String.valueOf(address);
        }
        return IpLiterals.parse(address)
                .filter(parsed -> parsed.getAddress().length == 16)
                .map(parsed -> HexFormat.of().formatHex(Arrays.copyOf(parsed.getAddress(), 8)) + "::/64")
                .orElse(address);
    }
}
