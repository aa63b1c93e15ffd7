package io.supportsla.registry.kafka;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * What the Kafka store needs to know.
 *
 * @param clientProperties extra Kafka client settings ({@code spring.kafka.properties.*}, e.g. security)
 */
public record KafkaStoreSettings(
        String bootstrapServers,
        String topic,
        int replicationFactor,
        Duration initTimeout,
        Duration writeTimeout,
        Map<String, String> clientProperties) {

    public KafkaStoreSettings {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(initTimeout, "initTimeout");
        Objects.requireNonNull(writeTimeout, "writeTimeout");
        clientProperties = Map.copyOf(clientProperties);
    }
}
