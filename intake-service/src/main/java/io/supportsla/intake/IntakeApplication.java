package io.supportsla.intake;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * intake-service: the only writer of case facts. Authenticates callers, validates and
 * classifies cases arriving over HTTP and on the portal's Kafka topic, assigns case numbers and
 * publishes every case event to {@code support.case-events}.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class IntakeApplication {

    /** Avro instantiates generated classes only from packages named here (read once, when Avro loads). */
    static final String AVRO_TRUSTED_PACKAGES = "org.apache.avro.SERIALIZABLE_PACKAGES";

    public static void main(String[] args) {
        trustGeneratedAvroClasses();
        SpringApplication.run(IntakeApplication.class, args);
    }

    /** Must run before any Avro class loads, so first thing in main. */
    static void trustGeneratedAvroClasses() {
        String schemas = "io.supportsla.schemas";
        String current = System.getProperty(AVRO_TRUSTED_PACKAGES);
        if (current == null || current.isBlank()) {
            System.setProperty(AVRO_TRUSTED_PACKAGES, schemas);
        } else if (!java.util.Arrays.asList(current.split(",")).contains(schemas)) {
            System.setProperty(AVRO_TRUSTED_PACKAGES, current + "," + schemas);
        }
    }
}
