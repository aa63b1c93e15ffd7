package io.supportsla.escalation.timers;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The due-time index of acknowledgement timers, over a persistent key-value store with a changelog
 * (so timers survive restarts and move with their partition). Keys are {@link DueTimer#key()};
 * values the escalation id. The wall-clock punctuator reads only the entries that are due, with one
 * range scan, however many timers are pending.
 */
public final class DueTimerIndex {

    private final KeyValueStore<String, String> store;

    public DueTimerIndex(KeyValueStore<String, String> store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    public void schedule(DueTimer timer) {
        store.put(timer.key(), timer.escalationId());
    }

    public void cancel(DueTimer timer) {
        store.delete(timer.key());
    }

    /**
     * Brings a case's timers from the deadlines it had to the ones it has now (escalation id to
     * acknowledgement deadline): timers no longer wanted are cancelled, new ones scheduled.
     */
    public void reschedule(String caseNumber, Map<String, Instant> before, Map<String, Instant> after) {
        before.forEach((escalationId, due) -> {
            if (!due.equals(after.get(escalationId))) {
                cancel(new DueTimer(due, caseNumber, escalationId));
            }
        });
        after.forEach((escalationId, due) -> {
            if (!due.equals(before.get(escalationId))) {
                schedule(new DueTimer(due, caseNumber, escalationId));
            }
        });
    }

    /** The timers due at {@code now}, earliest first, at most {@code limit}. */
    public List<DueTimer> dueAt(Instant now, int limit) {
        List<DueTimer> due = new ArrayList<>();
        try (KeyValueIterator<String, String> entries = store.range(DueTimer.lowestKey(), DueTimer.upperBoundDueAt(now))) {
            while (entries.hasNext() && due.size() < limit) {
                KeyValue<String, String> entry = entries.next();
                due.add(DueTimer.parse(entry.key));
            }
        }
        return due;
    }
}
