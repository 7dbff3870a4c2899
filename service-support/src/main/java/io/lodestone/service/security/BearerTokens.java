package io.lodestone.service.security;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.authentication.AuthenticationConverter;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;

/**
 * Reads {@code Authorization: Bearer <token>} (the scheme in any case, RFC 6750) and accepts a
 * token only if it is one of the configured ones. Tokens are compared as SHA-256 digests with
 * {@link MessageDigest#isEqual}, against every configured token, so neither the length nor the
 * content of a guess changes how long the answer takes.
 */
final class BearerTokens implements AuthenticationConverter, AuthenticationProvider {

    static final String PRINCIPAL = "api-client";
    /** RFC 6750 tokens are base64-like; any visible ASCII is taken, so tokens configured before still work. */
    private static final Pattern BEARER = Pattern.compile("(?i)bearer +([\\x21-\\x7E]+) *");

    private final List<byte[]> digests;

    BearerTokens(List<String> tokens) {
        this.digests = tokens.stream().map(BearerTokens::digest).toList();
    }

    /** The presented token, or null when the request carries no bearer credentials at all. */
    @Override
    public Authentication convert(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null) {
            return null;
        }
        Matcher bearer = BEARER.matcher(header);
        if (!bearer.matches()) {
            return null;
        }
        return new PreAuthenticatedAuthenticationToken(PRINCIPAL, bearer.group(1));
    }

    @Override
    public Authentication authenticate(Authentication presented) {
        if (indexOf(String.valueOf(presented.getCredentials())) < 0) {
            throw new BadCredentialsException("The bearer token is not one this service accepts.");
        }
        return new PreAuthenticatedAuthenticationToken(PRINCIPAL, null, AuthorityUtils.createAuthorityList("ROLE_API"));
    }

    /**
     * Which configured token the request presents (its position in the configuration), or -1 when it
     * presents none or an unknown one. Every configured token is compared, whichever matches.
     */
    int presentedBy(HttpServletRequest request) {
        Authentication presented = convert(request);
        return presented == null ? -1 : indexOf(String.valueOf(presented.getCredentials()));
    }

    private int indexOf(String token) {
        byte[] candidate = digest(token);
        int found = -1;
        for (int i = 0; i < digests.size(); i++) {
            if (MessageDigest.isEqual(digests.get(i), candidate)) {
                found = i;
            }
        }
        return found;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return PreAuthenticatedAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }
}
