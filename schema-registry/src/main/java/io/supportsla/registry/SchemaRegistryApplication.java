package io.supportsla.registry;

import io.supportsla.registry.schemas.SchemaRegistry;
import io.supportsla.registry.store.SchemaStore;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/**
 * A schema registry speaking Confluent's Schema Registry REST API, storing its schemas in a
 * compacted Kafka topic in Confluent's own record format.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SchemaRegistryApplication {

    /**
     * The registry's own defaults live in {@code schema-registry.yml}, not {@code application.yml},
     * so that a service embedding the registry in its JVM keeps its own {@code application.yml}
     * and the registry is not configured by it. Stand-alone, {@code application.yml} in the working
     * directory is read as usual.
     */
    static final String OWN_CONFIG_NAME = "schema-registry";

    public static void main(String[] args) {
        new SpringApplicationBuilder(SchemaRegistryApplication.class)
                .properties("spring.config.name=" + OWN_CONFIG_NAME + ",application")
                .run(args);
    }

    @Bean
    SchemaRegistry schemaRegistry(SchemaStore store, SchemaRegistryProperties properties) {
        return new SchemaRegistry(store, properties.compatibilityLevel());
    }
}
