package io.supportsla.testing.kafka;

import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;

/**
 * Starts real Kafka brokers for tests. The choice is made by the system property or environment
 * variable {@code kafka.test.broker} / {@code KAFKA_TEST_BROKER}: {@code embedded} (the in-JVM
 * KRaft broker), {@code testcontainers}, or {@code auto} (the default: Testcontainers when a
 * Docker engine answers, otherwise embedded).
 */
public final class KafkaBrokers {

    private static final Logger log = LoggerFactory.getLogger(KafkaBrokers.class);

    private static KafkaBroker shared;

    private KafkaBrokers() {
    }

    /** The broker shared by every test in this JVM, started on first use and stopped at exit. */
    public static synchronized KafkaBroker shared() {
        if (shared == null) {
            shared = startDedicated();
            KafkaBroker broker = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "kafka-test-broker-shutdown"));
        }
        return shared;
    }

    /**
     * A broker of the test's own, for tests that stop it (outages) or must not share state. The
     * caller closes it.
     */
    public static KafkaBroker startDedicated() {
        KafkaBroker broker = useContainers() ? new ContainerBroker() : new EmbeddedKraftBroker();
        log.info("Started {} at {}", broker.kind(), broker.bootstrapServers());
        return broker;
    }

    /**
     * A broker of the test's own whose client listener requires SASL_PLAINTEXT with the PLAIN
     * mechanism and accepts this user and password; clients take
     * {@link SaslKafkaBroker#clientProperties()}. The caller closes it.
     */
    public static SaslKafkaBroker startDedicatedWithSasl(String user, String password) {
        SaslKafkaBroker broker = new SaslKafkaBroker(user, password);
        log.info("Started {} at {}", broker.kind(), broker.bootstrapServers());
        return broker;
    }

    private static boolean useContainers() {
        String choice = System.getProperty("kafka.test.broker", System.getenv().getOrDefault("KAFKA_TEST_BROKER", "auto"))
                .toLowerCase(Locale.ROOT);
        return switch (choice) {
            case "embedded" -> false;
            case "testcontainers" -> true;
            case "auto" -> dockerAvailable();
            default -> throw new IllegalArgumentException(
                    "kafka.test.broker must be one of auto, embedded, testcontainers; was '" + choice + "'");
        };
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}
