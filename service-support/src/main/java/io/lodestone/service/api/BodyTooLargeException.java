package io.lodestone.service.api;

import java.io.IOException;

/**
 * A request body went past {@code lodestone.api.max-body-size} while it was being read. An
 * {@link IOException}, so it travels through whatever is reading (Jackson, a converter) and is
 * answered 413 by {@link ApiProblems} or {@link RequestBodyLimitFilter}.
 */
public class BodyTooLargeException extends IOException {

    private final long limit;

    BodyTooLargeException(long limit) {
        super("The request body is larger than the " + limit + " bytes this service accepts.");
        this.limit = limit;
    }

    long limit() {
        return limit;
    }

    /** The body-size failure somewhere in the causes of {@code failure}, or null. */
    static BodyTooLargeException findIn(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof BodyTooLargeException tooLarge) {
                return tooLarge;
            }
            if (cause.getCause() == cause) {
                return null;
            }
        }
        return null;
    }
}
