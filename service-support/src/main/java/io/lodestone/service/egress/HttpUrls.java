package io.lodestone.service.egress;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** The URLs an outbound HTTP call accepts: absolute http(s), with a host, no user info and a port a socket can use. */
public final class HttpUrls {

    /**
     * Longest URL taken, in characters: far above any webhook, Slack or feed address, and small
     * enough that a subscription or a redirect cannot carry megabytes into every read of it.
     */
    public static final int MAX_LENGTH = 2_048;

    private HttpUrls() {
    }

    /** @throws IllegalArgumentException saying what is wrong, without repeating the URL (it may be a credential) */
    public static URI parse(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("must be an absolute http(s) URL");
        }
        if (url.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("must be at most " + MAX_LENGTH + " characters, was " + url.length());
        }
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new IllegalArgumentException("must be an absolute http(s) URL");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("must name a host and carry no user info");
        }
        // URI takes any number as a port; a socket takes 1 to 65535 (-1: the scheme's own)
        if (uri.getPort() == 0 || uri.getPort() > 65_535) {
            throw new IllegalArgumentException("must have a port from 1 to 65535");
        }
        return uri;
    }
}
