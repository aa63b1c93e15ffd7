package io.supportsla.sla.api;

import io.supportsla.sla.targets.TargetBasis;
import io.supportsla.sla.targets.TargetClock;
import io.supportsla.sla.targets.TargetKind;
import io.supportsla.sla.targets.TargetStatus;
import java.time.Duration;
import java.time.Instant;

/**
 * One target as the API shows it. {@code timeToDeadline} is wall-clock time until the deadline
 * (negative once passed); {@code remainingOnClock} is what is left on the target's own clock
 * (business time for business-time targets; zero once passed). Both are null once the target is
 * settled. {@code updateNumber} is set for status updates.
 */
public record TargetView(
        TargetKind kind,
        TargetStatus status,
        TargetClock clock,
        TargetBasis basis,
        Instant startsAt,
        long targetMinutes,
        Instant deadline,
        Instant settledAt,
        Integer updateNumber,
        Duration timeToDeadline,
        Duration remainingOnClock) {
}
