package io.supportsla.sla.timers;

import io.supportsla.sla.targets.CaseSla;
import io.supportsla.sla.targets.PendingTimer;
import io.supportsla.sla.targets.TimerKind;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * One task's durable timers: the per-case state plus the due-time index, kept in step. Every
 * case with pending timers has exactly one index entry, at its earliest due instant; saving a
 * state moves the entry. Both stores are written inside the task's transaction, together with
 * the events a change publishes.
 */
public final class CaseTimers {

    private final KeyValueStore<String, CaseSla> cases;
    private final KeyValueStore<Bytes, byte[]> dueIndex;

    public CaseTimers(KeyValueStore<String, CaseSla> cases, KeyValueStore<Bytes, byte[]> dueIndex) {
        this.cases = Objects.requireNonNull(cases, "cases");
        this.dueIndex = Objects.requireNonNull(dueIndex, "dueIndex");
    }

    public CaseSla find(String caseNumber) {
        return cases.get(caseNumber);
    }

    /**
     * Stores {@code after} and moves the case's index entry from {@code before}'s next due instant to
     * its own; {@code before} is null when the case has no index entry (new, or its entry already removed).
     */
    public void save(CaseSla before, CaseSla after) {
        cases.put(after.caseNumber(), after);
        Optional<Instant> previous = before == null ? Optional.empty() : before.nextDueAt();
        Optional<Instant> next = after.nextDueAt();
        if (!previous.equals(next)) {
            previous.ifPresent(due -> dueIndex.delete(new DueIndexKey(due, before.caseNumber()).toBytes()));
        }
        next.ifPresent(due -> index(new DueIndexKey(due, after.caseNumber())));
    }

    /** Deletes the case's state and, if {@code before} is given, its index entry. */
    public void delete(String caseNumber, CaseSla before) {
        cases.delete(caseNumber);
        if (before != null) {
            before.nextDueAt().ifPresent(due -> dueIndex.delete(new DueIndexKey(due, caseNumber).toBytes()));
        }
    }

    /** Index entries due at or before {@code now}, earliest first, at most {@code limit}. */
    public List<DueIndexKey> due(Instant now, int limit) {
        List<DueIndexKey> due = new ArrayList<>();
        try (KeyValueIterator<Bytes, byte[]> entries = dueIndex.range(DueIndexKey.lowerBound(), DueIndexKey.upperBound(now))) {
            while (entries.hasNext() && due.size() < limit) {
                due.add(DueIndexKey.fromBytes(entries.next().key));
            }
        }
        return due;
    }

    /** Removes one index entry (stale, or about to be replaced). */
    public void unindex(DueIndexKey key) {
        dueIndex.delete(key.toBytes());
    }

    /** Pending timers of every case in this task, by kind: for the pending-timers gauge after a restore. */
    public Map<TimerKind, Long> countPendingByKind() {
        Map<TimerKind, Long> counts = new EnumMap<>(TimerKind.class);
        try (KeyValueIterator<String, CaseSla> all = cases.all()) {
            while (all.hasNext()) {
                KeyValue<String, CaseSla> entry = all.next();
                for (PendingTimer timer : entry.value.timers()) {
                    counts.merge(timer.kind(), 1L, Long::sum);
                }
            }
        }
        return counts;
    }

    /** Adds an index entry (the case is looked at again when it falls due). */
    public void index(DueIndexKey key) {
        dueIndex.put(key.toBytes(), key.caseNumber().getBytes(StandardCharsets.UTF_8));
    }
}
