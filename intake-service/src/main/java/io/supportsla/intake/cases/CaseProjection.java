package io.supportsla.intake.cases;

import io.supportsla.intake.casenumbers.CaseNumber;
import io.supportsla.schemas.cases.CaseCreated;
import io.supportsla.schemas.cases.CaseEvent;
import io.supportsla.schemas.cases.CaseResolved;
import io.supportsla.schemas.cases.CaseResponded;
import io.supportsla.schemas.cases.DisagreementRaised;
import io.supportsla.schemas.cases.HotlineCallLogged;
import io.supportsla.schemas.cases.SeverityChanged;
import io.supportsla.schemas.cases.StatusUpdatePosted;
import io.supportsla.schemas.common.Actor;
import java.util.List;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;

/**
 * Folds case events into a {@link SupportCase}, in the order they stand on the topic. Applying an
 * event twice changes nothing (events are recognised by id), so a re-read or a redelivered event
 * is harmless; events of a case that was never created are ignored. The first response in topic
 * order makes its consultant the point of contact, whatever the event's own flag says.
 */
public final class CaseProjection {

    private CaseProjection() {
    }

    /** The case after the event; empty when the event does not apply (no such case, or a payload this version does not know). */
    public static Optional<SupportCase> apply(SupportCase current, CaseEvent event) {
        Object payload = event.getPayload();
        if (payload instanceof CaseCreated created) {
            return Optional.of(current != null ? current : opened(event, created));
        }
        if (current == null) {
            return Optional.empty();
        }
        if (current.hasApplied(event.getEventId())) {
            return Optional.of(current);
        }
        SupportCase next;
        Actor actor;
        if (payload instanceof SeverityChanged changed) {
            next = current.reclassified(changed.getNewSeverity(), changed.getCategory());
            actor = changed.getChangedBy();
        } else if (payload instanceof HotlineCallLogged call) {
            next = current.withHotlineCall(new SupportCase.HotlineCall(call.getCalledAt(), call.getTakenBy(), call.getTakerName(),
                    call.getCallerName(), call.getMessage(), actor(call.getLoggedBy())));
            actor = call.getLoggedBy();
        } else if (payload instanceof CaseResponded responded) {
            next = current.responded(actor(responded.getConsultant()), responded.getRespondedAt());
            actor = responded.getConsultant();
        } else if (payload instanceof StatusUpdatePosted update) {
            next = current.withStatusUpdate(update.getPostedAt(), update.getStatusUpdateIntervalMinutes());
            actor = update.getConsultant();
        } else if (payload instanceof DisagreementRaised raised) {
            next = current.withDisagreement(new SupportCase.Disagreement(raised.getDisagreementId(), event.getOccurredAt(),
                    actor(raised.getRaisedBy()), raised.getPreviousDisagreementId(), raised.getDocumentation().getReason()));
            actor = raised.getRaisedBy();
        } else if (payload instanceof CaseResolved resolved) {
            next = current.resolved(new SupportCase.Resolution(resolved.getResolvedAt(), actor(resolved.getResolvedBy()),
                    resolved.getResolution()));
            actor = resolved.getResolvedBy();
        } else {
            return Optional.empty();
        }
        return Optional.of(next.recorded(entry(event, actor)));
    }

    private static SupportCase opened(CaseEvent event, CaseCreated created) {
        SupportCase.Opening opening = new SupportCase.Opening(created.getSeverity(), created.getCategory(), created.getTitle(),
                created.getDescription(), created.getCustomerId(), created.getCustomerName(), created.getPartnerId(),
                created.getRegion(), actor(created.getOpenedBy()), created.getSubmissionChannel(),
                created.getConfigurationChange(), created.getReceivedAt(), created.getSubmissionId());
        CaseNumber number = CaseNumber.parse(event.getCaseNumber())
                .orElseThrow(() -> new IllegalArgumentException("Not a case number: " + event.getCaseNumber()));
        return new SupportCase(number, created.getSeverity(), created.getCategory(), opening, null, null, null,
                created.getStatusUpdateIntervalMinutes(), List.of(), List.of(), null,
                List.of(entry(event, created.getOpenedBy())));
    }

    private static SupportCase.HistoryEntry entry(CaseEvent event, Actor actor) {
        String type = event.getPayload() instanceof SpecificRecord record ? record.getSchema().getName() : "Unknown";
        return new SupportCase.HistoryEntry(event.getEventId(), type, event.getOccurredAt(), actor(actor));
    }

    private static ActorRef actor(Actor actor) {
        return new ActorRef(actor.getPrincipal(), actor.getOrganisation(), actor.getRole().name());
    }
}
