package io.supportsla.benchmarks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Objects;

/**
 * What a benchmark run does and how big it is. {@code benchmark.size} picks the defaults:
 * {@link Size#SMOKE} (seconds, for CI: the correctness checks, no meaningful timings) or
 * {@link Size#FULL} (the measurements of {@code docs/performance.md}); every figure can be
 * overridden by its own system property, named beside each component.
 *
 * @param size the size the defaults came from
 * @param output where the JSON figures go ({@code benchmark.output})
 * @param jfr whether to record a JFR file of every JVM of the run ({@code benchmark.jfr})
 * @param intake the intake part
 * @param timers the SLA timers part
 * @param endToEnd the end-to-end part
 */
public record BenchmarkSettings(Size size, Path output, boolean jfr, Intake intake, Timers timers, EndToEnd endToEnd) {

    /** The two sizes. */
    public enum Size {
        SMOKE, FULL
    }

    /**
     * Intake: {@code clients} concurrent HTTP clients ({@code benchmark.intake.clients}) post cases
     * for {@code warmup} then {@code measure}; the raw producer baseline runs the same clients for
     * {@code baselineMeasure} ({@code benchmark.intake.*}) and pipelines {@code baselineAsyncRecords}.
     */
    public record Intake(int clients, Duration warmup, Duration measure, Duration baselineMeasure, int baselineAsyncRecords) {

        /** As written into the JSON figures. */
        public Map<String, Object> describe() {
            Map<String, Object> described = new LinkedHashMap<>();
            described.put("clients", clients);
            described.put("warmupSeconds", warmup.toMillis() / 1000.0);
            described.put("measureSeconds", measure.toMillis() / 1000.0);
            described.put("baselineMeasureSeconds", baselineMeasure.toMillis() / 1000.0);
            described.put("baselineAsyncRecords", baselineAsyncRecords);
            return described;
        }
    }

    /**
     * SLA timers ({@code benchmark.timers.*}): {@code pending} timers loaded and left pending; then
     * {@code warmupBurst} timers due at one instant and not measured (the firing path's JIT warm-up);
     * then {@code burst} timers due at one instant; then {@code steadyRatePerSecond} due per second for
     * {@code steadyDuration}; then restarts ({@code restartModes}: graceful, kill) with
     * {@code restartRatePerSecond} timers due per second over {@code restartWindow} around each.
     * The service runs with {@code -Xmx<serviceHeap>}.
     */
    public record Timers(int pending, int warmupBurst, int burst, int steadyRatePerSecond, Duration steadyDuration,
                         int restartRatePerSecond, Duration restartWindow, List<RestartMode> restartModes,
                         String serviceHeap, Path serviceJar) {

        /** As written into the JSON figures. */
        public Map<String, Object> describe() {
            Map<String, Object> described = new LinkedHashMap<>();
            described.put("pending", pending);
            described.put("warmupBurst", warmupBurst);
            described.put("burst", burst);
            described.put("steadyRatePerSecond", steadyRatePerSecond);
            described.put("steadySeconds", steadyDuration.toMillis() / 1000.0);
            described.put("restartRatePerSecond", restartRatePerSecond);
            described.put("restartWindowSeconds", restartWindow.toMillis() / 1000.0);
            described.put("restartModes", restartModes.stream().map(Enum::name).toList());
            described.put("serviceHeap", serviceHeap);
            described.put("serviceJar", serviceJar.getFileName().toString());
            return described;
        }
    }

    /**
     * End to end ({@code benchmark.e2e.*}): the four services run by the local stack's library API;
     * {@code ratePerSecond} SEV1 cases opened over intake's API for {@code duration}, each due
     * {@code target} later (sla-service's {@code sev1-case-only}); the lag from each deadline to its
     * page at the pager endpoint. Off in the smoke size ({@code benchmark.e2e.enabled}): starting
     * four services takes minutes on two cores.
     */
    public record EndToEnd(boolean enabled, int ratePerSecond, Duration duration, Duration target, Path repositoryRoot) {

        /** As written into the JSON figures. */
        public Map<String, Object> describe() {
            Map<String, Object> described = new LinkedHashMap<>();
            described.put("ratePerSecond", ratePerSecond);
            described.put("seconds", duration.toMillis() / 1000.0);
            described.put("sev1TargetSeconds", target.toMillis() / 1000.0);
            return described;
        }
    }

