package io.lodestone.ingest.dedupe;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;

/**
 * Identities and outlet names as a story keeps them: a name of at most {@value #MAX_BYTES} bytes of
 * UTF-8 as it is, a longer one as its kind and a digest of it ({@code url:sha256:…}, 54 characters).
 * A story keeps up to {@value StoryLinker#MAX_IDENTITIES} identities and {@value StoryLinker#MAX_OUTLETS}
 * outlets, and the caps on an item's URL and ids count characters: a story told by a few hundred
 * items with long Chinese URLs (three bytes a character) grew its changelog record to 949 KB of the
 * broker's 1 MB. Only equality is asked of these names, which a digest keeps. The mapping is
 * idempotent, so a story stored with a long name before reads back with its digest and still knows
 * the same item sent again.
 */
final class StoredNames {

    static final int MAX_BYTES = 200;

    private StoredNames() {
    }

    static List<String> bounded(List<String> names) {
        boolean allShort = true;
        for (String name : names) {
            allShort &= utf8Length(name) <= MAX_BYTES;
        }
        return allShort ? List.copyOf(names) : names.stream().map(StoredNames::bounded).toList();
    }

    static String bounded(String name) {
        if (name == null || utf8Length(name) <= MAX_BYTES) {
            return name;
        }
        int colon = name.indexOf(':');
        String kind = colon > 0 && colon <= 8 ? name.substring(0, colon + 1) : "";
        return kind + "sha256:" + Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(name));
    }

    /** UTF-8 bytes of {@code text}, counted only as far as {@link #MAX_BYTES} + 1. */
    private static int utf8Length(String text) {
        int bytes = 0;
        for (int i = 0; i < text.length() && bytes <= MAX_BYTES; i++) {
            char c = text.charAt(i);
            bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
        }
        return bytes;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
