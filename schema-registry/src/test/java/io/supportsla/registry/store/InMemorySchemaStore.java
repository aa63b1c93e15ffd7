package io.supportsla.registry.store;

import java.util.ArrayList;
import java.util.List;

/** A {@link SchemaStore} whose log is a list: the registry's rules without Kafka. */
public final class InMemorySchemaStore implements SchemaStore {

    private final RegistryState state = new RegistryState();
    private final List<StoreRecord> log = new ArrayList<>();

    @Override
    public RegistryState state() {
        return state;
    }

    @Override
    public synchronized void append(StoreRecord record) {
        log.add(record);
        state.apply(record);
    }

    /** Everything written so far, oldest first. */
    public synchronized List<StoreRecord> log() {
        return List.copyOf(log);
    }
}
