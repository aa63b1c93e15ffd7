package io.supportsla.sla.targets;

/** The kinds of durable timer a case can have pending. */
public enum TimerKind {
    /** A fraction of the response target elapsed: publishes {@code SlaWarning}. */
    RESPONSE_WARNING,
    /** The response deadline: publishes {@code SlaBreached} (RESPONSE). */
    RESPONSE_BREACH,
    /** The configured lead before a status update is due: publishes {@code StatusUpdateDue}. */
    STATUS_UPDATE_REMINDER,
    /** A status update's due time: publishes {@code SlaBreached} (STATUS_UPDATE) and starts the next cycle. */
    STATUS_UPDATE_BREACH,
    /** Housekeeping: deletes a resolved case's state after the retention period; publishes nothing. */
    PURGE
}
