package io.lodestone.service.api;

import jakarta.servlet.ServletException;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.apache.tomcat.util.net.ApplicationBufferHandler;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Tomcat's last word on an error nothing else answered, as an RFC 9457 problem detail instead of
 * Tomcat's HTML page. Tomcat refuses some requests before any servlet, filter or error page of the
 * application sees them: a path with an encoded NUL, {@code /} or {@code \}, a broken
 * {@code %}-escape, bytes that are not UTF-8, characters such as {@code |} or {@code "} written raw.
 * Those reach only the host's error report valve, which this replaces. The body names the status
 * and nothing else of the request (the path is not echoed), and carries no stack trace and no
 * server version.
 * <p>
 * It also settles the unread body of a request the rate limit handed over ({@link UnreadBodies}):
 * reads the rest of it while its client's share is still taken, or closes the connection, in place
 * of Tomcat's reading it after the answer outside any share.
 */
public class ProblemReportValve extends ErrorReportValve {

    static final String BAD_REQUEST_DETAIL = "The server refused the request before reading it: a malformed request"
            + " line or header, such as a path with an encoded control character, '/' or '\\', a broken %-escape,"
            + " bytes that are not UTF-8, or a character that must be percent-encoded.";

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        request.setAttribute(UnreadBodies.SEEN_OUT, Boolean.TRUE);
        try {
            super.invoke(request, response);
        } finally {
            Runnable release = (Runnable) request.getAttribute(UnreadBodies.RELEASE);
            if (release != null) {
                try {
                    settleBody(request, response);
                } finally {
                    release.run();
                }
            }
        }
    }

    /**
     * After the answer to a request the rate limit handed over ({@link UnreadBodies}): reads the
     * rest of its body, or closes the connection rather than let Tomcat wait for it.
     */
    private static void settleBody(Request request, Response response) {
        if (request.isAsync() || fullyRead(request)) {
            return;
        }
        if (!response.isCommitted()) {
            response.setHeader(HttpHeaders.CONNECTION, "close");
        }
        boolean mayRead = request.getAttribute(UnreadBodies.WITHIN_SHARE) != null
                // a client that waits for "100 Continue" before it sends the body was answered without one
                && request.getHeader(HttpHeaders.EXPECT) == null;
        if (!mayRead || !drained(request, response)) {
            response.getCoyoteResponse().action(ActionCode.DISABLE_SWALLOW_INPUT, null);
        }
    }

    /** Finishes the answer, then reads the body to its end unless it comes too slowly or stops. */
    private static boolean drained(Request request, Response response) {
        try {
            // all of it, the end of a chunked answer included: the client may wait for it before it sends more
            response.finishResponse();
            long started = System.nanoTime();
            long read = 0;
            while (!fullyRead(request)) {
                int n = request.getCoyoteRequest().doRead(ApplicationBufferHandler.EMPTY);
                if (n < 0) {
                    return true;
                }
                read += n;
                long elapsed = System.nanoTime() - started;
                if (elapsed > UnreadBodies.DRAIN_TIME.toNanos() || elapsed > 1_000_000_000L
                        && read * 1_000_000_000L / elapsed < UnreadBodies.MIN_RATE) {
                    return false;
                }
            }
            return true;
        } catch (IOException stalledOrGone) {
            return false; // a read timed out, or the client went away
        }
    }

    private static boolean fullyRead(Request request) {
        AtomicBoolean fullyRead = new AtomicBoolean(true);
        request.getCoyoteRequest().action(ActionCode.REQUEST_BODY_FULLY_READ, fullyRead);
        return fullyRead.get();
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        try {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            PrintWriter writer = response.getReporter();
            if (writer != null) {
                writer.write(body(status));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response was committed after all: nothing more to say
        }
    }

    /** Built by hand from fixed text, so nothing from the request can end up in it. */
    static String body(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        String title = known == null ? "Error" : known.getReasonPhrase();
        String detail = status == 400 ? BAD_REQUEST_DETAIL
                : status >= 500 ? ProblemErrorController.SERVER_ERROR_DETAIL : null;
        return "{\"title\":\"" + title + "\",\"status\":" + status
                + (detail == null ? "" : ",\"detail\":\"" + detail.replace("\\", "\\\\") + "\"") + "}";
    }
}
