package io.supportsla.console.view;

import io.supportsla.schemas.cases.CaseEvent;
import io.supportsla.schemas.escalation.EscalationEvent;
import io.supportsla.schemas.notification.NotificationEvent;
import io.supportsla.schemas.sla.SlaEvent;
import java.time.Instant;
import java.util.Optional;

/** The common envelope of the four topics' values, whichever topic it came from. */
record Envelope(Origin origin, String eventId, Instant occurredAt, String caseNumber, String causationEventId, Object payload) {

    static Optional<Envelope> of(Object value) {
        Envelope envelope = null;
        if (value instanceof CaseEvent e) {
            envelope = new Envelope(Origin.CASE, e.getEventId(), e.getOccurredAt(), e.getCaseNumber(), e.getCausationEventId(), e.getPayload());
        } else if (value instanceof SlaEvent e) {
            envelope = new Envelope(Origin.SLA, e.getEventId(), e.getOccurredAt(), e.getCaseNumber(), e.getCausationEventId(), e.getPayload());
        } else if (value instanceof EscalationEvent e) {
            envelope = new Envelope(Origin.ESCALATION, e.getEventId(), e.getOccurredAt(), e.getCaseNumber(), e.getCausationEventId(),
                    e.getPayload());
        } else if (value instanceof NotificationEvent e) {
            envelope = new Envelope(Origin.NOTIFICATION, e.getEventId(), e.getOccurredAt(), e.getCaseNumber(), e.getCausationEventId(),
                    e.getPayload());
        }
        return Optional.ofNullable(envelope).filter(read -> read.caseNumber() != null && !read.caseNumber().isBlank());
    }
}
