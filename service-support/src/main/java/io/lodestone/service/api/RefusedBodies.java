package io.lodestone.service.api;

import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;

/**
 * The body of a refused request. A client that is still sending when its request is refused (a 401
 * before a large upload is read, a 413 part-way through a chunked body) only sees the answer if the
 * server reads what it sends: closing the connection under it resets the connection and the
 * answer is lost. So the answer is sent first and the rest of the body is read and thrown away, up
 * to {@value #DRAIN_LIMIT} bytes and for about {@link #DRAIN_TIME}, while the request still counts
 * against its client's share of requests in progress; a client already over its share gets no
 * such reading. What is left unread then closes the connection ({@link ProblemReportValve}), so a
 * client that declares a body and stalls holds at most its share of the server's threads, and
 * each only until one read times out.
 */
public final class RefusedBodies {

    /** As much as Tomcat itself would drain (its {@code maxSwallowSize} default). */
    public static final long DRAIN_LIMIT = 2L * 1024 * 1024;
    public static final Duration DRAIN_TIME = Duration.ofSeconds(2);

    private RefusedBodies() {
    }

    /**
     * After a refusal: sends the answer and reads the rest of the body, when the client may still
     * use a thread for it ({@code withinShare}) and the request declared a body.
     */
    public static void drain(HttpServletRequest request, HttpServletResponse response, boolean withinShare) {
        if (response.getStatus() < 400 || !declaresBody(request) || !withinShare || request.isAsyncStarted()) {
            return;
        }
        try {
            response.flushBuffer();
            ServletInputStream in = request.getInputStream();
            byte[] buffer = new byte[8192];
            long read = 0;
            long deadline = System.nanoTime() + DRAIN_TIME.toNanos();
            while (!in.isFinished() && read < DRAIN_LIMIT && System.nanoTime() < deadline) {
                int n = in.read(buffer);
                if (n < 0) {
                    return;
                }
                read += n;
            }
        } catch (IOException | IllegalStateException | UnsupportedOperationException e) {
            // the client is gone or stalled, or the body was taken as a reader: the valve closes
        }
    }

    static boolean declaresBody(HttpServletRequest request) {
        return request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
    }
}
