package io.supportsla.benchmarks;

import io.supportsla.registry.EmbeddedSchemaRegistry;
import io.supportsla.testing.kafka.KafkaBroker;
import io.supportsla.testing.kafka.KafkaBrokers;
import java.util.Map;

/**
 * What every part runs on: a real Kafka broker of its own (the in-JVM KRaft broker of
 * {@code kafka-test-support}, set up for exactly-once) and the real schema registry on it. Each
 * part gets fresh ones, so no part sees another's records.
 */
public final class Infrastructure implements AutoCloseable {

    private final KafkaBroker broker;
    private final EmbeddedSchemaRegistry registry;

    private Infrastructure(KafkaBroker broker, EmbeddedSchemaRegistry registry) {
        this.broker = broker;
        this.registry = registry;
    }

    public static Infrastructure start() {
        KafkaBroker broker = KafkaBrokers.startDedicated();
        try {
            return new Infrastructure(broker, EmbeddedSchemaRegistry.start(broker.bootstrapServers(), 0));
        } catch (RuntimeException e) {
            broker.close();
            throw e;
        }
    }

    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    public String registryUrl() {
        return registry.url();
    }

    public String brokerKind() {
        return broker.kind();
    }

    /** Creates a topic with the given partitions and settings, and waits until the broker has it. */
    public void createTopic(String name, int partitions, Map<String, String> config) {
        broker.createTopic(name, partitions, config);
    }

    @Override
    public void close() {
        // The registry's clients first, or they log the broker going away.
        try {
            registry.close();
        } finally {
            broker.close();
        }
    }
}
