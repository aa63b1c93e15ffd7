package io.supportsla.benchmarks.timers;

import io.supportsla.benchmarks.report.Latency;
import io.supportsla.benchmarks.report.Row;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The figures of the SLA timers part, written to {@code sla-timers.json}.
 *
 * @param serviceStartSeconds from spawning sla-service to its readiness, empty topics
 * @param load loading the pending timers
 * @param burst many timers due at one instant
 * @param steady timers due at a steady rate
 * @param restarts the restarts, one per mode
 * @param exactlyOnce every due timer fired exactly once, and nothing else fired
 * @param peakHeapUsedBytes the largest heap use sampled (every second) over the whole part
 * @param peakResidentBytes the largest resident set sampled over the whole part
 */
public record SlaTimerResult(String serviceHeap, int streamThreads, double serviceStartSeconds, Load load, Burst burst,
                             Steady steady, List<Restart> restarts, ExactlyOnce exactlyOnce, long peakHeapUsedBytes,
                             long peakResidentBytes, boolean full) {

    /** Issue 8's targets for the full size. */
    public static final long TARGET_PENDING = 1_000_000;
    public static final double TARGET_FIRED_PER_SECOND = 20_000;
    public static final double TARGET_LAG_P99_MS = 1_000;
    public static final double TARGET_RESUME_SECONDS = 30;

    /**
     * @param timers pending timers loaded (one SEV1 response target per case)
     * @param produceSeconds how long the feed took to have them all acknowledged by the broker
     * @param loadSeconds from the first record sent to sla-service having committed the last one
     * @param pendingReported what the service's {@code sla_timers_pending} said afterwards
     * @param heapUsedAfterGcBytes heap in use after a full collection ({@code jcmd GC.run}), with every timer loaded
     * @param heapCommittedBytes heap committed at that moment
     * @param residentBytes the process's resident set at that moment (heap + RocksDB's native memory + the rest)
     */
    public record Load(long timers, double produceSeconds, double loadSeconds, double timersPerSecond, long pendingReported,
                       long heapUsedAfterGcBytes, long heapCommittedBytes, long residentBytes) {
    }

    /**
     * @param timers timers due at the same instant
     * @param loadedBeforeDeadline whether the service had loaded them all before they fell due
     * @param firedPerSecond {@code timers} / (last one visible on the topic - the deadline)
     * @param firstVisibleAfterSeconds the deadline to the first one visible on the topic
     * @param lastVisibleAfterSeconds the deadline to the last one visible on the topic
     * @param lag the deadline to each one visible on the topic
     */
    public record Burst(long timers, boolean loadedBeforeDeadline, double firedPerSecond, double firstVisibleAfterSeconds,
                        double lastVisibleAfterSeconds, Latency lag) {
    }

    /**
     * @param ratePerSecond timers due per second
     * @param seconds for how long
     * @param loadedBeforeFirstDeadline whether the service had loaded them all before the first fell due
     * @param lag deadline to {@code SlaBreached} visible on the topic (read_committed)
     * @param firingLateness deadline to the punctuation that fired it ({@code breachedAt}), the part of the lag inside the service before the commit
     */
    public record Steady(int ratePerSecond, double seconds, long timers, boolean loadedBeforeFirstDeadline, Latency lag,
                         Latency firingLateness) {
    }

    /**
     * @param mode GRACEFUL (SIGTERM) or KILL (SIGKILL)
     * @param timers timers due around the restart
     * @param firedBeforeStop of them, fired by the old process before it was stopped
     * @param stopSeconds from the stop request to the process having exited
     * @param startToReadySeconds from spawning the new process to its readiness
     * @param startToResumeSeconds from spawning the new process to its first {@code SlaBreached} visible on the topic
     * @param stopToResumeSeconds from the stop request to that first breach: how long firing stopped
     * @param catchUpSeconds from that first breach to the last of the timers due around the restart
     * @param pendingAfterRestart what {@code sla_timers_pending} said once everything due had fired (should be the pending count)
     */
    public record Restart(String mode, long timers, long firedBeforeStop, double stopSeconds, double startToReadySeconds,
                          double startToResumeSeconds, double stopToResumeSeconds, double catchUpSeconds,
                          long pendingAfterRestart) {
    }

    /**
     * @param dueTimers timers that fell due during the part (burst, steady, restarts)
     * @param firedOnce of them, fired exactly once
     * @param missing of them, never fired
     * @param doubled of them, fired more than once
     * @param pendingFired timers not due that fired anyway
     * @param unknownFired breaches of cases the benchmark never opened
     * @param deadLetters records on {@code support.case-events.dlq}
     */
    public record ExactlyOnce(long dueTimers, long firedOnce, long missing, long doubled, long pendingFired, long unknownFired,
                              long deadLetters) {

        public boolean holds() {
            return firedOnce == dueTimers && missing == 0 && doubled == 0 && pendingFired == 0 && unknownFired == 0
                    && deadLetters == 0;
        }
    }

    public List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        rows.add(Row.of("service heap limit / stream threads", "-Xmx" + serviceHeap + " / " + streamThreads));
        rows.add(full
                ? Row.against("pending timers loaded", number(load.timers()), ">= 1,000,000 in 1 GiB",
                        load.timers() >= TARGET_PENDING && load.pendingReported() == load.timers())
                : Row.of("pending timers loaded", number(load.timers())));
        rows.add(Row.of("time to load them", String.format(Locale.ROOT, "%.1f s (%s timers/s)", load.loadSeconds(),
                number(load.timersPerSecond()))));
        rows.add(Row.of("heap used after full GC / committed", mib(load.heapUsedAfterGcBytes()) + " / " + mib(load.heapCommittedBytes())));
        rows.add(Row.of("peak heap used (sampled) / RSS", mib(peakHeapUsedBytes) + " / " + mib(peakResidentBytes)));
        rows.add(full
                ? Row.against("fired per second, " + number(burst.timers()) + " due at once", number(burst.firedPerSecond()),
                        ">= 20,000", burst.firedPerSecond() >= TARGET_FIRED_PER_SECOND)
                : Row.of("fired per second, " + number(burst.timers()) + " due at once", number(burst.firedPerSecond())));
        rows.add(Row.of("burst: deadline to first / last visible",
                String.format(Locale.ROOT, "%.2f s / %.2f s", burst.firstVisibleAfterSeconds(), burst.lastVisibleAfterSeconds())));
        rows.add(Row.of("firing lag at " + number(steady.ratePerSecond()) + "/s p50 / p99 / p99.9 / max", steady.lag().summary()));
        rows.add(full
                ? Row.against("firing lag p99 at " + number(steady.ratePerSecond()) + "/s",
                        String.format(Locale.ROOT, "%.0f ms", steady.lag().p99Ms()), "< 1 s",
                        steady.lag().p99Ms() < TARGET_LAG_P99_MS)
                : Row.of("firing lag p99 at " + number(steady.ratePerSecond()) + "/s",
                        String.format(Locale.ROOT, "%.0f ms", steady.lag().p99Ms())));
        rows.add(Row.of("  of which deadline to punctuation p50 / p99", String.format(Locale.ROOT, "%.0f / %.0f ms",
                steady.firingLateness().p50Ms(), steady.firingLateness().p99Ms())));
        for (Restart restart : restarts) {
            String name = "restart (" + restart.mode().toLowerCase(Locale.ROOT) + "): stop to firing resumed";
            String value = String.format(Locale.ROOT, "%.1f s (stop %.1f, start to ready %.1f, to firing %.1f)",
                    restart.stopToResumeSeconds(), restart.stopSeconds(), restart.startToReadySeconds(),
                    restart.startToResumeSeconds());
            rows.add(full ? Row.against(name, value, "<= 30 s", restart.stopToResumeSeconds() <= TARGET_RESUME_SECONDS)
                    : Row.of(name, value));
        }
        rows.add(Row.against("due timers fired exactly once", exactlyOnce.firedOnce() + " of " + exactlyOnce.dueTimers(),
                "all", exactlyOnce.firedOnce() == exactlyOnce.dueTimers()));
        rows.add(Row.against("missing / doubled / not due but fired", exactlyOnce.missing() + " / " + exactlyOnce.doubled() + " / "
                + (exactlyOnce.pendingFired() + exactlyOnce.unknownFired()), "0 / 0 / 0",
                exactlyOnce.missing() + exactlyOnce.doubled() + exactlyOnce.pendingFired() + exactlyOnce.unknownFired() == 0));
        rows.add(Row.against("dead letters", Long.toString(exactlyOnce.deadLetters()), "0", exactlyOnce.deadLetters() == 0));
        return rows;
    }

    static String number(double value) {
        return String.format(Locale.ROOT, "%,.0f", value);
    }

    static String mib(long bytes) {
        return bytes < 0 ? "unknown" : String.format(Locale.ROOT, "%,.0f MiB", bytes / 1048576.0);
    }
}
