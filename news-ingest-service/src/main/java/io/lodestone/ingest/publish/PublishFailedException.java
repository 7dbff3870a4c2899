package io.lodestone.ingest.publish;

/** The broker did not acknowledge an event; the item that produced it was not accepted. */
public class PublishFailedException extends RuntimeException {

    public PublishFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
