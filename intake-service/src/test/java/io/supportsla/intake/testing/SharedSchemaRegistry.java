package io.supportsla.intake.testing;

import io.supportsla.registry.EmbeddedSchemaRegistry;
import io.supportsla.testing.kafka.KafkaBrokers;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The real schema registry ({@link EmbeddedSchemaRegistry}) on the shared test broker, started
 * once per JVM. Its URL is set as {@code spring.kafka.properties.schema.registry.url} before any
 * application context starts, so intake's serializer registers and its deserializer reads there.
 */
public final class SharedSchemaRegistry implements BeforeAllCallback {

    public static final String URL_PROPERTY = "spring.kafka.properties.schema.registry.url";

    private static EmbeddedSchemaRegistry registry;

    public static synchronized String url() {
        if (registry == null) {
            registry = EmbeddedSchemaRegistry.start(KafkaBrokers.shared().bootstrapServers(), 0);
            EmbeddedSchemaRegistry started = registry;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "schema-registry-shutdown"));
        }
        return registry.url();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        System.setProperty(URL_PROPERTY, url());
    }
}
