package io.lodestone.ingest.source;

/** A source could not be fetched or parsed; the message says why in words an operator can act on. */
class FetchException extends Exception {

    FetchException(String message) {
        super(message);
    }

    FetchException(String message, Throwable cause) {
        super(message, cause);
    }
}
