package io.supportsla.escalation.api;

import io.supportsla.security.Caller;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Escalation state: one escalation (for a consultant's API key or the escalation's own signed
 * link) and every escalation of a case (consultants only).
 */
@RestController
class EscalationController {

    private final EscalationAccess access;
    private final EscalationQueries queries;

    EscalationController(EscalationAccess access, EscalationQueries queries) {
        this.access = access;
        this.queries = queries;
    }

    @GetMapping("/api/v1/escalations/{escalationId}")
    EscalationView escalation(@PathVariable String escalationId, @RequestParam(required = false) String token,
            @AuthenticationPrincipal Caller caller,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestHeader(name = EscalationQueries.FORWARDED_HEADER, required = false) String forwarded) {
        Credentials credentials = access.require(escalationId, caller, authorization, token);
        return queries.escalation(escalationId, credentials, forwarded != null)
                .orElseThrow(() -> ApiProblem.escalationNotFound(escalationId));
    }

    @GetMapping("/api/v1/cases/{caseNumber}/escalations")
    CaseEscalationsView caseEscalations(@PathVariable String caseNumber, @AuthenticationPrincipal Caller caller,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestHeader(name = EscalationQueries.FORWARDED_HEADER, required = false) String forwarded) {
        // The security chain lets only consultants' keys reach this.
        Credentials credentials = new Credentials.ApiKey(caller, authorization);
        return queries.caseEscalations(caseNumber, credentials, forwarded != null)
                .orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, ApiProblem.CASE_NOT_FOUND, "Case not found",
                        "The escalation service has heard nothing of case " + caseNumber));
    }
}
