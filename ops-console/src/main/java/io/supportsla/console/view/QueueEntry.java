package io.supportsla.console.view;

import io.supportsla.schemas.common.Category;
import io.supportsla.schemas.common.Region;
import io.supportsla.schemas.common.Severity;
import java.time.Instant;
import java.util.Comparator;

/**
 * One case as the queue lists it.
 *
 * @param severity the current severity (after any reclassification)
 * @param receivedAt when intake received the case: its place in the queue
 * @param countdown the deadline its countdown runs to, or null when nothing is due
 * @param warningPercent the response target's highest warning threshold reached, 0 for none
 * @param pointOfContact the consultant who responded first, or null
 * @param missedStatusUpdates SEV1 status updates missed so far
 */
public record QueueEntry(String caseNumber, Severity severity, Category category, String title, String customerId,
        String customerName, String partnerId, Region region, Instant receivedAt, CaseState state, Countdown countdown,
        int warningPercent, String pointOfContact, int missedStatusUpdates, Instant resolvedAt) {

    /** SPEC 3.2: SEV1, SEV2, SEV3, END_USER_ISSUE (the enum's order), each in order of receipt. */
    public static final Comparator<QueueEntry> QUEUE_ORDER = Comparator.comparing(QueueEntry::severity)
            .thenComparing(QueueEntry::receivedAt)
            .thenComparing(QueueEntry::caseNumber);

    public boolean isResolved() {
        return state == CaseState.RESOLVED;
    }
}
