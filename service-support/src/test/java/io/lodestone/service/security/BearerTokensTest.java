package io.lodestone.service.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;

/** How an Authorization header is read and which tokens are accepted. */
class BearerTokensTest {

    private final BearerTokens tokens = new BearerTokens(List.of("lsk_AbC-123_x", "tok!en:1"));

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Bearer lsk_AbC-123_x", "bearer lsk_AbC-123_x", "BEARER  lsk_AbC-123_x ", "Bearer tok!en:1"})
    void acceptsAConfiguredTokenWhateverTheSchemeCase(String header) {
        Authentication authenticated = tokens.authenticate(tokens.convert(request(header)));

        assertThat(authenticated.isAuthenticated()).isTrue();
        assertThat(authenticated.getCredentials()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Bearer lsk_AbC-123_X", "Bearer lsk_AbC-123_x2", "Bearer lsk_AbC"})
    void refusesAnyOtherToken(String header) {
        Authentication presented = tokens.convert(request(header));

        assertThat(presented).isNotNull();
        assertThatThrownBy(() -> tokens.authenticate(presented)).isInstanceOf(BadCredentialsException.class);
    }

    @ParameterizedTest(name = "[{0}]")
    @CsvSource(value = {"Basic bHNrOng=", "lsk_AbC-123_x", "Bearer", "Bearerlsk_AbC-123_x", "Bearer ä", "Bearer tok!en:1 extra"}, delimiter = '|')
    void headersThatAreNotBearerCredentialsCarryNoToken(String header) {
        assertThat(tokens.convert(request(header))).isNull();
    }

    private static MockHttpServletRequest request(String authorization) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/things");
        request.addHeader("Authorization", authorization);
        return request;
    }
}
