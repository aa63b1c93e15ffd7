package io.supportsla.registry.kafka;

import io.supportsla.registry.SchemaRegistryProperties;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Wires the Kafka store. The bean is created only after the topic was read to its end, so the web
 * server (started after all beans) serves nothing before that, and readiness follows.
 */
@Configuration(proxyBeanMethods = false)
public class KafkaStoreConfiguration {

    static final String BOOTSTRAP_SERVERS = "spring.kafka.bootstrap-servers";
    static final String CLIENT_PROPERTIES = "spring.kafka.properties";

    @Bean(destroyMethod = "close")
    KafkaSchemaStore kafkaSchemaStore(SchemaRegistryProperties properties, Environment environment) {
        Binder binder = Binder.get(environment);
        // Bound as a list so both "a:9092,b:9092" and a YAML list work, as in Spring Boot's own Kafka support.
        List<String> bootstrapServers = binder.bind(BOOTSTRAP_SERVERS, Bindable.listOf(String.class))
                .orElse(List.of("localhost:9092"));
        Map<String, String> clientProperties = binder.bind(CLIENT_PROPERTIES, Bindable.mapOf(String.class, String.class))
                .orElse(Map.of());
        SchemaRegistryProperties.KafkaStore kafkastore = properties.kafkastore();
        KafkaSchemaStore store = new KafkaSchemaStore(new KafkaStoreSettings(
                String.join(",", bootstrapServers),
                kafkastore.topic(),
                kafkastore.topicReplicationFactor(),
                kafkastore.initTimeout(),
                kafkastore.writeTimeout(),
                clientProperties));
        store.start();
        return store;
    }

    @Bean
    KafkaStoreHealthIndicator kafkaStoreHealthIndicator(KafkaSchemaStore store) {
        return new KafkaStoreHealthIndicator(store);
    }
}
