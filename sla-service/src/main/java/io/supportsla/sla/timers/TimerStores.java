package io.supportsla.sla.timers;

import io.supportsla.sla.targets.CaseSla;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The two persistent (RocksDB) stores behind the timers, each backed by a compacted changelog
 * topic ({@code <application.id>-<store>-changelog}) so that a restarted or re-assigned task
 * restores exactly the committed state.
 */
public final class TimerStores {

    /** Case number to {@link CaseSla}: targets, their state and the pending timers. Queried by the API. */
    public static final String CASES = "sla-cases";

    /** {@link DueIndexKey} (due millis + case number) to the case number: one entry per case, at its next due timer. */
    public static final String DUE_INDEX = "sla-due-index";

    private TimerStores() {
    }

    public static StoreBuilder<KeyValueStore<String, CaseSla>> cases() {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(CASES), Serdes.String(), new CaseSlaSerde())
                .withLoggingEnabled(Map.of());
    }

    public static StoreBuilder<KeyValueStore<Bytes, byte[]>> dueIndex() {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(DUE_INDEX), Serdes.Bytes(), Serdes.ByteArray())
                .withLoggingEnabled(Map.of());
    }
}
