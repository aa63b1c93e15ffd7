package io.supportsla.sla.api;

import java.time.Instant;
import java.util.List;

/**
 * {@code GET /api/v1/sla/queue}: every open case in queue order, merged from all instances.
 * {@code complete} is false when an instance holding part of the cases did not answer; they are
 * listed in {@code unavailableInstances} and their cases are missing from {@code cases}.
 */
public record QueueView(Instant asOf, boolean complete, List<String> unavailableInstances, List<QueueEntryView> cases) {
}
