package io.lodestone.service.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.security.web.firewall.FirewalledRequest;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * Spring Security's {@link StrictHttpFirewall} with its defaults (no {@code ;}, no encoded
 * {@code /}, {@code %}, {@code .} or backslash, no {@code //}, {@code .} or {@code ..} segments),
 * and two rules more: a path may not percent-encode a letter, digit or {@code -._~}. Those never
 * need encoding, so {@code /%61pi/} is a disguise of {@code /api/}, and is refused as one. And a
 * parameter value (query or form) may hold no control character but tab, CR and LF: nobody types
 * one, and some cannot be stored at all ({@code U+0000} in PostgreSQL text), so a value such as
 * {@code ?element=D%00y} is refused here instead of failing deep inside a service.
 */
final class CanonicalPathFirewall extends StrictHttpFirewall {

    private static final Pattern ESCAPE = Pattern.compile("%([0-9A-Fa-f]{2})");

    CanonicalPathFirewall() {
        setAllowedParameterValues(CanonicalPathFirewall::isPrintable);
    }

    /** No control character but the ones a text area may send. */
    static boolean isPrintable(String value) {
        return value.chars().noneMatch(c -> Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r');
    }

    @Override
    public FirewalledRequest getFirewalledRequest(HttpServletRequest request) {
        FirewalledRequest checked = super.getFirewalledRequest(request);
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

    /** RFC 3986 unreserved characters. */
    private static boolean isUnreserved(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~';
    }
}
