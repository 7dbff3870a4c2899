package io.lodestone.alert.notify;

import java.net.URI;
import java.util.Locale;

/** Which links from contributing events may be rendered as links: only absolute http(s) URLs. */
public final class Links {

    private Links() {
    }

    public static boolean isSafe(String url) {
        if (url == null || url.isBlank() || url.chars().anyMatch(c -> c <= ' ' || c == '<' || c == '>' || c == '|' || c == '"')) {
            return false;
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }
}
