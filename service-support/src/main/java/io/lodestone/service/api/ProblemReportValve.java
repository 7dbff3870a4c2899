package io.lodestone.service.api;

import jakarta.servlet.ServletException;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
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
 * It also ends the connection of a refused request whose body is still unread after
 * {@link RefusedBodies} had its turn. Tomcat would otherwise drain ("swallow") the rest of the
 * declared body on the same worker thread so that the connection could carry another request, one
 * read at a time, each allowed the connection timeout, and outside any client's share of requests
 * in progress: a client that declared a large body, sent a byte of it and stalled held a thread long
 * after its refusal (a 401, 413 or 429), and a few such connections from one address took every
 * thread. An answered request whose body was read keeps its connection.
 */
public class ProblemReportValve extends ErrorReportValve {

    static final String BAD_REQUEST_DETAIL = "The server refused the request before reading it: a malformed request"
            + " line or header, such as a path with an encoded control character, '/' or '\\', a broken %-escape,"
            + " bytes that are not UTF-8, or a character that must be percent-encoded.";

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        try {
            super.invoke(request, response);
        } finally {
            closeIfBodyUnread(request, response);
        }
    }

    /** After an error answer: when part of the body is still to come, close rather than drain it. */
    static void closeIfBodyUnread(Request request, Response response) {
        if (response.getStatus() < 400 || !RefusedBodies.declaresBody(request)) {
            return;
        }
        AtomicBoolean fullyRead = new AtomicBoolean(true);
        request.getCoyoteRequest().action(ActionCode.REQUEST_BODY_FULLY_READ, fullyRead);
        if (!fullyRead.get()) {
            if (!response.isCommitted()) {
                response.setHeader("Connection", "close");
            }
            response.getCoyoteResponse().action(ActionCode.DISABLE_SWALLOW_INPUT, null);
        }
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
