package io.supportsla.notification;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * notification-service: turns escalation, SLA and case events into emails and pages, delivers each
 * once as far as SMTP and the pager gateway allow, and publishes every outcome.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class NotificationApplication {

    /** Avro 1.12 instantiates generated classes only from packages named here, read once when Avro loads. */
    static final String AVRO_TRUSTED_PACKAGES_PROPERTY = "org.apache.avro.SERIALIZABLE_PACKAGES";
    static final String AVRO_TRUSTED_PACKAGES = "io.supportsla.schemas";

    public static void main(String[] args) {
        trustGeneratedAvroClasses();
        SpringApplication.run(NotificationApplication.class, args);
    }

    /** Must run before any Avro class is loaded; keeps packages an operator already named. */
    static void trustGeneratedAvroClasses() {
        String current = System.getProperty(AVRO_TRUSTED_PACKAGES_PROPERTY);
        if (current == null || current.isBlank()) {
            System.setProperty(AVRO_TRUSTED_PACKAGES_PROPERTY, AVRO_TRUSTED_PACKAGES);
        } else if (!java.util.Arrays.asList(current.split(",")).contains(AVRO_TRUSTED_PACKAGES)) {
            System.setProperty(AVRO_TRUSTED_PACKAGES_PROPERTY, current + "," + AVRO_TRUSTED_PACKAGES);
        }
    }
}
