package io.supportsla.benchmarks.timers;

import static org.awaitility.Awaitility.await;

import io.supportsla.benchmarks.BenchmarkSettings;
import io.supportsla.benchmarks.Infrastructure;
import io.supportsla.benchmarks.Profiling;
import io.supportsla.benchmarks.report.Latency;
import io.supportsla.schemas.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Part 2: sla-service's durable timers on one instance, run as its own JVM with {@code -Xmx1g}
 * from its executable jar, fed {@code CaseCreated} events directly on {@code support.case-events}
 * and watched on {@code support.sla-events}. In order, on one broker and one service state:
 * <ol>
 *   <li><b>load</b>: N timers far in the future; the time until the service has committed them
 *   all, then heap after a full GC and the resident set;</li>
 *   <li><b>burst</b>: B more timers all due at one instant, loaded before it; fired per second (after an
 *   unmeasured smaller burst, so that the firing path is compiled);</li>
 *   <li><b>steady</b>: R timers due per second for T seconds; lag from each deadline to its
 *   {@code SlaBreached} visible to a {@code read_committed} consumer;</li>
 *   <li><b>restart</b>, per mode: timers due every 1/r s around a stop and start of the service
 *   on the same state directory; the time until firing resumes;</li>
 * </ol>
 * and throughout, every due timer fires exactly once and no pending one fires. The N pending timers
 * stay loaded during the burst, steady and restart phases. Each case is a SEV1 without a call, so
 * it carries exactly one timer (its response breach): warnings are switched off, which makes one
 * timer one case, one state entry and one index entry (with the default three warnings, a case
 * holds four timers in one entry). The service's timer settings are its defaults.
 */
public final class SlaTimerBenchmark {

    private static final Logger log = LoggerFactory.getLogger(SlaTimerBenchmark.class);

    /** The SEV1 case-only target the service is configured with: far enough that pending timers never fall due. */
    static final Duration TARGET = Duration.ofHours(24);
    static final String GROUP = "sla-service";
    /** Kafka Streams' default; the service does not set it. */
    static final int STREAM_THREADS = 1;
    private static final String DEAD_LETTERS = Topics.CASE_EVENTS.name() + ".dlq";
    private static final Duration MIN_LEAD = Duration.ofSeconds(3);

    private final BenchmarkSettings settings;
    private final BenchmarkSettings.Timers timers;
    private final Path output;
    private SlaServiceProcess service;
    private int launches;
    private long nextSequence = 1;
    private double loadRatePerSecond;

    public SlaTimerBenchmark(BenchmarkSettings settings) {
        this.settings = settings;
        this.timers = settings.timers();
        this.output = settings.output();
    }

