package io.lodestone.service.api;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Duration;
import org.springframework.http.HttpHeaders;

/**
 * What becomes of a request body nobody read: a refused request's (401, 413, 429), or one an
 * endpoint answered without reading it (a {@code GET} sent with a body).
 * <p>
 * Left alone, Tomcat reads ("swallows") the rest of it after the answer so that the connection can
 * carry another request, on the same worker thread, one read at a time, each allowed the connection
 * timeout. That time counted against no client's share of requests in progress, so a client that
 * declared a large body, sent a byte of it and stalled, connection after connection, held every
 * thread of the server with requests refused at once. Now the rate limit hands such a request over
 * ({@link #handOver}) with its share still taken, and {@link ProblemReportValve} reads the rest of
 * the body after the answer and only then gives the share back. A body that stalls, or arrives
 * slower than {@value #MIN_RATE} bytes a second after its first second, or takes longer than
 * {@link #DRAIN_TIME}, is not waited for: its connection is closed instead.
 * <p>
 * Closing a connection a client may reuse would lose its next request. An answer that can still
 * say so says {@code Connection: close} when its request's body is unread; one already sent
 * without it is followed by a close only when the client had not finished sending the body, and so
 * cannot have sent another request after it. A client that sends its body at a usable rate gets it
 * read to the end, however large, and sees its answer rather than a reset connection.
 */
public final class UnreadBodies {

    /** Set by {@link ProblemReportValve} on every request it will see out. */
    static final String SEEN_OUT = UnreadBodies.class.getName() + ".seenOut";
    /** The client's share, to be given back once the body is settled. */
    static final String RELEASE = UnreadBodies.class.getName() + ".release";
    /** Present when the client was within its share: its body may be read. */
    static final String WITHIN_SHARE = UnreadBodies.class.getName() + ".withinShare";

    /** How long the rest of a body is read at most. */
    static final Duration DRAIN_TIME = Duration.ofSeconds(10);
    /** After its first second, a body arriving slower than this (bytes per second) is not waited for. */
    static final long MIN_RATE = 64 * 1024;

    private UnreadBodies() {
    }

    /** A request with a body: a declared length above zero, or a transfer coding (chunked). */
    public static boolean declaresBody(HttpServletRequest request) {
        return request.getContentLengthLong() > 0 || request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
    }

    /** A request with a body not yet read to its end. */
    public static boolean unread(HttpServletRequest request) {
        if (!declaresBody(request)) {
            return false;
        }
        try {
            return !request.getInputStream().isFinished();
        } catch (IllegalStateException | IOException readAsCharacters) {
            return false;
        }
    }

    /**
     * At the end of the rate limit's filter: hands a request with a body over to be settled after
     * its answer, with {@code release} (which gives its client's share back) to run once that is
     * done. Returns false when nothing will settle it (an asynchronous request, no body, no
     * Tomcat): the caller releases at once.
     *
     * @param withinShare false when the client was refused for holding too many requests already:
     *                    its body is not read, and its connection closes
     */
    public static boolean handOver(HttpServletRequest request, boolean withinShare, Runnable release) {
        if (!Boolean.TRUE.equals(request.getAttribute(SEEN_OUT)) || request.isAsyncStarted()
                || !declaresBody(request)) {
            return false;
        }
        request.setAttribute(RELEASE, release);
        if (withinShare) {
            request.setAttribute(WITHIN_SHARE, Boolean.TRUE);
        }
        return true;
    }
}
