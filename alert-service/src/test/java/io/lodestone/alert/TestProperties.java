package io.lodestone.alert;

import java.util.Map;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The service's settings for tests of one component, bound as Spring binds them at start-up. */
public final class TestProperties {

    private TestProperties() {
    }

    /** Defaults plus the given {@code lodestone.alert.*} entries. */
    public static AlertProperties alert(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings))
                .bindOrCreate("lodestone.alert", AlertProperties.class);
    }
}
