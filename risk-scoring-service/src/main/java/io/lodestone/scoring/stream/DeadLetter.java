package io.lodestone.scoring.stream;

import io.lodestone.events.DeadLetterHeaders;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * The key and value bytes of a record that failed, exactly as they were read; its headers travel
 * on the Kafka record, with the error headers of {@link DeadLetterHeaders} added by {@link #headers}.
 */
record DeadLetter(byte[] key, byte[] value) {

    /** Stack traces are cut here: enough to find the failing line, small enough for a header. */
    static final int MAX_STACKTRACE = 8 * 1024;

    /**
     * The original headers plus the error headers: what failed, and where the record came from.
     *
     * @param origin where the record was read, when Kafka Streams knows it
     */
    static Headers headers(Headers original, RecordMetadata origin, long timestamp, Exception error) {
        Headers headers = new RecordHeaders(original.toArray());
        headers.add(DeadLetterHeaders.EXCEPTION_FQCN, utf8(error.getClass().getName()));
        headers.add(DeadLetterHeaders.EXCEPTION_MESSAGE, utf8(String.valueOf(error.getMessage())));
        headers.add(DeadLetterHeaders.EXCEPTION_STACKTRACE, utf8(stackTrace(error)));
        headers.add(DeadLetterHeaders.ORIGINAL_TIMESTAMP, ByteBuffer.allocate(Long.BYTES).putLong(timestamp).array());
        if (origin != null) {
            headers.add(DeadLetterHeaders.ORIGINAL_TOPIC, utf8(origin.topic()));
            headers.add(DeadLetterHeaders.ORIGINAL_PARTITION, ByteBuffer.allocate(Integer.BYTES).putInt(origin.partition()).array());
            headers.add(DeadLetterHeaders.ORIGINAL_OFFSET, ByteBuffer.allocate(Long.BYTES).putLong(origin.offset()).array());
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
