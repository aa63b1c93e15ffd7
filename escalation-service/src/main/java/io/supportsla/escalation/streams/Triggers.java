package io.supportsla.escalation.streams;

import io.supportsla.escalation.acknowledgement.AcknowledgementRequest;
import io.supportsla.escalation.rules.CaseFacts;
import io.supportsla.escalation.rules.Documentation;
import io.supportsla.escalation.rules.Trigger;
import io.supportsla.schemas.cases.CaseCreated;
import io.supportsla.schemas.cases.CaseEvent;
import io.supportsla.schemas.cases.CaseResolved;
import io.supportsla.schemas.cases.CaseResponded;
import io.supportsla.schemas.cases.DisagreementRaised;
import io.supportsla.schemas.cases.SeverityChanged;
import io.supportsla.schemas.common.EscalationDocumentation;
import io.supportsla.schemas.sla.SlaBreached;
import io.supportsla.schemas.sla.SlaEvent;
import java.util.List;
import java.util.Objects;

/**
 * Translates the topics' events into the rules' triggers. Events the rules do not act on (SLA
 * warnings, met targets, reminders, hotline calls, status updates) become nothing. The record key
 * must be the envelope's case number (the topic contract); a record that says otherwise is refused,
 * and so dead-lettered, rather than escalated under the wrong case.
 */
final class Triggers {

    private Triggers() {
    }

    static List<Trigger> fromSlaEvent(String key, SlaEvent event) {
        if (event == null) {
            return List.of();
        }
        requireKeyIsCaseNumber(key, event.getCaseNumber());
        if (event.getPayload() instanceof SlaBreached breached) {
            return List.of(new Trigger.BreachDetected(event.getEventId(), breached.getTarget().getKind(),
                    breached.getTarget().getDeadline(), breached.getBreachedAt()));
        }
        return List.of();
    }

    static List<Trigger> fromCaseEvent(String key, CaseEvent event) {
        if (event == null) {
            return List.of();
        }
        requireKeyIsCaseNumber(key, event.getCaseNumber());
        Object payload = event.getPayload();
        if (payload instanceof CaseCreated created) {
            return List.of(new Trigger.CaseOpened(event.getEventId(), new CaseFacts(created.getTitle(),
                    created.getSeverity(), created.getCategory(), created.getCustomerId(), created.getCustomerName(),
                    created.getRegion(), created.getReceivedAt(), null)));
        }
        if (payload instanceof SeverityChanged changed) {
            return List.of(new Trigger.CaseReclassified(event.getEventId(), changed.getNewSeverity(), changed.getCategory()));
        }
        if (payload instanceof CaseResponded responded && responded.getFirstResponse()) {
            return List.of(new Trigger.FirstResponseGiven(event.getEventId(), responded.getConsultant().getPrincipal()));
        }
        if (payload instanceof DisagreementRaised raised) {
            return List.of(new Trigger.DisagreementRaised(event.getEventId(), raised.getDisagreementId(),
                    raised.getPreviousDisagreementId(), documentation(raised.getDocumentation()),
                    raised.getRaisedBy().getPrincipal()));
        }
        if (payload instanceof CaseResolved resolved) {
            return List.of(new Trigger.CaseResolved(event.getEventId(), resolved.getResolvedAt()));
        }
        return List.of();
    }

    static List<Trigger> fromAcknowledgementRequest(AcknowledgementRequest request) {
        if (request == null) {
            return List.of();
        }
        return List.of(new Trigger.AcknowledgementReceived(request.requestId(), request.escalationId(),
                request.acknowledgedBy(), request.via(), request.requestedAt()));
    }

    private static void requireKeyIsCaseNumber(String key, String caseNumber) {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("A record without a case number as key cannot be escalated (event of case '"
                    + caseNumber + "')");
        }
        if (!Objects.equals(key, caseNumber)) {
            throw new IllegalArgumentException("record key '" + key + "' differs from the event's case number '" + caseNumber + "'");
        }
    }

    private static Documentation documentation(EscalationDocumentation written) {
        return new Documentation(written.getCaseNumbers(), written.getIssueDescription(), written.getProgressToDate(),
                written.getCustomerImpact(), written.getReason());
    }
}
