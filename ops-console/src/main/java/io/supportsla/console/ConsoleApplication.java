package io.supportsla.console;

import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * ops-console: the operations console. Reads the four Avro topics from the beginning into an
 * in-memory view and shows it live in the browser: the queue with response-deadline countdowns,
 * open escalations, the latest notifications and each case's timeline. Signs people in with the
 * platform's API keys and acknowledges escalations through escalation-service.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class ConsoleApplication {

    /** Avro 1.12 instantiates generated classes only from trusted packages, read once when Avro loads. */
    static final String AVRO_TRUSTED_PACKAGES_PROPERTY = "org.apache.avro.SERIALIZABLE_PACKAGES";
    static final String AVRO_TRUSTED_PACKAGES = "io.supportsla.schemas";

    public static void main(String[] args) {
        trustGeneratedAvroClasses();
        SpringApplication.run(ConsoleApplication.class, args);
    }

    /** Adds the generated packages to Avro's trusted packages, keeping any already named. Must run before Avro loads. */
    static void trustGeneratedAvroClasses() {
        String current = System.getProperty(AVRO_TRUSTED_PACKAGES_PROPERTY);
        if (current == null || current.isBlank()) {
            System.setProperty(AVRO_TRUSTED_PACKAGES_PROPERTY, AVRO_TRUSTED_PACKAGES);
        } else if (!Arrays.asList(current.split(",")).contains(AVRO_TRUSTED_PACKAGES)) {
            System.setProperty(AVRO_TRUSTED_PACKAGES_PROPERTY, current + "," + AVRO_TRUSTED_PACKAGES);
        }
    }
}
