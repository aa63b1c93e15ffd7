package io.supportsla.escalation.streams;

import io.supportsla.escalation.acknowledgement.AcknowledgementLinks;
import io.supportsla.escalation.rules.Addressee;
import io.supportsla.escalation.rules.CaseFacts;
import io.supportsla.escalation.rules.Documentation;
import io.supportsla.escalation.rules.Escalation;
import io.supportsla.escalation.rules.EscalationFact;
import io.supportsla.escalation.rules.EscalationStep;
import io.supportsla.schemas.common.CaseSummary;
import io.supportsla.schemas.common.EscalationDocumentation;
import io.supportsla.schemas.common.Recipient;
import io.supportsla.schemas.escalation.EscalationAcknowledged;
import io.supportsla.schemas.escalation.EscalationEvent;
import io.supportsla.schemas.escalation.EscalationRaised;
import io.supportsla.schemas.escalation.EscalationTimedOut;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Turns the rules' facts into the events of {@code support.escalation-events}. Event ids are
 * name-based UUIDs of (escalation, fact, step), so a fact re-decided after a crash carries the
 * same id and consumers' de-duplication recognises it.
 */
public final class EscalationEvents {

    private final AcknowledgementLinks links;

    public EscalationEvents(AcknowledgementLinks links) {
        this.links = Objects.requireNonNull(links, "links");
    }

    public EscalationEvent toEvent(String caseNumber, CaseFacts facts, EscalationFact fact, Instant now) {
        if (fact instanceof EscalationFact.Raised raised) {
            return raised(caseNumber, facts, raised);
        } else if (fact instanceof EscalationFact.TimedOut timedOut) {
            return timedOut(caseNumber, timedOut, now);
        } else if (fact instanceof EscalationFact.Acknowledged acknowledged) {
            return acknowledged(caseNumber, acknowledged);
        }
        throw new IllegalArgumentException("Unknown fact " + fact);
    }

    private EscalationEvent raised(String caseNumber, CaseFacts facts, EscalationFact.Raised raised) {
        Escalation escalation = raised.escalation();
        EscalationStep step = escalation.currentStep();
        EscalationRaised payload = EscalationRaised.newBuilder()
                .setEscalationId(escalation.escalationId())
                .setLevel(escalation.level())
                .setReason(raised.reason())
                .setRegion(escalation.region())
                .setRecipients(recipients(step.recipients()))
                .setChannels(escalation.channels())
                .setCaseSummary(summary(facts))
                .setDocumentation(documentation(escalation.documentation()))
                .setBreachedDeadline(escalation.breachedDeadline())
                .setAcknowledgementUrl(links.linkFor(escalation.escalationId(), step.primaryRecipient().contact().id(),
                        step.notifiedAt()))
                .setAcknowledgeBy(step.acknowledgeBy())
                .setPreviousRecipientRole(raised.previousRecipientRole())
                .build();
        return envelope(caseNumber, escalation, "raised|" + escalation.steps().size(), step.notifiedAt(),
                raised.causationEventId(), payload);
    }

    private EscalationEvent timedOut(String caseNumber, EscalationFact.TimedOut timedOut, Instant now) {
        Escalation escalation = timedOut.escalation();
        EscalationStep step = escalation.currentStep();
        EscalationTimedOut payload = EscalationTimedOut.newBuilder()
                .setEscalationId(escalation.escalationId())
                .setLevel(escalation.level())
                .setAcknowledgeBy(step.acknowledgeBy())
                .setUnacknowledgedRecipients(recipients(step.recipients()))
                .setNextRecipientRole(timedOut.nextRecipientRole())
                .build();
        return envelope(caseNumber, escalation, "timed-out|" + escalation.steps().size(), now, null, payload);
    }

    private EscalationEvent acknowledged(String caseNumber, EscalationFact.Acknowledged acknowledged) {
        Escalation escalation = acknowledged.escalation();
        EscalationAcknowledged payload = EscalationAcknowledged.newBuilder()
                .setEscalationId(escalation.escalationId())
                .setAcknowledgedBy(acknowledged.acknowledgement().by())
                .setAcknowledgedAt(acknowledged.acknowledgement().at())
                .setVia(acknowledged.acknowledgement().via())
                .build();
        return envelope(caseNumber, escalation, "acknowledged", acknowledged.acknowledgement().at(), null, payload);
    }

    private static EscalationEvent envelope(String caseNumber, Escalation escalation, String fact, Instant occurredAt,
            String causationEventId, Object payload) {
        String name = "escalation-service|" + escalation.escalationId() + "|" + fact;
        return EscalationEvent.newBuilder()
                .setEventId(UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString())
                .setOccurredAt(occurredAt)
                .setCaseNumber(caseNumber)
                .setCausationEventId(causationEventId)
                .setPayload(payload)
                .build();
    }

    private static List<Recipient> recipients(List<Addressee> addressees) {
        return addressees.stream()
                .map(addressee -> Recipient.newBuilder()
                        .setName(addressee.contact().name())
                        .setRole(addressee.role())
                        .setEmail(addressee.contact().email())
                        .setPagerRoutingKey(addressee.contact().pagerRoutingKey())
                        .setOffice(addressee.contact().office())
                        .build())
                .toList();
    }

    private static CaseSummary summary(CaseFacts facts) {
        return CaseSummary.newBuilder()
                .setTitle(facts.title())
                .setSeverity(facts.severity())
                .setCategory(facts.category())
                .setCustomerId(facts.customerId())
                .setCustomerName(facts.customerName())
                .setRegion(facts.region())
                .setOpenedAt(facts.openedAt())
                .setConsultant(facts.consultant())
                .build();
    }

    private static EscalationDocumentation documentation(Documentation documentation) {
        if (documentation == null) {
            return null;
        }
        return EscalationDocumentation.newBuilder()
                .setCaseNumbers(documentation.caseNumbers())
                .setIssueDescription(documentation.issueDescription())
                .setProgressToDate(documentation.progressToDate())
                .setCustomerImpact(documentation.customerImpact())
                .setReason(documentation.reason())
                .build();
    }
}
