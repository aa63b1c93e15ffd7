package io.supportsla.benchmarks.endtoend;

import io.supportsla.benchmarks.report.Latency;
import io.supportsla.benchmarks.report.Row;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The figures of the end-to-end part, written to {@code end-to-end.json}.
 *
 * @param servicesStartSeconds from starting the four services to all of them ready
 * @param cases cases opened (201)
 * @param firstPage each case's deadline to its first response-breach page at the pager endpoint
 * @param firstPageEarlierHalf the same, for the half of the cases due first
 * @param firstPageLaterHalf the same, for the half due last (higher if a backlog built up)
 * @param everyPage each case's deadline to each of its response-breach pages (one per paged recipient)
 * @param breachVisible each case's deadline to its {@code SlaBreached} visible on the topic
 * @param pagesPerRecipient response-breach pages by routing key
 * @param unpaged cases without a response-breach page
 * @param missingBreach cases without a {@code SlaBreached}
 * @param breachedTwice cases with more than one {@code SlaBreached}
 * @param duplicatePages (case, recipient) pairs paged more than once
 * @param foreignPages response-breach pages of cases this part did not open
 */
public record EndToEndResult(int ratePerSecond, double seconds, double sev1TargetSeconds, double servicesStartSeconds,
                             long requests, Map<Integer, Long> statuses, String sampleFailure, long cases, Latency firstPage,
                             Latency firstPageEarlierHalf, Latency firstPageLaterHalf, Latency everyPage, Latency breachVisible, Map<String, Long> pagesPerRecipient, long unpaged,
                             long missingBreach, long breachedTwice, long duplicatePages, long foreignPages, boolean full) {

    /** Issue 8's target for the full size. */
    public static final double TARGET_P99_MS = 2_000;

    public List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        rows.add(Row.of("four services ready after", String.format(Locale.ROOT, "%.0f s", servicesStartSeconds)));
        rows.add(Row.of("SEV1 cases opened (rate x time)", cases + " (" + ratePerSecond + "/s x "
                + String.format(Locale.ROOT, "%.0f s", seconds) + ", due " + String.format(Locale.ROOT, "%.0f s", sev1TargetSeconds)
                + " after opening)"));
        rows.add(Row.of("deadline to first page p50 / p99 / p99.9 / max", firstPage.summary()));
        rows.add(full
                ? Row.against("deadline to first page p99", String.format(Locale.ROOT, "%.0f ms", firstPage.p99Ms()), "< 2 s",
                        firstPage.p99Ms() < TARGET_P99_MS)
                : Row.of("deadline to first page p99", String.format(Locale.ROOT, "%.0f ms", firstPage.p99Ms())));
        rows.add(Row.of("first page p50: cases due first / last half", String.format(Locale.ROOT, "%.0f / %.0f ms",
                firstPageEarlierHalf.p50Ms(), firstPageLaterHalf.p50Ms())));
        rows.add(Row.of("deadline to every page p50 / p99", String.format(Locale.ROOT, "%.0f / %.0f ms", everyPage.p50Ms(),
                everyPage.p99Ms())));
        rows.add(Row.of("  of which deadline to SlaBreached p50 / p99", String.format(Locale.ROOT, "%.0f / %.0f ms",
                breachVisible.p50Ms(), breachVisible.p99Ms())));
        rows.add(Row.of("pages per recipient", pagesPerRecipient.toString()));
        rows.add(Row.against("cases not paged / not breached", unpaged + " / " + missingBreach, "0 / 0",
                unpaged == 0 && missingBreach == 0));
        rows.add(Row.against("duplicate pages / breaches", duplicatePages + " / " + breachedTwice, "0 / 0",
                duplicatePages == 0 && breachedTwice == 0));
        return rows;
    }
}
