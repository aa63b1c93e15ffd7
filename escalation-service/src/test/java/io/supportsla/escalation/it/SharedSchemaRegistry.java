package io.supportsla.escalation.it;

import io.supportsla.registry.EmbeddedSchemaRegistry;
import io.supportsla.testing.kafka.KafkaBroker;

/** One schema registry for every integration test of this JVM, on the shared broker; stopped at exit. */
final class SharedSchemaRegistry {

    private static EmbeddedSchemaRegistry registry;

    private SharedSchemaRegistry() {
    }

    static synchronized String url(KafkaBroker broker) {
        if (registry == null) {
            registry = EmbeddedSchemaRegistry.start(broker.bootstrapServers(), 0);
            EmbeddedSchemaRegistry started = registry;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "schema-registry-shutdown"));
        }
        return registry.url();
    }
}
