package io.lodestone.ingest.extract;

import io.lodestone.ingest.item.NewsItem;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Stable identities for items. An item's event id is derived from its canonical URL when it has
 * one, so the same article reached through two feeds, or with tracking parameters, is one event;
 * otherwise from its source and id. Same input, same id, on every machine and every run.
 */
public final class EventIds {

    private static final Set<String> TRACKING_PARAMETERS = Set.of("fbclid", "gclid", "dclid", "msclkid", "yclid",
            "mc_cid", "mc_eid", "igshid", "ref", "ref_src", "ref_url", "cmpid", "cmp", "ocid", "taid", "smid", "smtyp",
            "spm", "share", "guccounter", "guce_referrer", "guce_referrer_sig", "_ga", "_gl", "mkt_tok",
            "at_medium", "at_campaign", "s_cid", "ito");

    private EventIds() {
    }

    /** The event id of an item: {@code evt-} and 24 hex digits of a SHA-256. */
    public static String eventId(NewsItem item) {
        String canonical = canonicalUrl(item.url());
        String key;
        if (canonical != null) {
            key = "url:" + canonical;
        } else if (item.id() != null) {
            key = "id:" + item.sourceId() + "|" + item.id();
        } else {
            key = "content:" + item.title() + "|" + item.text();
        }
        return "evt-" + HexFormat.of().formatHex(sha256(key), 0, 12);
    }

    /**
     * A second id under an item's own: for an item whose URL another story already holds although
     * it is not that story (see the story linker), derived from both so replicas and replays agree.
     */
    public static String distinct(String eventId, String itemId) {
        return "evt-" + HexFormat.of().formatHex(sha256("distinct:" + eventId + "|" + itemId), 0, 12);
    }

    /**
     * The URL that identifies an article: scheme and host lower-cased, {@code http} taken as
     * {@code https}, a leading {@code www.} and a default port dropped, the fragment dropped,
     * tracking parameters ({@code utm_*}, {@code fbclid} …) dropped and the rest sorted, and no
     * trailing slash. Null for a blank URL; the trimmed text for one that does not parse.
     */
    public static String canonicalUrl(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        String trimmed = url.strip();
        try {
            URI uri = new URI(trimmed);
            if (uri.getScheme() == null || uri.getRawAuthority() == null) {
                return trimmed;
            }
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            if (scheme.equals("http")) {
                scheme = "https";
            }
            String host = uri.getHost() == null ? uri.getRawAuthority() : uri.getHost();
            host = host.toLowerCase(Locale.ROOT);
            if (host.startsWith("www.")) {
                host = host.substring(4);
            }
            int port = uri.getPort();
            String portPart = port == -1 || port == 80 || port == 443 ? "" : ":" + port;
            String path = uri.getRawPath() == null ? "" : uri.getRawPath();
            while (path.endsWith("/")) {
                path = path.substring(0, path.length() - 1);
            }
            String query = canonicalQuery(uri.getRawQuery());
            return scheme + "://" + host + portPart + path + (query.isEmpty() ? "" : "?" + query);
        } catch (URISyntaxException e) {
            return trimmed;
        }
    }

    private static String canonicalQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        List<String> kept = new ArrayList<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            String name = pair.split("=", 2)[0].toLowerCase(Locale.ROOT);
            if (!name.startsWith("utm_") && !TRACKING_PARAMETERS.contains(name)) {
                kept.add(pair);
            }
        }
        kept.sort(null);
        return String.join("&", kept);
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
