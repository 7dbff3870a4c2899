package io.lodestone.alert;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * An API request that cannot reach PostgreSQL (no connection within the pool's wait, the server not
 * answering, a statement timed out) is a 503 problem with {@code Retry-After}, not a bare 500: the
 * request was fine, the database is not, and the client should try again shortly. Logged as a
 * warning with the cause's first line; the health endpoint says the same through its {@code db}
 * check.
 */
@RestControllerAdvice(annotations = RestController.class)
class DatabaseUnavailable {

    static final int RETRY_AFTER_SECONDS = 5;
    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailable.class);

    @ExceptionHandler({DataAccessResourceFailureException.class, TransientDataAccessResourceException.class,
            QueryTimeoutException.class, CannotCreateTransactionException.class})
    ResponseEntity<ProblemDetail> unavailable(RuntimeException e) {
        Throwable cause = NestedExceptionUtils.getMostSpecificCause(e);
        log.warn("Answered 503: the database did not serve a request in time ({}: {})", cause.getClass().getSimpleName(),
                String.valueOf(cause.getMessage()).lines().findFirst().orElse(""));
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The service's database did not answer in time. Try again shortly.");
        problem.setTitle("Database unavailable");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Integer.toString(RETRY_AFTER_SECONDS)).body(problem);
    }
}
