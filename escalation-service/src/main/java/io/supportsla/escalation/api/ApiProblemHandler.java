package io.supportsla.escalation.api;

import io.supportsla.security.ProblemResponses;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Answers {@link ApiProblem}s as RFC 9457 problem details. */
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
}
