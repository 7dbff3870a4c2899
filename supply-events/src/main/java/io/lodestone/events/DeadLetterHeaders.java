package io.lodestone.events;

/**
 * The error headers every dead-letter topic ({@code <topic>.dlt}) carries beside the failed
 * record's own key, value and headers. The names are the ones the Spring Cloud Stream Kafka
 * binder uses for its dead-letter topics; alert-service's listener container writes Spring
 * Kafka's dead-letter headers under them, so a record dead-lettered by a binding's container and
 * one dead-lettered by a Kafka Streams topology read alike.
 *
 * <p>Encodings: text headers are UTF-8; {@link #ORIGINAL_PARTITION} is a 4-byte big-endian int;
 * {@link #ORIGINAL_OFFSET} and {@link #ORIGINAL_TIMESTAMP} are 8-byte big-endian longs (the
 * timestamp in epoch milliseconds).
 */
public final class DeadLetterHeaders {

    /** The topic the failed record was read from. */
    public static final String ORIGINAL_TOPIC = "x-original-topic";
    /** Its partition. */
    public static final String ORIGINAL_PARTITION = "x-original-partition";
    /** Its offset in that partition. */
    public static final String ORIGINAL_OFFSET = "x-original-offset";
    /** Its record timestamp. */
    public static final String ORIGINAL_TIMESTAMP = "x-original-timestamp";
    /** Fully qualified class name of the exception that made it fail. */
    public static final String EXCEPTION_FQCN = "x-exception-fqcn";
    /** The exception's message. */
    public static final String EXCEPTION_MESSAGE = "x-exception-message";
    /** The exception's stack trace, possibly shortened. */
    public static final String EXCEPTION_STACKTRACE = "x-exception-stacktrace";

    private DeadLetterHeaders() {
    }
}
