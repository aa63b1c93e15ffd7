package io.supportsla.sla.api;

import io.supportsla.sla.targets.TimerKind;
import java.time.Instant;

/** A timer still to fire; {@code thresholdPercent} for warnings, {@code updateNumber} for status updates, otherwise null. */
public record TimerView(TimerKind kind, Instant dueAt, Integer thresholdPercent, Integer updateNumber) {
}
