package io.supportsla.sla.targets;

import java.util.Objects;
import java.time.Instant;

/**
 * One outcome to publish. {@code firedTimer} and {@code scheduledFor} are set when a timer fired
 * it (for the firing-lag metric and a stable event id), and null when a case event caused it.
 */
public record Emission(SlaOutcome outcome, TimerKind firedTimer, Instant scheduledFor) {

    public Emission {
        Objects.requireNonNull(outcome, "outcome");
        if ((firedTimer == null) != (scheduledFor == null)) {
            throw new IllegalArgumentException("firedTimer and scheduledFor go together");
        }
    }

    static Emission caused(SlaOutcome outcome) {
        return new Emission(outcome, null, null);
    }

    static Emission fired(SlaOutcome outcome, PendingTimer timer) {
        return new Emission(outcome, timer.kind(), timer.dueAt());
    }

    public boolean isFiredByTimer() {
        return firedTimer != null;
    }
}
