package io.supportsla.testing.kafka;

import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * A real Kafka broker for integration tests: the in-JVM KRaft broker of spring-kafka-test, or a
 * Testcontainers broker where Docker runs. Tests only see its bootstrap servers, so the same test
 * runs against either.
 */
public interface KafkaBroker extends AutoCloseable {

    /** The {@code host:port} list a client connects to. */
    String bootstrapServers();

    /** What kind of broker this is, for logs and test reports. */
    String kind();

    /** Stops the broker and removes its data. */
    @Override
    void close();

    /** Admin client properties for this broker. */
    default Properties adminProperties() {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        return properties;
    }

    /** Creates a topic (idempotently) and waits until the broker has it. */
    default void createTopic(String name, int partitions, Map<String, String> config) {
        try (Admin admin = Admin.create(adminProperties())) {
            NewTopic topic = new NewTopic(name, partitions, (short) 1).configs(config);
            admin.createTopics(java.util.List.of(topic)).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("Could not create topic " + name, e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted creating topic " + name, e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Timed out creating topic " + name, e);
        }
    }

    /** Creates a topic with default configuration. */
    default void createTopic(String name, int partitions) {
        createTopic(name, partitions, Map.of());
    }
}
