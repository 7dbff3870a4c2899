package io.lodestone.service.api;

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
 */
public class ProblemReportValve extends ErrorReportValve {

    static final String BAD_REQUEST_DETAIL = "The server refused the request before reading it: a malformed request"
            + " line or header, such as a path with an encoded control character, '/' or '\\', a broken %-escape,"
            + " bytes that are not UTF-8, or a character that must be percent-encoded.";

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
