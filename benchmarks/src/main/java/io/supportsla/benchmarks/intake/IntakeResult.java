package io.supportsla.benchmarks.intake;

import io.supportsla.benchmarks.BenchmarkSettings;
import io.supportsla.benchmarks.report.Latency;
import io.supportsla.benchmarks.report.Row;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The figures of the intake part, written to {@code intake.json}.
 *
 * @param clients concurrent HTTP clients (and baseline threads)
 * @param intakeStartSeconds from starting intake to its readiness
 * @param casesPerSecond 201 answers per second in the measured window
 * @param latency latency of the requests started in the measured window
 * @param requests every request sent, warm-up included
 * @param statuses answers by HTTP status, warm-up included (-1: no answer)
 * @param sampleFailure one non-201 answer or exception, if any
 * @param audit every 201 checked against {@code support.case-events}
 * @param baselineSynchronous the raw producer with {@code clients} threads each waiting for its acknowledgement
 * @param baselinePipelined the raw producer pipelining from one thread
 * @param ratioToSynchronousBaseline {@code casesPerSecond} / the synchronous baseline's records per second
 * @param ratioToPipelinedBaseline {@code casesPerSecond} / the pipelined baseline's records per second
 */
public record IntakeResult(String broker, int clients, double warmupSeconds, double measureSeconds, double intakeStartSeconds,
                           double casesPerSecond, Latency latency, long requests, Map<Integer, Long> statuses,
                           String sampleFailure, CaseEventsAudit.Outcome audit,
                           ProducerBaseline.Outcome baselineSynchronous, ProducerBaseline.Outcome baselinePipelined,
                           double ratioToSynchronousBaseline, double ratioToPipelinedBaseline, boolean full) {

    /** Issue 8's targets for the full size. */
    public static final double TARGET_CASES_PER_SECOND = 2_000;
    public static final double TARGET_P99_MS = 100;

    static IntakeResult of(BenchmarkSettings settings, String broker, double startSeconds, CaseLoad.Outcome load,
            CaseEventsAudit.Outcome audit, ProducerBaseline.Outcome synchronous, ProducerBaseline.Outcome pipelined) {
        BenchmarkSettings.Intake intake = settings.intake();
        double rate = load.createdPerSecond();
        return new IntakeResult(broker, intake.clients(), intake.warmup().toMillis() / 1000.0,
                intake.measure().toMillis() / 1000.0, startSeconds, rate, load.latency(), load.requests(), load.statuses(),
                load.sampleFailure(), audit, synchronous, pipelined, rate / synchronous.recordsPerSecond(),
                rate / pipelined.recordsPerSecond(), settings.size() == BenchmarkSettings.Size.FULL);
    }

    /** 201 answers over the whole run, warm-up included. */
    public long created() {
        return statuses.getOrDefault(201, 0L);
    }

    /** Requests answered with anything but 201, or not answered. */
    public long failed() {
        return requests - created();
    }

    public List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        rows.add(Row.of("clients (closed loop)", Integer.toString(clients)));
        rows.add(full
                ? Row.against("POST /cases per second", number(casesPerSecond), ">= 2,000", casesPerSecond >= TARGET_CASES_PER_SECOND)
                : Row.of("POST /cases per second", number(casesPerSecond)));
        rows.add(Row.of("latency p50 / p99 / p99.9 / max", latency.summary()));
        rows.add(full
                ? Row.against("latency p99", String.format(Locale.ROOT, "%.1f ms", latency.p99Ms()), "< 100 ms",
                        latency.p99Ms() < TARGET_P99_MS)
                : Row.of("latency p99", String.format(Locale.ROOT, "%.1f ms", latency.p99Ms())));
        rows.add(Row.of("requests (incl. warm-up) / not 201", requests + " / " + failed()));
        rows.add(Row.against("201s lost (no CaseCreated)", Long.toString(audit.lost()), "0", audit.lost() == 0));
        rows.add(Row.against("201s doubled (CaseCreated > 1)", Long.toString(audit.doubled() + audit.announcedTwice()), "0",
                audit.doubled() + audit.announcedTwice() == 0));
        rows.add(Row.of("CaseCreated without a 201", Long.toString(audit.unannounced())));
        rows.add(Row.of("baseline: producer, " + clients + " threads, sync", number(baselineSynchronous.recordsPerSecond())
                + " rec/s, p99 " + String.format(Locale.ROOT, "%.1f ms", baselineSynchronous.latency().p99Ms())));
        rows.add(Row.of("baseline: producer, pipelined", number(baselinePipelined.recordsPerSecond()) + " rec/s"));
        rows.add(Row.of("intake / sync baseline", String.format(Locale.ROOT, "%.3f", ratioToSynchronousBaseline)));
        rows.add(Row.of("intake / pipelined baseline", String.format(Locale.ROOT, "%.3f", ratioToPipelinedBaseline)));
        return rows;
    }

    static String number(double value) {
        return String.format(Locale.ROOT, "%,.0f", value);
    }
}
