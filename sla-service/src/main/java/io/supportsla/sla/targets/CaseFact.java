package io.supportsla.sla.targets;

import io.supportsla.calendar.Region;
import java.time.Duration;
import java.time.Instant;

/**
 * A case event as the SLA rules see it: only the facts that move a target. Each carries the id of
 * the case event it came from (to ignore duplicates and to name the cause of what follows).
 */
public sealed interface CaseFact {

    String eventId();

    String caseNumber();

    /** A case was opened; its response target counts from {@code receivedAt}. */
    record CaseOpened(String eventId, String caseNumber, Severity severity, Region region, Instant receivedAt,
            Duration statusUpdateInterval, String title, String customerName) implements CaseFact {
    }

    /** Support reclassified the case to {@code newSeverity} at {@code changedAt}. */
    record Reclassified(String eventId, String caseNumber, Severity newSeverity, Instant changedAt) implements CaseFact {
    }

    /** A hotline call about the case was logged. */
    record HotlineCalled(String eventId, String caseNumber, Instant calledAt) implements CaseFact {
    }

    /** A consultant responded; only the case's first response counts for the response target. */
    record Responded(String eventId, String caseNumber, Instant respondedAt, String consultant) implements CaseFact {
    }

    /** A consultant posted a status update, possibly agreeing a new interval (null keeps the current one). */
    record StatusUpdated(String eventId, String caseNumber, Instant postedAt, String consultant, Duration newInterval)
            implements CaseFact {
    }

    /** The case was resolved: every timer stops. */
    record Resolved(String eventId, String caseNumber, Instant resolvedAt) implements CaseFact {
    }
}
