package io.supportsla.sla.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the topics this service writes when they do not exist yet (the local stack, a fresh
 * cluster): the SLA events topic with as many partitions as the case events (so consumers can join
 * them per case) and the dead-letter topic, with the retention of docs/topics.md. An existing topic
 * is never changed: adding partitions to a keyed topic would move cases between partitions. The
 * admin client connects as the Streams client does: the binder configuration's {@code security.*},
 * {@code sasl.*} and {@code ssl.*} settings apply (a SASL or TLS cluster by configuration alone).
 */
final class SlaTopics {

    private static final Logger log = LoggerFactory.getLogger(SlaTopics.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private SlaTopics() {
    }

    static void createMissing(String bootstrapServers, Map<String, String> clientSettings, String slaEvents, int slaEventsPartitions,
            String deadLetters) {
        Properties props = new Properties();
        clientSettings.forEach((key, value) -> {
            if (key.startsWith("security.") || key.startsWith("sasl.") || key.startsWith("ssl.")) {
                props.put(key, value);
            }
        });
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        try (Admin admin = Admin.create(props)) {
            Set<String> existing = admin.listTopics().names().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            create(admin, existing, new NewTopic(slaEvents, Optional.of(slaEventsPartitions), Optional.empty())
                    .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(Duration.ofDays(400).toMillis()))));
            create(admin, existing, new NewTopic(deadLetters, Optional.of(1), Optional.empty())
                    .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(Duration.ofDays(30).toMillis()))));
        } catch (ExecutionException | TimeoutException | KafkaException e) {
            // Not fatal: the topics may be provisioned separately, and Kafka Streams retries the broker itself.
            log.warn("Could not check or create the topics {} and {}: {}", slaEvents, deadLetters, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void create(Admin admin, Set<String> existing, NewTopic topic)
            throws InterruptedException, TimeoutException, ExecutionException {
        if (existing.contains(topic.name())) {
            return;
        }
        try {
            admin.createTopics(List.of(topic)).all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            log.info("Created topic {} with {} partition(s)", topic.name(), topic.numPartitions());
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }
}
