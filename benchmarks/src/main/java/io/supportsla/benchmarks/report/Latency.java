package io.supportsla.benchmarks.report;

import org.HdrHistogram.Histogram;

/**
 * A latency distribution in milliseconds, read from an HdrHistogram that recorded microseconds.
 *
 * @param count how many values were recorded
 */
public record Latency(long count, double p50Ms, double p90Ms, double p99Ms, double p999Ms, double maxMs, double meanMs) {

    /** Highest value the histograms track: ten minutes, in microseconds. */
    public static final long HIGHEST_TRACKABLE_MICROS = 600_000_000L;

    /** A histogram of microseconds with three significant digits. */
    public static Histogram newHistogram() {
        return new Histogram(HIGHEST_TRACKABLE_MICROS, 3);
    }

    public static Latency of(Histogram micros) {
        if (micros.getTotalCount() == 0) {
            return new Latency(0, 0, 0, 0, 0, 0, 0);
        }
        return new Latency(micros.getTotalCount(),
                ms(micros.getValueAtPercentile(50)), ms(micros.getValueAtPercentile(90)),
                ms(micros.getValueAtPercentile(99)), ms(micros.getValueAtPercentile(99.9)),
                ms(micros.getMaxValue()), Math.round(micros.getMean()) / 1000.0);
    }

    /** Records a value in milliseconds, clamped to what the histogram tracks (negative lags count as 0). */
    public static void recordMillis(Histogram micros, long millis) {
        micros.recordValue(Math.min(Math.max(millis, 0) * 1000, HIGHEST_TRACKABLE_MICROS));
    }

    private static double ms(long micros) {
        return micros / 1000.0;
    }

    /** {@code p50 / p99 / p99.9 / max} for a table cell. */
    public String summary() {
        return String.format(java.util.Locale.ROOT, "%.1f / %.1f / %.1f / %.1f ms", p50Ms, p99Ms, p999Ms, maxMs);
    }
}
