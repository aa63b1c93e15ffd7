package io.supportsla.sla.targets;

import io.supportsla.calendar.Region;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One target of a case: what must happen ({@code kind}) by when ({@code deadline}), counted on
 * which clock from which instant, and for how long on that clock.
 */
public record Target(
        TargetKind kind,
        Severity severity,
        Region region,
        TargetClock clock,
        TargetBasis basis,
        Instant startsAt,
        Duration length,
        Instant deadline) {

    public Target {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(basis, "basis");
        Objects.requireNonNull(startsAt, "startsAt");
        Objects.requireNonNull(length, "length");
        Objects.requireNonNull(deadline, "deadline");
        if (deadline.isBefore(startsAt)) {
            throw new IllegalArgumentException("deadline " + deadline + " is before the start " + startsAt);
        }
    }
}
