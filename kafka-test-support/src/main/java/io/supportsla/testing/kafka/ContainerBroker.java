package io.supportsla.testing.kafka;

import org.testcontainers.kafka.KafkaContainer;

/** A Kafka broker in a container, used where a Docker engine is available. */
final class ContainerBroker implements KafkaBroker {

    static final String IMAGE = "apache/kafka:4.1.2";

    private final KafkaContainer container;

    ContainerBroker() {
        container = new KafkaContainer(IMAGE);
        EmbeddedKraftBroker.SINGLE_NODE_SETTINGS.forEach((key, value) ->
                container.withEnv("KAFKA_" + key.toUpperCase().replace('.', '_'), value));
        container.start();
    }

    @Override
    public String bootstrapServers() {
        return container.getBootstrapServers();
    }

    @Override
    public String kind() {
        return "Testcontainers " + IMAGE;
    }

    @Override
    public void close() {
        container.stop();
    }
}
