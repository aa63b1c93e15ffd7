package io.supportsla.sla.targets;

import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;

/**
 * A timer waiting to fire: its kind, when it is due, and for warnings the threshold, for status
 * updates the update number (otherwise 0).
 */
public record PendingTimer(TimerKind kind, Instant dueAt, int thresholdPercent, int updateNumber) {

    /** Firing order: by due instant, then in the order of {@link TimerKind}. */
    public static final Comparator<PendingTimer> BY_DUE_TIME =
            Comparator.comparing(PendingTimer::dueAt).thenComparing(PendingTimer::kind);

    public PendingTimer {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(dueAt, "dueAt");
    }

    static PendingTimer warning(Instant dueAt, int thresholdPercent) {
        return new PendingTimer(TimerKind.RESPONSE_WARNING, dueAt, thresholdPercent, 0);
    }

    static PendingTimer responseBreach(Instant dueAt) {
        return new PendingTimer(TimerKind.RESPONSE_BREACH, dueAt, 0, 0);
    }

    static PendingTimer statusUpdateReminder(Instant dueAt, int updateNumber) {
        return new PendingTimer(TimerKind.STATUS_UPDATE_REMINDER, dueAt, 0, updateNumber);
    }

    static PendingTimer statusUpdateBreach(Instant dueAt, int updateNumber) {
        return new PendingTimer(TimerKind.STATUS_UPDATE_BREACH, dueAt, 0, updateNumber);
    }

    static PendingTimer purge(Instant dueAt) {
        return new PendingTimer(TimerKind.PURGE, dueAt, 0, 0);
    }

    boolean isResponseTimer() {
        return kind == TimerKind.RESPONSE_WARNING || kind == TimerKind.RESPONSE_BREACH;
    }

    boolean isStatusUpdateTimer() {
        return kind == TimerKind.STATUS_UPDATE_REMINDER || kind == TimerKind.STATUS_UPDATE_BREACH;
    }

    boolean isDueAt(Instant now) {
        return !dueAt.isAfter(now);
    }
}
