package io.supportsla.escalation.streams;

import io.supportsla.escalation.rules.CaseEscalations;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The topology's state stores, both persistent (RocksDB) with a changelog topic, so escalation
 * state and timers survive restarts and move with their partition.
 */
public final class EscalationStores {

    /** Each case's facts and escalations, by case number; also what the HTTP API queries. */
    public static final String CASES = "escalation-cases";

    /** The due-time index of acknowledgement timers (see {@link io.supportsla.escalation.timers.DueTimer}). */
    public static final String DUE_TIMERS = "escalation-due-timers";

    private EscalationStores() {
    }

    public static StoreBuilder<KeyValueStore<String, CaseEscalations>> cases() {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(CASES), Serdes.String(), new CaseEscalationsSerde())
                .withLoggingEnabled(Map.of());
    }

    public static StoreBuilder<KeyValueStore<String, String>> dueTimers() {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(DUE_TIMERS), Serdes.String(), Serdes.String())
                .withLoggingEnabled(Map.of());
    }

    public static List<StoreBuilder<?>> all() {
        return List.of(cases(), dueTimers());
    }
}
