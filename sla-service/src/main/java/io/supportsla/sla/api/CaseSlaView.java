package io.supportsla.sla.api;

import io.supportsla.calendar.Region;
import io.supportsla.sla.targets.CaseStage;
import io.supportsla.sla.targets.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * {@code GET /api/v1/sla/cases/{n}}: a case's targets, deadlines, time remaining and state.
 * {@code servedBy} is the instance ({@code host:port}) whose state store holds the case.
 */
public record CaseSlaView(
        String caseNumber,
        Severity severity,
        Region region,
        String title,
        String customerName,
        Instant receivedAt,
        CaseStage state,
        String consultant,
        Instant hotlineCallAt,
        Instant firstResponseAt,
        Instant resolvedAt,
        TargetView response,
        TargetView statusUpdate,
        Duration statusUpdateInterval,
        int statusUpdatesMet,
        int statusUpdatesMissed,
        Instant nextDeadline,
        List<TimerView> pendingTimers,
        Instant asOf,
        String servedBy) {
}
