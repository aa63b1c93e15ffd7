package io.supportsla.escalation.api;

import io.supportsla.security.ProblemResponses;
import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * A refusal the API answers as {@code application/problem+json}; problem types are URIs under
 * {@link ProblemResponses#TYPE_BASE}, shared with the other services.
 */
final class ApiProblem extends RuntimeException {

    static final URI ESCALATION_NOT_FOUND = URI.create(ProblemResponses.TYPE_BASE + "escalation-not-found");
    static final URI CASE_NOT_FOUND = URI.create(ProblemResponses.TYPE_BASE + "case-not-found");
    static final URI ESCALATION_SETTLED = URI.create(ProblemResponses.TYPE_BASE + "escalation-settled");
    static final URI STATE_UNAVAILABLE = URI.create(ProblemResponses.TYPE_BASE + "state-unavailable");
    static final URI INVALID_ACKNOWLEDGEMENT_LINK = URI.create(ProblemResponses.TYPE_BASE + "invalid-acknowledgement-link");
    static final URI EXPIRED_ACKNOWLEDGEMENT_LINK = URI.create(ProblemResponses.TYPE_BASE + "expired-acknowledgement-link");

    private final HttpStatus status;
    private final URI type;
    private final String title;
    private final HttpHeaders headers;

    ApiProblem(HttpStatus status, URI type, String title, String detail) {
        this(status, type, title, detail, new HttpHeaders());
    }

    ApiProblem(HttpStatus status, URI type, String title, String detail, HttpHeaders headers) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.headers = headers;
    }

    static ApiProblem escalationNotFound(String escalationId) {
        return new ApiProblem(HttpStatus.NOT_FOUND, ESCALATION_NOT_FOUND, "Escalation not found",
                "There is no escalation " + escalationId);
    }

    static ApiProblem stateUnavailable(String detail) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, "5");
        return new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, STATE_UNAVAILABLE, "Escalation state unavailable", detail, headers);
    }

    HttpStatus status() {
        return status;
    }

    URI type() {
        return type;
    }

    String title() {
        return title;
    }

    HttpHeaders headers() {
        return headers;
    }
}
