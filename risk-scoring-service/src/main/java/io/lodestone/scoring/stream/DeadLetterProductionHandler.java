package io.lodestone.scoring.stream;

import io.lodestone.events.Topic;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.streams.errors.DefaultProductionExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last resort when a dead letter cannot be written because it is too large for the producer
 * or the dead-letter topic (a topic created without the larger limit the service asks for):
 * skipping it, with an error naming where the original record is, beats a stream that stops on
 * the same record after every restart. Every other failure to produce is Kafka Streams' default
 * (retry what is retriable, otherwise fail).
 */
public class DeadLetterProductionHandler extends DefaultProductionExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterProductionHandler.class);

    @Override
    public ProductionExceptionHandlerResponse handle(ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record,
                                                     Exception exception) {
        if (exception instanceof RecordTooLargeException && record.topic().endsWith(Topic.DEAD_LETTER_SUFFIX)) {
            log.error("Dead letter too large for {} ({} value bytes), skipped: the failed record is {}-{}@{}: {}",
                    record.topic(), record.value() == null ? 0 : record.value().length, context.topic(),
                    context.partition(), context.offset(), exception.getMessage());
            return ProductionExceptionHandlerResponse.CONTINUE;
        }
        return super.handle(context, record, exception);
    }
}
