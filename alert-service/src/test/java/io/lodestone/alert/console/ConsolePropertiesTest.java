package io.lodestone.alert.console;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** Console settings as deployments give them: environment variables, hashed passwords, a private board by default. */
class ConsolePropertiesTest {

    private final Validator validator = Validation.buildDefaultValidatorFactory().getValidator();

    @Test
    void usersComeFromNumberedEnvironmentVariablesAndTheBoardIsPrivateByDefault() {
        ConsoleProperties console = bind(Map.of(
                "LODESTONE_CONSOLE_USERS_0_NAME", "buyer",
                "LODESTONE_CONSOLE_USERS_0_PASSWORD", "{bcrypt}$2y$10$abcdefghijklmnopqrstuu",
                "LODESTONE_CONSOLE_USERS_1_NAME", "planner",
                "LODESTONE_CONSOLE_USERS_1_PASSWORD", "{noop}local"));

        assertThat(console.publicBoard()).isFalse();
        assertThat(console.users()).extracting(ConsoleProperties.User::name).containsExactly("buyer", "planner");
        assertThat(validator.validate(console)).isEmpty();
    }

    @Test
    void aPasswordWithoutItsEncodingIsRefusedAndNeverPrinted() {
        ConsoleProperties console = bind(Map.of(
                "LODESTONE_CONSOLE_PUBLIC_BOARD", "true",
                "LODESTONE_CONSOLE_USERS_0_NAME", "buyer",
                "LODESTONE_CONSOLE_USERS_0_PASSWORD", "hunter2"));

        assertThat(console.publicBoard()).isTrue();
        assertThat(validator.validate(console)).singleElement()
                .satisfies(violation -> assertThat(violation.getPropertyPath().toString()).isEqualTo("users[0].password"));
        assertThat(console.users().get(0).toString()).doesNotContain("hunter2");
    }

    private static ConsoleProperties bind(Map<String, Object> environment) {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(new SystemEnvironmentPropertySource(
                "test-" + StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environment));
        return new Binder(ConfigurationPropertySources.get(env))
                .bindOrCreate("lodestone.console", ConsoleProperties.class);
    }
}
