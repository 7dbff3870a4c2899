package io.lodestone.service;

import io.lodestone.events.DeadLetterHeaders;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * The headers of a record a service dead-letters itself (a Kafka Streams topology, which no
 * binder or listener container dead-letter path covers): the failed record's headers plus the error
 * headers of {@link DeadLetterHeaders}, so every dead-letter topic reads alike whoever wrote it.
 */
public final class DeadLetterRecords {

    /** Stack traces are cut here: enough to find the failing line, small enough for a header. */
    public static final int MAX_STACKTRACE = 8 * 1024;

    private DeadLetterRecords() {
    }

    /**
     * @param topic     where the record was read, or null when unknown (then partition and offset are ignored)
     * @param timestamp the failed record's timestamp, epoch milliseconds
     */
    public static Headers headers(Headers original, String topic, int partition, long offset, long timestamp,
            Exception error) {
        Headers headers = new RecordHeaders(original.toArray());
        headers.add(DeadLetterHeaders.EXCEPTION_FQCN, utf8(error.getClass().getName()));
        headers.add(DeadLetterHeaders.EXCEPTION_MESSAGE, utf8(String.valueOf(error.getMessage())));
        headers.add(DeadLetterHeaders.EXCEPTION_STACKTRACE, utf8(stackTrace(error)));
        headers.add(DeadLetterHeaders.ORIGINAL_TIMESTAMP, ByteBuffer.allocate(Long.BYTES).putLong(timestamp).array());
        if (topic != null) {
            headers.add(DeadLetterHeaders.ORIGINAL_TOPIC, utf8(topic));
            headers.add(DeadLetterHeaders.ORIGINAL_PARTITION, ByteBuffer.allocate(Integer.BYTES).putInt(partition).array());
            headers.add(DeadLetterHeaders.ORIGINAL_OFFSET, ByteBuffer.allocate(Long.BYTES).putLong(offset).array());
        }
        return headers;
    }

    private static String stackTrace(Exception error) {
        StringWriter writer = new StringWriter();
        error.printStackTrace(new PrintWriter(writer));
        String text = writer.toString();
        return text.length() <= MAX_STACKTRACE ? text : text.substring(0, MAX_STACKTRACE);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
