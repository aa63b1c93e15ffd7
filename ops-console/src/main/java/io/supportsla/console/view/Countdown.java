package io.supportsla.console.view;

import io.supportsla.schemas.sla.TargetKind;
import java.time.Duration;
import java.time.Instant;

/**
 * The deadline a case's countdown runs to: the response deadline while the first response is
 * outstanding (past it, the countdown goes negative until someone responds), then the next SEV1
 * status update's.
 */
public record Countdown(TargetKind kind, Instant deadline) {

    public Duration remaining(Instant now) {
        return Duration.between(now, deadline);
    }

    public boolean isOverdue(Instant now) {
        return !now.isBefore(deadline);
    }

    /** A label for what is due. */
    public String label() {
        return kind == TargetKind.RESPONSE ? "response" : "status update";
    }
}
