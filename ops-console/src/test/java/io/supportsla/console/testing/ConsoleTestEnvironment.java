package io.supportsla.console.testing;

import io.supportsla.registry.EmbeddedSchemaRegistry;
import io.supportsla.schemas.Topic;
import io.supportsla.schemas.Topics;
import io.supportsla.testing.kafka.KafkaBroker;
import io.supportsla.testing.kafka.KafkaBrokers;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What the console needs around it, started once per JVM before any application context: the four
 * topics on the shared broker, the real schema registry, and the stand-in for escalation-service.
 * Their addresses reach the console as system properties.
 */
public final class ConsoleTestEnvironment implements BeforeAllCallback {

    public static final int PARTITIONS = 3;

    private static EmbeddedSchemaRegistry registry;
    private static EscalationServiceStub escalationService;
    private static TopicProducer producer;

    public static synchronized String registryUrl() {
        if (registry == null) {
            KafkaBroker broker = KafkaBrokers.shared();
            for (Topic<?> topic : Topics.avroTopics()) {
                broker.createTopic(topic.name(), PARTITIONS);
            }
            registry = EmbeddedSchemaRegistry.start(broker.bootstrapServers(), 0);
            EmbeddedSchemaRegistry started = registry;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "schema-registry-shutdown"));
        }
        return registry.url();
    }

    public static synchronized EscalationServiceStub escalationService() {
        if (escalationService == null) {
            escalationService = EscalationServiceStub.start();
        }
        return escalationService;
    }

    /** Writes events as the services do (the real serializer, registering the schemas). */
    public static synchronized TopicProducer producer() {
        if (producer == null) {
            producer = new TopicProducer(KafkaBrokers.shared().bootstrapServers(), registryUrl());
            TopicProducer started = producer;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "test-producer-shutdown"));
        }
        return producer;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        System.setProperty("spring.kafka.properties.schema.registry.url", registryUrl());
        System.setProperty("console.escalation-service.base-url", escalationService().url());
    }
}
