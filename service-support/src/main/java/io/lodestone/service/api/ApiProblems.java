package io.lodestone.service.api;

import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;

/**
 * Turns every client error into an RFC 9457 problem detail. Validation failures list each bad
 * field under {@code errors} ({@code [{"field": "elements[0]", "message": "..."}]}) so a caller can
 * fix them all at once; unreadable JSON names the field where parsing stopped, and JSON past the
 * stream limits ({@code lodestone.api.json.*}) says which limit it broke. A body cut off at the
 * size cap is a 413; a create past a configured cap ({@link LimitReachedException}) is a 409 naming
 * the limit and the property that sets it; a client past its rate limit ({@link TooManyRequestsException})
 * is a 429 with {@code Retry-After}.
 */
@RestControllerAdvice
class ApiProblems extends ResponseEntityExceptionHandler {

    /** One bad field and what is wrong with it. */
    record FieldProblem(String field, String message) {
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldProblem(error.getField(), error.getDefaultMessage()))
                .toList();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The request has " + errors.size() + " invalid field(s).");
        problem.setTitle("Invalid request");
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        BodyTooLargeException tooLarge = BodyTooLargeException.findIn(ex);
        if (tooLarge != null) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, tooLarge.getMessage());
            problem.setTitle(RequestBodyLimitFilter.TITLE);
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(problem);
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, readableCause(ex));
        problem.setTitle("Unreadable request body");
        if (ex.getCause() instanceof DatabindException bind && !bind.getPath().isEmpty()) {
            problem.setProperty("errors", List.of(new FieldProblem(fieldPath(bind), JsonMessages.forClients(bind.getOriginalMessage()))));
        }
        return ResponseEntity.badRequest().body(problem);
    }

    /** Domain code signals a bad request by throwing {@link InvalidRequestException}. */
    @ExceptionHandler(InvalidRequestException.class)
    ProblemDetail invalid(InvalidRequestException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
        problem.setTitle("Invalid request");
        problem.setProperty("errors", ex.fieldErrors().entrySet().stream()
                .map(e -> new FieldProblem(e.getKey(), e.getValue())).toList());
        return problem;
    }

    /** A create past a configured cap: the limit and the property that raises it. */
    @ExceptionHandler(LimitReachedException.class)
    ProblemDetail limitReached(LimitReachedException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
        problem.setTitle("Limit reached");
        problem.setProperty("limit", ex.limit());
        problem.setProperty("property", ex.property());
        return problem;
    }

    /** A client past its budget: 429 with {@code Retry-After}, as the rate-limit filter answers. */
    @ExceptionHandler(TooManyRequestsException.class)
    ResponseEntity<ProblemDetail> tooMany(TooManyRequestsException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, ex.getMessage());
        problem.setTitle(TooManyRequestsException.TITLE);
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(ex.retryAfterSeconds())).body(problem);
    }

    /** The JSON path where binding failed, as a caller writes it: {@code items[2].publishedAt}. */
    private static String fieldPath(DatabindException bind) {
        StringBuilder path = new StringBuilder();
        for (DatabindException.Reference reference : bind.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String readableCause(HttpMessageNotReadableException ex) {
        if (ex.getCause() instanceof JacksonException jackson) {
            return "The body is not valid JSON for this endpoint: " + JsonMessages.forClients(jackson.getOriginalMessage());
        }
        return "The body is missing or unreadable.";
    }
}
