package io.supportsla.registry.kafka;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure the schemas topic exists as the registry needs it: one partition, so the log has a
 * single order, and compacted, so it keeps the latest record per key forever.
 */
final class SchemasTopic {

    private static final Logger log = LoggerFactory.getLogger(SchemasTopic.class);

    private SchemasTopic() {
    }

    static void ensureExists(KafkaStoreSettings settings, String clientId, Instant deadline) {
        Map<String, Object> config = new HashMap<>(settings.clientProperties());
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, clientId);
        int apiTimeoutMs = (int) Math.max(1000, settings.initTimeout().toMillis());
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, apiTimeoutMs);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(apiTimeoutMs, 30_000));
        Properties properties = new Properties();
        properties.putAll(config);
        Admin admin = Admin.create(properties);
        try {
            String topic = settings.topic();
            if (!await(admin.listTopics().names(), deadline, settings).contains(topic)) {
                create(admin, settings, deadline);
            }
            checkWhenVisible(admin, settings, deadline);
        } finally {
            // Pending calls are abandoned rather than waited for: start-up has already failed then.
            admin.close(Duration.ofSeconds(1));
        }
    }

    /**
     * Checks the topic's partitions and cleanup policy. A topic created a moment ago may not be in
     * the broker's metadata yet ("does not host this topic-partition"): ask again until the deadline.
     */
    private static void checkWhenVisible(Admin admin, KafkaStoreSettings settings, Instant deadline) {
        while (true) {
            try {
                check(admin, settings, deadline);
                return;
            } catch (IllegalStateException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || remaining(deadline).isZero()) {
                    throw e;
                }
                LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
            }
        }
    }

    private static void check(Admin admin, KafkaStoreSettings settings, Instant deadline) {
        String topic = settings.topic();
        TopicDescription description = await(admin.describeTopics(List.of(topic)).topicNameValues().get(topic),
                deadline, settings);
        if (description.partitions().size() != 1) {
            throw new IllegalStateException("The schemas topic " + topic + " has " + description.partitions().size()
                    + " partitions; it must have exactly 1 (schema-registry.kafkastore.topic)");
        }
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        Config topicConfig = await(admin.describeConfigs(List.of(resource)).values().get(resource), deadline, settings);
        String cleanupPolicy = topicConfig.get(TopicConfig.CLEANUP_POLICY_CONFIG).value();
        if (!cleanupPolicy.contains(TopicConfig.CLEANUP_POLICY_COMPACT)) {
            throw new IllegalStateException("The schemas topic " + topic + " has cleanup.policy=" + cleanupPolicy
                    + "; it must be compact, or schemas would be deleted (schema-registry.kafkastore.topic)");
        }
    }

    private static void create(Admin admin, KafkaStoreSettings settings, Instant deadline) {
        NewTopic newTopic = new NewTopic(settings.topic(), 1, (short) settings.replicationFactor())
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
        try {
            await(admin.createTopics(List.of(newTopic)).all(), deadline, settings);
            log.info("Schemas topic created topic={} partitions=1 replicationFactor={} cleanupPolicy=compact",
                    settings.topic(), settings.replicationFactor());
        } catch (IllegalStateException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }

    private static <T> T await(Future<T> future, Instant deadline, KafkaStoreSettings settings) {
        try {
            return future.get(remaining(deadline).toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw notAnswered(settings, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof org.apache.kafka.common.errors.TimeoutException) {
                // The admin client's own timeout (the same length) may run out first: the same story.
                throw notAnswered(settings, e.getCause());
            }
            throw new IllegalStateException("Could not prepare the schemas topic " + settings.topic() + " on Kafka at "
                    + settings.bootstrapServers() + ": " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while preparing the schemas topic " + settings.topic(), e);
        }
    }

    private static IllegalStateException notAnswered(KafkaStoreSettings settings, Throwable cause) {
        return new IllegalStateException("Kafka at " + settings.bootstrapServers() + " did not answer within "
                + settings.initTimeout() + " (schema-registry.kafkastore.init-timeout, spring.kafka.bootstrap-servers)", cause);
    }

    static Duration remaining(Instant deadline) {
        Duration left = Duration.between(Instant.now(), deadline);
        return left.isNegative() ? Duration.ZERO : left;
    }
}
