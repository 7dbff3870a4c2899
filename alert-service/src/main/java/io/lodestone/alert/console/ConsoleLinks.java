package io.lodestone.alert.console;

import io.lodestone.alert.notify.Links;
import org.springframework.stereotype.Component;

/**
 * Which links from news the console writes as links: the same rule as notifications ({@link Links}),
 * only absolute http(s) URLs, so a {@code javascript:} or {@code data:} URL in a contributor never
 * becomes an {@code href}; its title is shown as text instead. Templates call it as
 * {@code ${@links.isSafe(url)}}.
 */
@Component("links")
public class ConsoleLinks {

    public boolean isSafe(String url) {
        return Links.isSafe(url);
    }
}
