package io.supportsla.sla.api;

import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The query API's errors as RFC 9457 problem details ({@code application/problem+json}). */
@RestControllerAdvice(assignableTypes = SlaQueryController.class)
class ApiProblems {

    static final URI CASE_NOT_FOUND = URI.create("urn:support-sla:problem:case-not-found");
    static final URI STATE_UNAVAILABLE = URI.create("urn:support-sla:problem:state-unavailable");

    @ExceptionHandler
    ProblemDetail caseNotFound(CaseNotFoundException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "No SLA state for case " + e.caseNumber() + ": it does not exist, or was resolved long enough ago to be forgotten.");
        problem.setType(CASE_NOT_FOUND);
        problem.setTitle("Case not found");
        problem.setProperty("caseNumber", e.caseNumber());
        return problem;
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> stateUnavailable(SlaStateUnavailableException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
        problem.setType(STATE_UNAVAILABLE);
        problem.setTitle("SLA state temporarily unavailable");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "1").body(problem);
    }
}
