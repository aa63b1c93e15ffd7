package io.supportsla.escalation.api;

import io.supportsla.security.ProblemResponses;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Answers {@link ApiProblem}s as RFC 9457 problem details, and a form or query string Tomcat cannot
 * decode (invalid UTF-8, say) as 400 rather than Spring Boot's plain error body and a logged stack trace.
 */
@RestControllerAdvice
class ApiProblemHandler {

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<Map<String, Object>> problem(ApiProblem problem, HttpServletRequest request) {
        ProblemDetail detail = ProblemResponses.problem(problem.status(), problem.type(), problem.title(),
                problem.getMessage(), request);
        return ResponseEntity.status(problem.status())
                .headers(problem.headers())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemResponses.asMap(detail));
    }

    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<Map<String, Object>> undecodableParameters(InvalidParameterException undecodable, HttpServletRequest request) {
        ProblemDetail detail = ProblemResponses.problem(HttpStatus.BAD_REQUEST, ProblemResponses.REJECTED_REQUEST,
                "Request rejected", "The request's parameters could not be decoded", request);
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(ProblemResponses.asMap(detail));
    }
}
