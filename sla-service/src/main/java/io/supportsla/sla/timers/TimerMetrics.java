package io.supportsla.sla.timers;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.supportsla.sla.targets.CaseSla;
import io.supportsla.sla.targets.PendingTimer;
import io.supportsla.sla.targets.TimerKind;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The timers' Micrometer meters:
 * <ul>
 * <li>{@code sla.timers.pending{kind}}: timers waiting to fire in this instance's tasks;</li>
 * <li>{@code sla.timers.fired{kind}}: timers fired;</li>
 * <li>{@code sla.timers.firing.lag{kind}}: from a timer's due instant to its event being handed
 *     to the (transactional) producer;</li>
 * <li>{@code sla.case.events.dead.lettered}: case events sent to the dead-letter topic.</li>
 * </ul>
 * Pending counts are kept per task: recounted from the store when a task starts (after restore)
 * and adjusted on every change, so they follow tasks across rebalances.
 */
public final class TimerMetrics {

    private final MeterRegistry registry;
    private final Map<String, Map<TimerKind, AtomicLong>> pendingByTask = new ConcurrentHashMap<>();
    private final Map<TimerKind, Counter> fired = new EnumMap<>(TimerKind.class);
    private final Map<TimerKind, Timer> lag = new EnumMap<>(TimerKind.class);
    private final Counter deadLettered;

    public TimerMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (TimerKind kind : TimerKind.values()) {
            String tag = tag(kind);
            Gauge.builder("sla.timers.pending", this, metrics -> metrics.pending(kind))
                    .description("Timers waiting to fire in this instance's tasks")
                    .tag("kind", tag)
                    .register(registry);
            fired.put(kind, Counter.builder("sla.timers.fired")
                    .description("Timers fired")
                    .tag("kind", tag)
                    .register(registry));
            lag.put(kind, Timer.builder("sla.timers.firing.lag")
                    .description("Delay from a timer's due instant to its event being published")
                    .tag("kind", tag)
                    .publishPercentiles(0.5, 0.99)
                    .register(registry));
        }
        deadLettered = Counter.builder("sla.case.events.dead.lettered")
                .description("Case events that could not be decoded or processed and went to the dead-letter topic")
                .register(registry);
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** A task (re)started: its pending timers as counted from its restored store. */
    public void taskStarted(String taskId, Map<TimerKind, Long> pending) {
        Map<TimerKind, AtomicLong> counts = new EnumMap<>(TimerKind.class);
        for (TimerKind kind : TimerKind.values()) {
            counts.put(kind, new AtomicLong(pending.getOrDefault(kind, 0L)));
        }
        pendingByTask.put(taskId, counts);
    }

    /** A task closed (revoked or shut down): its timers are no longer this instance's. */
    public void taskClosed(String taskId) {
        pendingByTask.remove(taskId);
    }

    public void stateChanged(String taskId, CaseSla before, CaseSla after) {
        Map<TimerKind, AtomicLong> counts = pendingByTask.get(taskId);
        if (counts == null) {
            return;
        }
        if (before != null) {
            for (PendingTimer timer : before.timers()) {
                counts.get(timer.kind()).decrementAndGet();
            }
        }
        if (after != null) {
            for (PendingTimer timer : after.timers()) {
                counts.get(timer.kind()).incrementAndGet();
            }
        }
    }

    public void fired(TimerKind kind, Duration firingLag) {
        fired.get(kind).increment();
        lag.get(kind).record(firingLag.isNegative() ? Duration.ZERO : firingLag);
    }

    public void deadLettered() {
        deadLettered.increment();
    }

    double pending(TimerKind kind) {
        return pendingByTask.values().stream().mapToLong(counts -> counts.get(kind).get()).sum();
    }

    private static String tag(TimerKind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }
}
