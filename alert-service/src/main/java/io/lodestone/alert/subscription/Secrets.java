package io.lodestone.alert.subscription;

import java.net.URI;

/** How credentials look wherever a person can see them: API responses and logs. */
public final class Secrets {

    private static final String HIDDEN = "…";

    private Secrets() {
    }

    /** Scheme, host and port only, plus the last four characters so people can tell URLs apart. */
    public static String maskUrl(String url) {
        if (url == null) {
            return null;
        }
        try {
            URI uri = URI.create(url);
            String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
            return uri.getScheme() + "://" + uri.getHost() + port + "/" + HIDDEN + lastFour(url);
        } catch (IllegalArgumentException e) {
            return HIDDEN;
        }
    }

    public static String maskSecret(String secret) {
        if (secret == null) {
            return null;
        }
        return secret.startsWith("whsec_") ? "whsec_" + HIDDEN : HIDDEN;
    }

    private static String lastFour(String text) {
        return text.length() <= 24 ? "" : text.substring(text.length() - 4);
    }
}
