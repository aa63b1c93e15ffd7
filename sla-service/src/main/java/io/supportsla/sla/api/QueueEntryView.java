package io.supportsla.sla.api;

import io.supportsla.calendar.Region;
import io.supportsla.sla.targets.CaseStage;
import io.supportsla.sla.targets.Severity;
import io.supportsla.sla.targets.TargetKind;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;

/**
 * One open case in the queue, with its next deadline: the response target while it is pending,
 * otherwise the next SEV1 status update (none for a responded non-SEV1 case).
 */
public record QueueEntryView(
        int position,
        String caseNumber,
        Severity severity,
        Region region,
        String title,
        String customerName,
        Instant receivedAt,
        CaseStage state,
        TargetKind nextTarget,
        Instant deadline,
        Duration timeToDeadline,
        Duration remainingOnClock) {

    /** SPEC 3.2: SEV1, SEV2, SEV3, END_USER_ISSUE, each in order of receipt. */
    static final Comparator<QueueEntryView> QUEUE_ORDER = Comparator
            .comparing((QueueEntryView e) -> e.severity().queueRank())
            .thenComparing(QueueEntryView::receivedAt)
            .thenComparing(QueueEntryView::caseNumber);

    QueueEntryView at(int newPosition) {
        return new QueueEntryView(newPosition, caseNumber, severity, region, title, customerName, receivedAt, state, nextTarget,
                deadline, timeToDeadline, remainingOnClock);
    }
}