    public SlaTimerResult run() throws InterruptedException {
        try (Infrastructure infrastructure = Infrastructure.start();
                Profiling profiling = Profiling.start(settings.jfr(), output.resolve("sla-timers-harness.jfr"))) {
            infrastructure.createTopic(Topics.CASE_EVENTS.name(), 6, Map.of("retention.ms", "-1"));
            infrastructure.createTopic(Topics.SLA_EVENTS.name(), 6, Map.of());
            Path stateDirectory = output.resolve("sla-service-state");
            deleteRecursively(stateDirectory);
            Files.deleteIfExists(output.resolve("sla-service.log"));
            Map<String, String> serviceSettings = serviceSettings(infrastructure, stateDirectory);
            int port = SlaServiceProcess.freePort();
            PeakSampler peaks = new PeakSampler();
            try (CaseFeed feed = new CaseFeed(infrastructure.bootstrapServers(), infrastructure.registryUrl(), TARGET);
                    TopicOffsets offsets = new TopicOffsets(infrastructure.bootstrapServers())) {
                long spawned = System.nanoTime();
                service = launch(serviceSettings, port);
                service.awaitReady(Duration.ofMinutes(3));
                double startSeconds = seconds(System.nanoTime() - spawned);
                log.info("sla-service (pid {}, -Xmx{}) ready in {} s", service.pid(), timers.serviceHeap(), round(startSeconds));
                peaks.start(() -> service);

                SlaTimerResult.Load load = load(feed, offsets);
                try (BreachWatcher watcher = new BreachWatcher(infrastructure.bootstrapServers(), infrastructure.registryUrl())) {
                    Ranges ranges = new Ranges(1, 1 + load.timers());
                    if (timers.warmupBurst() > 0) {
                        // Fire once before measuring: the load exercised only the intake path, not the punctuator's.
                        log.info("Warm-up burst: {} timers, not measured", timers.warmupBurst());
                        burst(timers.warmupBurst(), feed, offsets, watcher, ranges);
                    }
                    SlaTimerResult.Burst burst = burst(timers.burst(), feed, offsets, watcher, ranges);
                    SlaTimerResult.Steady steady = steady(feed, offsets, watcher, ranges);
                    List<SlaTimerResult.Restart> restarts = new ArrayList<>();
                    for (BenchmarkSettings.RestartMode mode : timers.restartModes()) {
                        restarts.add(restart(mode, feed, offsets, watcher, ranges, serviceSettings, port));
                    }
                    SlaTimerResult.ExactlyOnce exactlyOnce = exactlyOnce(offsets, watcher, ranges);
                    peaks.stop();
                    return new SlaTimerResult(timers.serviceHeap(), STREAM_THREADS, startSeconds, load, burst, steady, restarts,
                            exactlyOnce, peaks.heapUsed.get(), peaks.resident.get(),
                            settings.size() == BenchmarkSettings.Size.FULL);
                }
            } finally {
                peaks.stop();
                if (service != null) {
                    service.close();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The service's settings: this broker and registry, a state directory of its own, a long SEV1 target, no warnings. */
    private static Map<String, String> serviceSettings(Infrastructure infrastructure, Path stateDirectory) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("spring.kafka.bootstrap-servers", infrastructure.bootstrapServers());
        settings.put("schema.registry.url", infrastructure.registryUrl());
        settings.put("spring.cloud.stream.kafka.streams.binder.configuration.state.dir", stateDirectory.toAbsolutePath().toString());
        settings.put("support.sla.targets.sev1-case-only", TARGET.toHours() + "h");
        settings.put("support.sla.warnings.percentages", "");
        return settings;
    }

    private SlaServiceProcess launch(Map<String, String> serviceSettings, int port) {
        launches++;
        List<String> jvmOptions = settings.jfr()
                ? List.of(Profiling.jvmOption(output.resolve("sla-service-" + launches + ".jfr")))
                : List.of();
        return SlaServiceProcess.start(new SlaServiceProcess.Launch(timers.serviceJar(), timers.serviceHeap(), jvmOptions,
                serviceSettings, port, output.resolve("sla-service.log")));
    }

    /** The sequence numbers each phase used, to check what fired against what was due. */
    private static final class Ranges {
        final long pendingFrom;
        final long pendingTo;
        final List<long[]> due = new ArrayList<>();

        Ranges(long pendingFrom, long pendingTo) {
            this.pendingFrom = pendingFrom;
            this.pendingTo = pendingTo;
        }

        long dueCount() {
            return due.stream().mapToLong(range -> range[1] - range[0]).sum();
        }

        boolean isDue(long sequence) {
            return due.stream().anyMatch(range -> sequence >= range[0] && sequence < range[1]);
        }
    }

    private long[] allocate(long count) {
        long[] range = {nextSequence, nextSequence + count};
        nextSequence += count;
        return range;
    }

    // ---------------------------------------------------------------------------------------- load

    private SlaTimerResult.Load load(CaseFeed feed, TopicOffsets offsets) throws InterruptedException {
        long[] range = allocate(timers.pending());
        log.info("Loading {} pending timers", timers.pending());
        long started = System.nanoTime();
        Instant deadline = Instant.now().plus(TARGET);
        feed.send(range[0], range[1], sequence -> deadline);
        double produceSeconds = seconds(System.nanoTime() - started);
        awaitLoaded(offsets, Duration.ofMinutes(5).plusMillis(timers.pending()));
        double loadSeconds = seconds(System.nanoTime() - started);
        loadRatePerSecond = timers.pending() / loadSeconds;
        log.info("Loaded {} timers in {} s (sent in {} s)", timers.pending(), round(loadSeconds), round(produceSeconds));
        service.collectGarbage();
        SlaServiceProcess.Metrics metrics = service.metrics();
        return new SlaTimerResult.Load(timers.pending(), produceSeconds, loadSeconds, loadRatePerSecond,
                (long) metrics.sum("sla_timers_pending", null),
                (long) metrics.sum("jvm_memory_used_bytes", "area=\"heap\""),
                (long) metrics.sum("jvm_memory_committed_bytes", "area=\"heap\""),
                service.residentBytes());
    }

    /** Waits until the service's group has committed everything on {@code support.case-events}. */
    private void awaitLoaded(TopicOffsets offsets, Duration atMost) {
        await("sla-service to commit every case event").dontCatchUncaughtExceptions()
                .atMost(atMost).pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    requireAlive();
                    return offsets.lag(GROUP, Topics.CASE_EVENTS.name()) == 0;
                });
    }

    private void requireAlive() {
        if (!service.isAlive()) {
            throw new IllegalStateException("sla-service exited; see " + service.launch().log());
        }
    }

    /** How long ahead to set deadlines so that the service has loaded {@code count} timers before the first falls due. */
    private Duration leadFor(long count) {
        long millis = (long) (count / loadRatePerSecond * 1_500) + 2_000;
        return Duration.ofMillis(Math.max(millis, MIN_LEAD.toMillis()));
    }

    // --------------------------------------------------------------------------------------- burst

    private SlaTimerResult.Burst burst(int size, CaseFeed feed, TopicOffsets offsets, BreachWatcher watcher, Ranges ranges)
            throws InterruptedException {
        long[] range = allocate(size);
        ranges.due.add(range);
        Instant deadline = Instant.now().plus(leadFor(size));
        log.info("Burst: {} timers due at {}", size, deadline);
        feed.send(range[0], range[1], sequence -> deadline);
        awaitLoaded(offsets, Duration.ofMinutes(5));
        boolean loadedInTime = Instant.now().isBefore(deadline);
        awaitFired(watcher, range, Duration.between(Instant.now(), deadline).plusMinutes(2).plusMillis(size * 5L));
        Histogram lag = Latency.newHistogram();
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (long sequence = range[0]; sequence < range[1]; sequence++) {
            long seenAt = watcher.seen(sequence).seenAtMs;
            Latency.recordMillis(lag, seenAt - deadline.toEpochMilli());
            first = Math.min(first, seenAt);
            last = Math.max(last, seenAt);
        }
        double lastAfter = (last - deadline.toEpochMilli()) / 1000.0;
        return new SlaTimerResult.Burst(size, loadedInTime, size / lastAfter,
                (first - deadline.toEpochMilli()) / 1000.0, lastAfter, Latency.of(lag));
    }

    private void awaitFired(BreachWatcher watcher, long[] range, Duration atMost) {
        long expected = range[1] - range[0];
        await("every timer of " + range[0] + ".." + (range[1] - 1) + " to fire").dontCatchUncaughtExceptions()
                .atMost(atMost)
                .pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    requireAlive();
                    return watcher.countSeen(range[0], range[1]) == expected;
                });
    }

    // -------------------------------------------------------------------------------------- steady

    private SlaTimerResult.Steady steady(CaseFeed feed, TopicOffsets offsets, BreachWatcher watcher, Ranges ranges)
            throws InterruptedException {
        int rate = timers.steadyRatePerSecond();
        long count = rate * timers.steadyDuration().toSeconds();
        long[] range = allocate(count);
        ranges.due.add(range);
        long start = Instant.now().plus(leadFor(count)).toEpochMilli();
        log.info("Steady: {} timers due per second for {} from {}", rate, timers.steadyDuration(), Instant.ofEpochMilli(start));
        feed.send(range[0], range[1], sequence -> Instant.ofEpochMilli(start + (sequence - range[0]) * 1_000 / rate));
        awaitLoaded(offsets, Duration.ofMinutes(5));
        boolean loadedInTime = System.currentTimeMillis() < start;
        awaitFired(watcher, range, Duration.ofMillis(start - System.currentTimeMillis()).plus(timers.steadyDuration())
                .plusMinutes(2));
        Histogram lag = Latency.newHistogram();
        Histogram lateness = Latency.newHistogram();
        for (long sequence = range[0]; sequence < range[1]; sequence++) {
            BreachWatcher.Seen seen = watcher.seen(sequence);
            Latency.recordMillis(lag, seen.seenAtMs - seen.deadlineMs);
            Latency.recordMillis(lateness, seen.breachedAtMs - seen.deadlineMs);
        }
        return new SlaTimerResult.Steady(rate, timers.steadyDuration().toMillis() / 1000.0, count, loadedInTime,
                Latency.of(lag), Latency.of(lateness));
    }

    // ------------------------------------------------------------------------------------- restart

    private SlaTimerResult.Restart restart(BenchmarkSettings.RestartMode mode, CaseFeed feed, TopicOffsets offsets,
            BreachWatcher watcher, Ranges ranges, Map<String, String> serviceSettings, int port)
            throws InterruptedException {
        int rate = timers.restartRatePerSecond();
        long windowMillis = timers.restartWindow().toMillis();
        long count = rate * windowMillis / 1_000;
        long[] range = allocate(count);
        ranges.due.add(range);
        long start = Instant.now().plus(leadFor(count)).toEpochMilli();
        feed.send(range[0], range[1], sequence -> Instant.ofEpochMilli(start + (sequence - range[0]) * 1_000 / rate));
        awaitLoaded(offsets, Duration.ofMinutes(5));

        // Stop with a third of the window behind: the old process was firing, the rest falls due while it is down.
        long stopAt = start + windowMillis / 3;
        await("the moment to stop").dontCatchUncaughtExceptions()
                .atMost(Duration.ofMillis(Math.max(0, stopAt - System.currentTimeMillis())).plusSeconds(5))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> System.currentTimeMillis() >= stopAt);
        log.info("Restart ({}): stopping sla-service pid {}", mode, service.pid());
        long stopRequested = System.currentTimeMillis();
        long firedBeforeStop = watcher.countSeen(range[0], range[1]);
        if (mode == BenchmarkSettings.RestartMode.GRACEFUL) {
            service.stopGracefully(Duration.ofMinutes(2));
        } else {
            service.kill();
        }
        long stopped = System.currentTimeMillis();
        service = launch(serviceSettings, port);
        long spawned = System.currentTimeMillis();
        service.awaitReady(Duration.ofMinutes(10));
        long ready = System.currentTimeMillis();
        log.info("Restart ({}): new pid {} ready {} s after spawning", mode, service.pid(), (ready - spawned) / 1000.0);
        awaitFired(watcher, range, Duration.ofMinutes(10).plusMillis(windowMillis));

        long resumed = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (long sequence = range[0]; sequence < range[1]; sequence++) {
            long seenAt = watcher.seen(sequence).seenAtMs;
            if (seenAt >= spawned) {
                resumed = Math.min(resumed, seenAt);
            }
            last = Math.max(last, seenAt);
        }
        if (resumed == Long.MAX_VALUE) {
            throw new IllegalStateException("Every timer of the restart window fired before the new process started: "
                    + "make benchmark.timers.restart-window longer");
        }
        long pendingAfter = (long) service.metrics().sum("sla_timers_pending", null);
        return new SlaTimerResult.Restart(mode.name(), count, firedBeforeStop, (stopped - stopRequested) / 1000.0,
                (ready - spawned) / 1000.0, (resumed - spawned) / 1000.0, (resumed - stopRequested) / 1000.0,
                (last - resumed) / 1000.0, pendingAfter);
    }

    // -------------------------------------------------------------------------------- exactly once

    private SlaTimerResult.ExactlyOnce exactlyOnce(TopicOffsets offsets, BreachWatcher watcher, Ranges ranges) {
        // Everything committed so far must have been read before counting.
        Map<org.apache.kafka.common.TopicPartition, Long> ends = offsets.committedEnds(Topics.SLA_EVENTS.name());
        await("the watcher to read support.sla-events to its end").dontCatchUncaughtExceptions()
                .atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(100)).until(() -> watcher.hasReached(ends));
        long firedOnce = 0;
        long missing = 0;
        long doubled = 0;
        for (long[] range : ranges.due) {
            for (long sequence = range[0]; sequence < range[1]; sequence++) {
                BreachWatcher.Seen seen = watcher.seen(sequence);
                if (seen == null) {
                    missing++;
                } else if (seen.count == 1) {
                    firedOnce++;
                } else {
                    doubled++;
                }
            }
        }
        long pendingFired = 0;
        long unknownFired = watcher.unknownCases();
        for (Long sequence : watcher.all().keySet()) {
            if (sequence >= ranges.pendingFrom && sequence < ranges.pendingTo) {
                pendingFired++;
            } else if (!ranges.isDue(sequence)) {
                unknownFired++;
            }
        }
        long deadLetters = offsets.exists(DEAD_LETTERS) ? offsets.size(DEAD_LETTERS) : 0;
        return new SlaTimerResult.ExactlyOnce(ranges.dueCount(), firedOnce, missing, doubled, pendingFired, unknownFired,
                deadLetters);
    }

    // ------------------------------------------------------------------------------------- helpers

    /** Samples the service's heap use and resident set every second and keeps the largest. */
    private static final class PeakSampler {
        final AtomicLong heapUsed = new AtomicLong(-1);
        final AtomicLong resident = new AtomicLong(-1);
        private ScheduledExecutorService scheduler;

        void start(java.util.function.Supplier<SlaServiceProcess> current) {
            scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "sla-service-sampler");
                thread.setDaemon(true);
                return thread;
            });
            scheduler.scheduleAtFixedRate(() -> {
                try {
                    SlaServiceProcess process = current.get();
                    resident.accumulateAndGet(process.residentBytes(), Math::max);
                    heapUsed.accumulateAndGet((long) process.metrics().sum("jvm_memory_used_bytes", "area=\"heap\""), Math::max);
                } catch (RuntimeException e) {
                    // restarting: nothing to sample this second
                }
            }, 1, 1, TimeUnit.SECONDS);
        }

        void stop() {
            if (scheduler != null) {
                scheduler.shutdownNow();
            }
        }
    }

    private static String round(double seconds) {
        return String.format(java.util.Locale.ROOT, "%.1f", seconds);
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
