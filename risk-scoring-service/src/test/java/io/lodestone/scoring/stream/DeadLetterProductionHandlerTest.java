package io.lodestone.scoring.stream;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler.ProductionExceptionHandlerResponse;
import org.apache.kafka.streams.errors.internals.DefaultErrorHandlerContext;
import org.apache.kafka.streams.processor.TaskId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which failures to produce the stream skips (only a dead letter too large to write) and which it does not. */
class DeadLetterProductionHandlerTest {

    @ParameterizedTest(name = "{1} writing to {0} -> {2}")
    @CsvSource({
            "supply.events.v1.dlt, too large, CONTINUE",
            "element.risk.v1,      too large, FAIL",
            "supply.events.v1.dlt, timeout,   RETRY"})
    void skipsOnlyADeadLetterTooLargeToWrite(String topic, String failure, ProductionExceptionHandlerResponse expected) {
        Exception exception = failure.equals("too large") ? new RecordTooLargeException("1049677 bytes") : new TimeoutException("slow");
        ErrorHandlerContext context = new DefaultErrorHandlerContext(null, "supply.events.v1", 0, 4, new RecordHeaders(),
                "read-supply-event", new TaskId(0, 0), 0L, null, null);

        ProductionExceptionHandlerResponse response = new DeadLetterProductionHandler()
                .handle(context, new ProducerRecord<>(topic, new byte[1], new byte[1]), exception);

        assertThat(response).isEqualTo(expected);
    }
}
