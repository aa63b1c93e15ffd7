package io.supportsla.escalation.rules;

import io.supportsla.schemas.common.Severity;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * How long a recipient has to acknowledge before the escalation passes on (SPEC 3.4): by default
 * 15 minutes on SEV1 and 2 hours otherwise.
 *
 * @param otherwise the timeout of severities without their own
 * @param bySeverity timeouts of particular severities
 */
public record AcknowledgementTimeouts(Duration otherwise, Map<Severity, Duration> bySeverity) {

    public static final AcknowledgementTimeouts DEFAULTS =
            new AcknowledgementTimeouts(Duration.ofHours(2), Map.of(Severity.SEV1, Duration.ofMinutes(15)));

    public AcknowledgementTimeouts {
        requirePositive(Objects.requireNonNull(otherwise, "otherwise"), "the default acknowledgement timeout");
        Map<Severity, Duration> copy = new EnumMap<>(Severity.class);
        Objects.requireNonNull(bySeverity, "bySeverity").forEach((severity, timeout) ->
                copy.put(severity, requirePositive(timeout, "the acknowledgement timeout of " + severity)));
        bySeverity = Map.copyOf(copy);
    }

    public Duration forSeverity(Severity severity) {
        return bySeverity.getOrDefault(severity, otherwise);
    }

    private static Duration requirePositive(Duration timeout, String what) {
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException(what + " must be positive; was " + timeout);
        }
        return timeout;
    }
}
