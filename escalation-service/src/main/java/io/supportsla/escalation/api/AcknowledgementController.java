package io.supportsla.escalation.api;

import io.supportsla.escalation.acknowledgement.AcknowledgementRequest;
import io.supportsla.escalation.rules.EscalationStatus;
import io.supportsla.schemas.escalation.AcknowledgementChannel;
import io.supportsla.security.Caller;
import java.net.URI;
import java.time.Clock;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * Acknowledging an escalation. {@code POST} with the signed link's token (query or form parameter
 * {@code token}) or a consultant's API key records the acknowledgement: the request goes through
 * Kafka to the topology, which publishes {@code EscalationAcknowledged} and stops the timer, so the
 * answer is 202 Accepted. Following the link in a browser ({@code GET}) only shows a confirmation
 * form, so that mail scanners opening links acknowledge nothing.
 */
@RestController
class AcknowledgementController {

    private final EscalationAccess access;
    private final EscalationQueries queries;
    private final AcknowledgementRequests requests;
    private final Clock clock;

    AcknowledgementController(EscalationAccess access, EscalationQueries queries, AcknowledgementRequests requests,
            Clock clock) {
        this.access = access;
        this.queries = queries;
        this.requests = requests;
        this.clock = clock;
    }

    /**
     * What the caller gets back: the request was accepted (202), or the escalation was already
     * acknowledged (200, nothing new recorded).
     */
    record AcknowledgementAnswer(String escalationId, String outcome, String acknowledgedBy, AcknowledgementChannel via,
            String requestId) {
    }

    @PostMapping("/api/v1/escalations/{escalationId}/acknowledgement")
    ResponseEntity<AcknowledgementAnswer> acknowledge(@PathVariable String escalationId,
            @RequestParam(required = false) String token, @AuthenticationPrincipal Caller caller,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        Credentials credentials = access.require(escalationId, caller, authorization, token);
        EscalationView escalation = queries.escalation(escalationId, credentials, false)
                .orElseThrow(() -> ApiProblem.escalationNotFound(escalationId));
        if (escalation.status() == EscalationStatus.ACKNOWLEDGED) {
            return ResponseEntity.ok(new AcknowledgementAnswer(escalationId, "ALREADY_ACKNOWLEDGED",
                    escalation.acknowledgement().by(), escalation.acknowledgement().via(), null));
        }
        if (escalation.status() == EscalationStatus.SUPERSEDED || escalation.status() == EscalationStatus.CLOSED) {
            throw new ApiProblem(HttpStatus.CONFLICT, ApiProblem.ESCALATION_SETTLED, "Escalation settled",
                    "Escalation " + escalationId + " is " + escalation.status() + " and can no longer be acknowledged");
        }
        AcknowledgementRequest request = new AcknowledgementRequest(UUID.randomUUID().toString(), escalation.caseNumber(),
                escalationId, credentials.acknowledgedBy(), credentials.via(), clock.instant());
        requests.publish(request);
        return ResponseEntity.accepted()
                .location(URI.create("/api/v1/escalations/" + escalationId))
                .body(new AcknowledgementAnswer(escalationId, "ACCEPTED", request.acknowledgedBy(), request.via(),
                        request.requestId()));
    }

    @GetMapping(path = "/api/v1/escalations/{escalationId}/acknowledgement", produces = MediaType.TEXT_HTML_VALUE)
    String confirmationPage(@PathVariable String escalationId, @RequestParam(required = false) String token,
            @AuthenticationPrincipal Caller caller,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        Credentials credentials = access.require(escalationId, caller, authorization, token);
        // As the POST does: no page inviting an acknowledgement of an escalation that does not exist.
        queries.escalation(escalationId, credentials, false).orElseThrow(() -> ApiProblem.escalationNotFound(escalationId));
        String id = HtmlUtils.htmlEscape(escalationId);
        String action = "?token=" + HtmlUtils.htmlEscape(token == null ? "" : token);
        return """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>Acknowledge escalation %1$s</title></head>
                <body>
                <h1>Escalation %1$s</h1>
                <p>Acknowledging tells everyone that %2$s has received this escalation and will respond;
                it stops it from passing to the next manager.</p>
                <form method="post" action="%3$s"><button type="submit">Acknowledge</button></form>
                </body></html>
                """.formatted(id, HtmlUtils.htmlEscape(credentials.acknowledgedBy()), action);
    }
}
