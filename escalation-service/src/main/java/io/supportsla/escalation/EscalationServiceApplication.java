package io.supportsla.escalation;

import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * escalation-service: decides who must be told about a breached target or a disagreement, at
 * which level and in which region; tracks acknowledgement on durable Kafka Streams timers and
 * passes unacknowledged escalations to the backup manager and the director. Reads
 * {@code support.sla-events} and {@code support.case-events}; the only writer of
 * {@code support.escalation-events}.
 */
@SpringBootApplication
public class EscalationServiceApplication {

    /** Avro instantiates generated classes only from the packages named here, read once when Avro loads. */
    public static final String AVRO_TRUSTED_PACKAGES = "org.apache.avro.SERIALIZABLE_PACKAGES";
    static final String SCHEMA_PACKAGE = "io.supportsla.schemas";

    public static void main(String[] args) {
        trustGeneratedAvroClasses();
        SpringApplication.run(EscalationServiceApplication.class, args);
    }

    /** Must run before any Avro class loads, so first thing in {@link #main}. */
    public static void trustGeneratedAvroClasses() {
        String current = System.getProperty(AVRO_TRUSTED_PACKAGES);
        if (current == null || current.isBlank()) {
            System.setProperty(AVRO_TRUSTED_PACKAGES, SCHEMA_PACKAGE);
        } else if (!Arrays.asList(current.split(",")).contains(SCHEMA_PACKAGE)) {
            System.setProperty(AVRO_TRUSTED_PACKAGES, current + "," + SCHEMA_PACKAGE);
        }
    }
}
