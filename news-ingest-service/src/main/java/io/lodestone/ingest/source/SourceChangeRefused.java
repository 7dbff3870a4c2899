package io.lodestone.ingest.source;

/** Why an operator's change to the sources was not made. */
public class SourceChangeRefused extends RuntimeException {

    /** The reasons, each answered by the API with its own status. */
    public enum Reason {
        /** No source has that id. */
        UNKNOWN,
        /** The id is taken, or the change does not fit that source (deleting a configured one). */
        CONFLICT,
        /** The change could not be recorded durably, so it was not made. */
        UNAVAILABLE
    }

    private final Reason reason;

    SourceChangeRefused(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    SourceChangeRefused(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
