package io.lodestone.service.api;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.web.ErrorProperties;
import org.springframework.boot.webmvc.autoconfigure.error.BasicErrorController;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The container's error dispatch ({@code /error}), which answers whatever no handler answered: an
 * exception nothing expected, a method the container itself refuses ({@code TRACE}), a refusal sent
 * with {@code sendError}. Callers of the API get an RFC 9457 problem detail there too, with no
 * exception text in it; a browser asking for HTML still gets the HTML error page.
 */
class ProblemErrorController extends BasicErrorController {

    static final String SERVER_ERROR_DETAIL = "The service could not answer this request; the failure is in its log.";

    ProblemErrorController(ErrorAttributes attributes, ErrorProperties properties, List<ErrorViewResolver> resolvers) {
        super(attributes, properties, resolvers);
    }

    @Override
    public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
        HttpStatus status = getStatus(request);
        if (status == HttpStatus.NO_CONTENT) {
            return new ResponseEntity<>(status);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", status.getReasonPhrase());
        body.put("status", status.value());
        if (status.is5xxServerError()) {
            body.put("detail", SERVER_ERROR_DETAIL);
        }
        if (request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String path) {
            body.put("instance", path);
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }
}
