package io.supportsla.intake.api;

import io.supportsla.intake.cases.ActorRef;
import io.supportsla.intake.cases.SupportCase;
import io.supportsla.schemas.common.Category;
import io.supportsla.schemas.common.Severity;
import java.time.Instant;
import java.util.List;

/**
 * A case as {@code GET /cases/{n}} shows it: its current state and everything that happened to it.
 *
 * @param caseNumber the case number
 * @param status OPEN or RESOLVED
 * @param severity the current severity
 * @param category the current category
 * @param statusUpdateIntervalMinutes the agreed interval between status updates
 * @param opened the case as it was opened
 * @param pointOfContact the consultant who responded first
 * @param firstRespondedAt when the first response was given
 * @param lastStatusUpdateAt when the last status update was given
 * @param hotlineCalls the hotline calls logged
 * @param disagreements the disagreements raised
 * @param resolution the resolution, once resolved
 * @param history every event of the case, oldest first
 */
public record CaseResource(
        String caseNumber,
        String status,
        Severity severity,
        Category category,
        int statusUpdateIntervalMinutes,
        SupportCase.Opening opened,
        ActorRef pointOfContact,
        Instant firstRespondedAt,
        Instant lastStatusUpdateAt,
        List<SupportCase.HotlineCall> hotlineCalls,
        List<SupportCase.Disagreement> disagreements,
        SupportCase.Resolution resolution,
        List<SupportCase.HistoryEntry> history) {

    static CaseResource of(SupportCase supportCase) {
        return new CaseResource(supportCase.number().toString(), status(supportCase), supportCase.severity(), supportCase.category(),
                supportCase.statusUpdateIntervalMinutes(), supportCase.opening(), supportCase.pointOfContact(),
                supportCase.firstRespondedAt(), supportCase.lastStatusUpdateAt(), supportCase.hotlineCalls(),
                supportCase.disagreements(), supportCase.resolution(), supportCase.history());
    }

    static String status(SupportCase supportCase) {
        return supportCase.isResolved() ? "RESOLVED" : "OPEN";
    }
}
