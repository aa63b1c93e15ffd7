package io.supportsla.sla.streams;

import io.supportsla.calendar.Region;
import io.supportsla.schemas.cases.CaseCreated;
import io.supportsla.schemas.cases.CaseEvent;
import io.supportsla.schemas.cases.CaseResolved;
import io.supportsla.schemas.cases.CaseResponded;
import io.supportsla.schemas.cases.HotlineCallLogged;
import io.supportsla.schemas.cases.SeverityChanged;
import io.supportsla.schemas.cases.StatusUpdatePosted;
import io.supportsla.sla.targets.CaseFact;
import io.supportsla.sla.targets.Severity;
import java.time.Duration;
import java.util.Optional;

/**
 * Translates a {@code support.case-events} envelope into the {@link CaseFact} the rules understand.
 * Events that do not move a target (a disagreement, or a payload record this version does not know)
 * translate to nothing. The record key must equal the envelope's case number.
 */
public final class CaseEventTranslator {

    public Optional<CaseFact> toFact(String key, CaseEvent event) {
        if (!key.equals(event.getCaseNumber())) {
            throw new UndecodableCaseEventException("record key '" + key + "' differs from the event's case number '"
                    + event.getCaseNumber() + "'");
        }
        String id = event.getEventId();
        String caseNumber = event.getCaseNumber();
        Object payload = event.getPayload();
        if (payload instanceof CaseCreated created) {
            return Optional.of(new CaseFact.CaseOpened(id, caseNumber, severity(created.getSeverity()),
                    region(created.getRegion()), created.getReceivedAt(),
                    Duration.ofMinutes(created.getStatusUpdateIntervalMinutes()),
                    created.getTitle(), created.getCustomerName()));
        }
        if (payload instanceof SeverityChanged changed) {
            return Optional.of(new CaseFact.Reclassified(id, caseNumber, severity(changed.getNewSeverity()),
                    changed.getChangedAt()));
        }
        if (payload instanceof HotlineCallLogged call) {
            return Optional.of(new CaseFact.HotlineCalled(id, caseNumber, call.getCalledAt()));
        }
        if (payload instanceof CaseResponded responded) {
            return Optional.of(new CaseFact.Responded(id, caseNumber, responded.getRespondedAt(),
                    responded.getConsultant().getPrincipal()));
        }
        if (payload instanceof StatusUpdatePosted update) {
            Integer minutes = update.getStatusUpdateIntervalMinutes();
            return Optional.of(new CaseFact.StatusUpdated(id, caseNumber, update.getPostedAt(),
                    update.getConsultant().getPrincipal(), minutes == null ? null : Duration.ofMinutes(minutes)));
        }
        if (payload instanceof CaseResolved resolved) {
            return Optional.of(new CaseFact.Resolved(id, caseNumber, resolved.getResolvedAt()));
        }
        return Optional.empty();
    }

    static Severity severity(io.supportsla.schemas.common.Severity severity) {
        return Severity.valueOf(severity.name());
    }

    static Region region(io.supportsla.schemas.common.Region region) {
        return Region.valueOf(region.name());
    }
}
