package io.lodestone.service.security;

import io.lodestone.service.api.ControlCharacters;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.security.web.firewall.FirewalledRequest;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.web.util.UriUtils;

/**
 * Spring Security's {@link StrictHttpFirewall} with its defaults (no {@code ;}, no encoded
 * {@code /}, {@code %}, {@code .} or backslash, no {@code //}, {@code .} or {@code ..} segments),
 * and two rules more: a path may not percent-encode a letter, digit or {@code -._~}. Those never
 * need encoding, so {@code /%61pi/} is a disguise of {@code /api/}, and is refused as one. A path
 * may not encode a control character either ({@code %1B}, {@code %7F}, {@code %C2%85}): no resource
 * has one in its name (Tomcat itself refuses {@code %00} before this sees it). And a
 * parameter value (query or form) may hold no control character but tab, CR and LF: nobody types
 * one, and some cannot be stored at all ({@code U+0000} in PostgreSQL text), so a value such as
 * {@code ?element=D%00y} is refused here instead of failing deep inside a service.
 */
final class CanonicalPathFirewall extends StrictHttpFirewall {

    private static final Pattern ESCAPE = Pattern.compile("%([0-9A-Fa-f]{2})");

    CanonicalPathFirewall() {
        setAllowedParameterValues(ControlCharacters::fitText);
    }

    @Override
    public FirewalledRequest getFirewalledRequest(HttpServletRequest request) {
        FirewalledRequest checked = super.getFirewalledRequest(request);
        if (!ControlCharacters.fitOneLine(decoded(request.getRequestURI()))) {
            throw new RequestRejectedException("The request was rejected because the URL encodes a control character.");
        }
        Matcher escape = ESCAPE.matcher(request.getRequestURI());
        while (escape.find()) {
            char decoded = (char) Integer.parseInt(escape.group(1), 16);
            if (isUnreserved(decoded)) {
                throw new RequestRejectedException("The request was rejected because the URL encodes the character '"
                        + decoded + "', which never needs encoding.");
            }
        }
        return checked;
    }

    /** The path as text; a broken escape (which Tomcat refuses first) counts as a control character. */
    private static String decoded(String path) {
        try {
            return UriUtils.decode(path, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException brokenEscape) {
            return "\0";
        }
    }

    /** RFC 3986 unreserved characters. */
    private static boolean isUnreserved(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~';
    }
}
