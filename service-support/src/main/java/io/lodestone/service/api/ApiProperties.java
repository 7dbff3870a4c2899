package io.lodestone.service.api;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who may call a service's {@code /api/**}.
 *
 * @param tokens         accepted bearer tokens; empty means every protected request is refused
 * @param publicGetPaths Ant-style patterns under {@code /api/} that anyone may GET (e.g. read-only risk levels)
 */
@ConfigurationProperties("lodestone.api")
public record ApiProperties(List<String> tokens, List<String> publicGetPaths) {

    public ApiProperties {
        tokens = tokens == null ? List.of() : tokens.stream().filter(t -> t != null && !t.isBlank()).toList();
        publicGetPaths = publicGetPaths == null ? List.of() : List.copyOf(publicGetPaths);
    }
}
