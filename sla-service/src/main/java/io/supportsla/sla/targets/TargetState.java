package io.supportsla.sla.targets;

import java.time.Instant;
import java.util.Objects;

/** A target and how it stands; {@code settledAt} is when it was met, breached or stopped (null while pending). */
public record TargetState(Target target, TargetStatus status, Instant settledAt) {

    public TargetState {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(status, "status");
    }

    static TargetState pending(Target target) {
        return new TargetState(target, TargetStatus.PENDING, null);
    }

    TargetState settled(TargetStatus outcome, Instant at) {
        return new TargetState(target, outcome, at);
    }

    boolean isPending() {
        return status == TargetStatus.PENDING;
    }
}
