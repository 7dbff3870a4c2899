package io.lodestone.service.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes an RFC 9457 problem detail straight to the response, for refusals decided in servlet
 * filters (authentication, firewall, body size) before any controller or advice runs.
 */
public final class ProblemWriter {

    private final JsonMapper json;

    public ProblemWriter(JsonMapper json) {
        this.json = json;
    }

    /**
     * Writes the problem unless the response is already committed (then the client sees a cut
     * connection). When the request's body has not been read, the answer also says
     * {@code Connection: close}: the body may be closed on rather than read ({@link UnreadBodies}).
     */
    public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String title,
                      String detail) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        if (UnreadBodies.unread(request)) {
            response.setHeader(HttpHeaders.CONNECTION, "close");
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        // with its length, so the client has the whole answer while the body is settled; the stream is
        // left open, since closing it would also close the body before it is settled (UnreadBodies)
        byte[] body = json.writeValueAsBytes(problem);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
