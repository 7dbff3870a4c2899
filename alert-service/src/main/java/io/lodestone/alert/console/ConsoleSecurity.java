package io.lodestone.alert.console;

import io.lodestone.service.api.ApiProperties;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.savedrequest.CookieRequestCache;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.util.AntPathMatcher;

/**
 * Sign-in for the console: every request that is not for the API goes through this chain, which
 * wants a signed-in person (form login, a session once signed in, CSRF tokens on every form),
 * except the static assets and the sign-in page, and, when {@code lodestone.console.public-board} is on, the board, the
 * element pages and the board's live updates. Deny by default: a page added later is behind
 * sign-in without anyone listing it.
 *
 * <p>The API keeps service-support's bearer-token chain exactly as it was: requests under
 * {@code /api} and {@code /actuator} (in any letter case, so no spelling reaches the console's
 * sign-in redirect instead of a 401), the API's public documents ({@code lodestone.api.public-get-paths}),
 * the published schemas, and any request that carries an {@code Authorization} header are left to
 * it. That chain matches everything, so this one must come first.
 */
@Configuration
class ConsoleSecurity {

    /** Before service-support's API chain, which has no order (the lowest precedence) and matches every path. */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

    /** Prefixes that belong to the API and the operational endpoints, compared in lower case. */
    static final List<String> API_PREFIXES = List.of("/api/", "/actuator/", "/schemas/");

    /** Readable without signing in when the board is public. */
    static final String[] PUBLIC_BOARD_PATHS = {"/", "/elements/**", "/board/**"};

    /** Stylesheets, scripts and the sign-in page: the sign-in page must render before anyone is signed in. */
    static final String[] ALWAYS_PUBLIC_PATHS = {"/console/**", "/webjars/**", "/favicon.ico", "/login"};

    private static final Logger log = LoggerFactory.getLogger(ConsoleSecurity.class);

    @Bean
    @Order(ORDER)
    SecurityFilterChain consoleSecurityFilterChain(HttpSecurity http, ConsoleProperties console, ApiProperties api)
            throws Exception {
        return http
                .securityMatcher(consoleRequests(api))
                .authorizeHttpRequests(paths -> {
                    paths.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll();
                    paths.requestMatchers(HttpMethod.GET, ALWAYS_PUBLIC_PATHS).permitAll();
                    if (console.publicBoard()) {
                        paths.requestMatchers(HttpMethod.GET, PUBLIC_BOARD_PATHS).permitAll();
                    }
                    paths.anyRequest().authenticated();
                })
                .userDetailsService(users(console))
                // nothing is kept on the server for a visitor who has not signed in: the page to return
                // to after sign-in and the CSRF token travel in cookies, so anonymous requests create no
                // session (each would otherwise hold the saved request, headers and all, for 30 minutes)
                .requestCache(cache -> cache.requestCache(new CookieRequestCache()))
                .csrf(csrf -> csrf.csrfTokenRepository(new CookieCsrfTokenRepository()))
                .formLogin(login -> login.loginPage("/login").defaultSuccessUrl("/").permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/"))
                .build();
    }

    /** Everything but the API: see the class comment for what counts as the API. */
    static RequestMatcher consoleRequests(ApiProperties api) {
        AntPathMatcher patterns = new AntPathMatcher();
        List<String> apiDocuments = api.publicGetPaths();
        return request -> {
            if (request.getHeader(HttpHeaders.AUTHORIZATION) != null) {
                return false;
            }
            String path = path(request).toLowerCase(Locale.ROOT);
            if (path.equals("/api") || path.equals("/actuator")
                    || API_PREFIXES.stream().anyMatch(path::startsWith)) {
                return false;
            }
            return apiDocuments.stream().noneMatch(pattern -> patterns.match(pattern.toLowerCase(Locale.ROOT), path));
        };
    }

    private static String path(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        return uri.substring(context == null ? 0 : context.length());
    }

    private static InMemoryUserDetailsManager users(ConsoleProperties console) {
        if (console.users().isEmpty()) {
            log.warn("No console user is configured (lodestone.console.users): nobody can sign in to the console.");
        }
        List<UserDetails> users = console.users().stream()
                .map(user -> User.withUsername(user.name()).password(user.password()).roles("BUYER").build())
                .toList();
        return new InMemoryUserDetailsManager(users);
    }
}
