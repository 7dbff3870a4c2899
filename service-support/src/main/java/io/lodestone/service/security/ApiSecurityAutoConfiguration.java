package io.lodestone.service.security;

import io.lodestone.service.api.ApiAutoConfiguration;
import io.lodestone.service.api.ApiProperties;
import io.lodestone.service.api.ClientBudget;
import io.lodestone.service.api.ProblemWriter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.DispatcherType;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationEntryPointFailureHandler;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * The guard every servlet-based Lodestone service gets by depending on service-support. Every
 * path needs a valid bearer token except the operational endpoints ({@link #OPERATIONAL_PATHS})
 * and the GET/HEAD paths the service declares in {@code lodestone.api.public-get-paths}: deny by
 * default, so a path spelled in a way nobody foresaw is refused, not let through. The firewall
 * refuses non-canonical paths with a 400 before anything is matched. No session is created. Before
 * any of it, every request but the operational ones is charged to its client's rate limit
 * ({@link RateLimitFilter}).
 */
@AutoConfiguration(after = ApiAutoConfiguration.class, before = {ServletWebSecurityAutoConfiguration.class,
        ManagementWebSecurityAutoConfiguration.class, UserDetailsServiceAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class ApiSecurityAutoConfiguration {

    /** Probes and metrics scrapers carry no token; only health and prometheus are exposed at all. */
    static final List<String> OPERATIONAL_PATHS = List.of("/actuator/health", "/actuator/health/**",
            "/actuator/prometheus");

    private static final Logger log = LoggerFactory.getLogger(ApiSecurityAutoConfiguration.class);

    @Bean
    BearerTokens bearerTokens(ApiProperties properties) {
        if (properties.tokens().isEmpty()) {
            log.warn("No API token is configured (lodestone.api.tokens or LODESTONE_API_TOKEN): "
                    + "every protected request will be refused with 401.");
        }
        return new BearerTokens(properties.tokens());
    }

    /**
     * Before Spring Security's filters, so that every request is charged, those that fail to
     * authenticate and the console's sign-in form included.
     */
    @Bean
    FilterRegistrationBean<RateLimitFilter> rateLimitFilter(ClientBudget budget, BearerTokens tokens,
            ProblemWriter problems, ObjectProvider<MeterRegistry> meters) {
        FilterRegistrationBean<RateLimitFilter> registration = new FilterRegistrationBean<>(
                new RateLimitFilter(budget, tokens, problems, meters.getIfAvailable(SimpleMeterRegistry::new)));
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1);
        return registration;
    }

    @Bean
    HttpFirewall httpFirewall() {
        return new CanonicalPathFirewall();
    }

    /**
     * A request the firewall refuses is a 400 problem detail, not a container error page. It is
     * counted ({@code lodestone.api.requests.refused{reason="non-canonical"}}) and logged at debug
     * only, as requests refused for the rate limit are: one client sending such paths at the rate
     * limit had written about 4 GB of log a day at info.
     */
    @Bean
    RequestRejectedHandler requestRejectedHandler(ProblemWriter problems, ObjectProvider<MeterRegistry> meters) {
        Counter refused = Counter.builder("lodestone.api.requests.refused")
                .description("Requests refused by the firewall: a path not in canonical form or a control character")
                .tag("reason", "non-canonical")
                .register(meters.getIfAvailable(SimpleMeterRegistry::new));
        return (request, response, rejected) -> {
            refused.increment();
            log.debug("Refused a non-canonical request: {}", LogSafe.escape(request.getRequestURI()));
            problems.write(request, response, HttpStatus.BAD_REQUEST, "Request not accepted",
                    "The path is not in canonical form (encoded characters, ';', '//', '.' or '..' segments "
                            + "are refused) or a parameter holds a control character. Send the plain path and "
                            + "printable parameter values.");
        };
    }

    @Bean
    SecurityFilterChain apiSecurityFilterChain(HttpSecurity http, ApiProperties properties, BearerTokens tokens,
            ProblemWriter problems) throws Exception {
        AuthenticationEntryPoint unauthorized = entryPoint(problems);
        AuthenticationFilter bearer = new AuthenticationFilter(new ProviderManager(tokens), tokens);
        bearer.setSuccessHandler((request, response, authentication) -> {
        });
        bearer.setFailureHandler(new AuthenticationEntryPointFailureHandler(unauthorized));
        String[] publicReads = properties.publicGetPaths().toArray(String[]::new);
        return http
                .securityMatcher("/**")
                .authorizeHttpRequests(paths -> paths
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers(HttpMethod.GET, OPERATIONAL_PATHS.toArray(String[]::new)).permitAll()
                        .requestMatchers(HttpMethod.HEAD, OPERATIONAL_PATHS.toArray(String[]::new)).permitAll()
                        .requestMatchers(HttpMethod.GET, publicReads).permitAll()
                        .requestMatchers(HttpMethod.HEAD, publicReads).permitAll()
                        .anyRequest().authenticated())
                .addFilterBefore(bearer, BasicAuthenticationFilter.class)
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler(forbidden(problems)))
                .build();
    }

    /** 401 with {@code WWW-Authenticate: Bearer} (RFC 6750) and a problem detail that never echoes the token. */
    private static AuthenticationEntryPoint entryPoint(ProblemWriter problems) {
        return (request, response, failure) -> {
            boolean badToken = failure instanceof BadCredentialsException;
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, badToken ? "Bearer error=\"invalid_token\"" : "Bearer");
            problems.write(request, response, HttpStatus.UNAUTHORIZED, "Unauthorized", detail(failure));
        };
    }

    private static String detail(AuthenticationException failure) {
        return failure instanceof BadCredentialsException
                ? failure.getMessage()
                : "This endpoint needs an 'Authorization: Bearer <token>' header.";
    }

    private static AccessDeniedHandler forbidden(ProblemWriter problems) {
        return (request, response, denied) -> problems.write(request, response, HttpStatus.FORBIDDEN, "Forbidden",
                "The token does not allow this request.");
    }
}
