package io.supportsla.escalation.acknowledgement;

import io.supportsla.schemas.escalation.AcknowledgementChannel;
import java.time.Instant;
import java.util.Objects;

/**
 * A checked request to acknowledge an escalation, as the HTTP endpoint writes it to the service's
 * own command topic (keyed by case number) so that the Kafka Streams topology, the only writer of
 * {@code support.escalation-events}, decides and publishes {@code EscalationAcknowledged} in order
 * with the case's timers.
 *
 * @param requestId unique id of the request
 * @param acknowledgedBy the recipient named in the signed link, or the consultant's API key name
 * @param requestedAt when the request was accepted
 */
public record AcknowledgementRequest(String requestId, String caseNumber, String escalationId, String acknowledgedBy,
        AcknowledgementChannel via, Instant requestedAt) {

    public AcknowledgementRequest {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(caseNumber, "caseNumber");
        Objects.requireNonNull(escalationId, "escalationId");
        Objects.requireNonNull(acknowledgedBy, "acknowledgedBy");
        Objects.requireNonNull(via, "via");
        Objects.requireNonNull(requestedAt, "requestedAt");
    }
}
