package io.supportsla.console.view;

import io.supportsla.schemas.sla.SlaTarget;
import io.supportsla.schemas.sla.TargetBasis;
import io.supportsla.schemas.sla.TargetClock;
import io.supportsla.schemas.sla.TargetKind;
import java.time.Instant;

/**
 * One target of a case as the SLA events report it: what must happen by when, and how far it got.
 *
 * @param warningPercent the highest warning threshold reported while pending, 0 for none
 * @param settledAt when it was met or breached; null while pending
 */
public record TargetProgress(TargetKind kind, TargetClock clock, TargetBasis basis, Instant startsAt, int targetMinutes,
        Instant deadline, Status status, int warningPercent, Instant settledAt) {

    /** Whether the target is still to be met, or was met or breached. */
    public enum Status { PENDING, MET, BREACHED }

    static TargetProgress pending(SlaTarget target) {
        return new TargetProgress(target.getKind(), target.getClock(), target.getBasis(), target.getStartsAt(),
                target.getTargetMinutes(), target.getDeadline(), Status.PENDING, 0, null);
    }

    TargetProgress warned(int percent) {
        return new TargetProgress(kind, clock, basis, startsAt, targetMinutes, deadline, status,
                Math.max(warningPercent, percent), settledAt);
    }

    TargetProgress met(Instant at) {
        return new TargetProgress(kind, clock, basis, startsAt, targetMinutes, deadline, Status.MET, warningPercent, at);
    }

    TargetProgress breached(Instant at) {
        return new TargetProgress(kind, clock, basis, startsAt, targetMinutes, deadline, Status.BREACHED, warningPercent, at);
    }

    public boolean isPending() {
        return status == Status.PENDING;
    }
}