    /** How the service is stopped before it is started again. */
    public enum RestartMode {
        /** SIGTERM: Spring and Kafka Streams close cleanly (a deployment). */
        GRACEFUL,
        /** SIGKILL: a crash; under exactly-once the local state is rebuilt from the changelogs. */
        KILL
    }

    public BenchmarkSettings {
        Objects.requireNonNull(size, "size");
        Objects.requireNonNull(output, "output");
    }

    /** From the system properties (Maven passes {@code -Dbenchmark.*} on to the test JVM). */
    public static BenchmarkSettings fromSystemProperties() {
        Size size = Size.valueOf(property("benchmark.size", "smoke").toUpperCase(Locale.ROOT));
        boolean full = size == Size.FULL;
        Intake intake = new Intake(
                intProperty("benchmark.intake.clients", full ? 16 : 4),
                durationProperty("benchmark.intake.warmup", full ? "20s" : "1s"),
                durationProperty("benchmark.intake.measure", full ? "60s" : "3s"),
                durationProperty("benchmark.intake.baseline-measure", full ? "30s" : "1s"),
                intProperty("benchmark.intake.baseline-async-records", full ? 200_000 : 2_000));
        Timers timers = new Timers(
                intProperty("benchmark.timers.pending", full ? 1_000_000 : 2_000),
                intProperty("benchmark.timers.warmup-burst", full ? 20_000 : 0),
                intProperty("benchmark.timers.burst", full ? 100_000 : 1_000),
                intProperty("benchmark.timers.steady-rate", full ? 1_000 : 100),
                durationProperty("benchmark.timers.steady-duration", full ? "60s" : "3s"),
                intProperty("benchmark.timers.restart-rate", full ? 100 : 20),
                durationProperty("benchmark.timers.restart-window", full ? "10s" : "6s"),
                restartModes(property("benchmark.timers.restart-modes", full ? "graceful,kill" : "none")),
                property("benchmark.timers.service-heap", "1g"),
                serviceJar());
        EndToEnd endToEnd = new EndToEnd(
                Boolean.parseBoolean(property("benchmark.e2e.enabled", Boolean.toString(full))),
                intProperty("benchmark.e2e.rate", full ? 1 : 2),
                durationProperty("benchmark.e2e.duration", full ? "120s" : "5s"),
                durationProperty("benchmark.e2e.target", "30s"),
                repositoryRoot());
        return new BenchmarkSettings(size, Path.of(property("benchmark.output", "target/benchmarks")),
                Boolean.parseBoolean(property("benchmark.jfr", "false")), intake, timers, endToEnd);
    }

    private static List<RestartMode> restartModes(String value) {
        if (value.isBlank() || value.equalsIgnoreCase("none")) {
            return List.of();
        }
        return java.util.Arrays.stream(value.split(",")).map(String::strip)
                .map(mode -> RestartMode.valueOf(mode.toUpperCase(Locale.ROOT))).toList();
    }

    /** The repository root, where the local stack finds the services' jars: the parent of the benchmarks module. */
    private static Path repositoryRoot() {
        String configured = System.getProperty("benchmark.repository-root", "");
        if (!configured.isBlank() && !configured.startsWith("${")) {
            return Path.of(configured);
        }
        Path here = Path.of("").toAbsolutePath();
        return here.getFileName() != null && here.getFileName().toString().equals("benchmarks") ? here.getParent() : here;
    }

    /** The sla-service executable jar: as Maven resolved it, else as the reactor build leaves it. */
    private static Path serviceJar() {
        String configured = System.getProperty("benchmark.sla-service.jar", "");
        if (!configured.isBlank() && !configured.startsWith("${")) {
            return Path.of(configured);
        }
        return ServiceJars.find("sla-service");
    }

    private static String property(String name, String defaultValue) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() ? defaultValue : value.strip();
    }

    private static int intProperty(String name, int defaultValue) {
        try {
            return Integer.parseInt(property(name, Integer.toString(defaultValue)).replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number; was '" + System.getProperty(name) + "'", e);
        }
    }

    private static Duration durationProperty(String name, String defaultValue) {
        String value = property(name, defaultValue).toLowerCase(Locale.ROOT);
        try {
            return Duration.parse("PT" + value);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException(name + " must be a duration such as 30s or 2m; was '" + value + "'", e);
        }
    }
}
