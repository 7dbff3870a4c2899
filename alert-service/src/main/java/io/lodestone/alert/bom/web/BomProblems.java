package io.lodestone.alert.bom.web;

import io.lodestone.alert.bom.InvalidBomException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** A rejected upload as an RFC 9457 problem: {@code errors} lists each bad cell with its line and column. */
final class BomProblems {

    static final String TITLE = "Invalid bill of materials";

    private BomProblems() {
    }

    static ProblemDetail of(InvalidBomException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle(TITLE);
        problem.setProperty("errors", e.errors());
        return problem;
    }
}
