package io.supportsla.sla;

import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * sla-service: keeps every open case's response and status-update targets as durable timers on
 * the business calendar, and publishes warnings, breaches, met targets and reminders.
 */
@SpringBootApplication
public class SlaServiceApplication {

    /** Avro 1.12 instantiates generated classes only from trusted packages, read once when Avro loads. */
    public static final String AVRO_TRUSTED_PACKAGES_PROPERTY = "org.apache.avro.SERIALIZABLE_PACKAGES";
    public static final String AVRO_TRUSTED_PACKAGES = "io.supportsla.schemas";

    public static void main(String[] args) {
        trustGeneratedAvroClasses();
        SpringApplication.run(SlaServiceApplication.class, args);
    }

    /** Adds our generated packages to Avro's trusted packages, keeping any already configured. Call before Avro loads. */
    public static void trustGeneratedAvroClasses() {
        String current = System.getProperty(AVRO_TRUSTED_PACKAGES_PROPERTY);
        if (current == null || current.isBlank()) {
            System.setProperty(AVRO_TRUSTED_PACKAGES_PROPERTY, AVRO_TRUSTED_PACKAGES);
        } else if (!Arrays.asList(current.split(",")).contains(AVRO_TRUSTED_PACKAGES)) {
            System.setProperty(AVRO_TRUSTED_PACKAGES_PROPERTY, current + "," + AVRO_TRUSTED_PACKAGES);
        }
    }
}
