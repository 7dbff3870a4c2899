package io.lodestone.service.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Jackson's refusals without the service's class names, as a client reads them. */
class JsonMessagesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Cannot deserialize value of type `io.lodestone.alert.subscription.SubscriptionRequest` from Array value (token `JsonToken.START_ARRAY`) | Cannot deserialize value of type an object from Array value
            Cannot deserialize value of type `java.lang.Integer` from String "big": not a valid `java.lang.Integer` value | Cannot deserialize value of type a number from String "big": not a number
            Cannot deserialize value of type `java.util.ArrayList<java.lang.String>` from Object value (token `JsonToken.START_OBJECT`) | Cannot deserialize value of type an array from Object value
            Cannot deserialize value of type `java.time.Instant` from String "soon" | Cannot deserialize value of type a date-time (RFC 3339) from String "soon"
            Cannot deserialize value of type `java.time.DayOfWeek` from String "Funday": not one of the values accepted for Enum class: [MONDAY] | Cannot deserialize value of type one of the accepted values from String "Funday": not one of the values accepted for Enum class: [MONDAY]
            Cannot deserialize value of type `int[]` from String | Cannot deserialize value of type an array from String
            Unexpected character ('x' (code 120)): expected a valid value | Unexpected character ('x' (code 120)): expected a valid value
            """)
    void namesTheJsonKindNotTheJavaType(String jackson, String client) {
        assertThat(JsonMessages.forClients(jackson)).isEqualTo(client).doesNotContain("io.lodestone").doesNotContain("java.");
    }
}
