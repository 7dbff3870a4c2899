package io.lodestone.ingest.source;

/** A source could not be fetched or parsed; the message says why in words an operator can act on. */
class FetchException extends Exception {

    /** The HTTP status that made the fetch fail, or 0 when it failed otherwise. */
    private final int httpStatus;

    FetchException(String message) {
        this(message, 0);
    }

    FetchException(String message, int httpStatus) {
        super(message);
        this.httpStatus = httpStatus;
    }

    FetchException(String message, Throwable cause) {
        super(message, cause);
        this.httpStatus = 0;
    }

    int httpStatus() {
        return httpStatus;
    }
}
