package io.supportsla.localstack;

import java.time.Duration;
import java.util.ArrayList;
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
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

import io.supportsla.schemas.Topics;

/**
 * Creates the four {@code support.*} topics, when missing, before any service starts, with the
 * partitions and retention of docs/topics.md (6 partitions; case events kept forever, the others
 * 400 days). Each writer would create its own topic, but the services start together: a consumer
 * subscribing to a topic its writer has not created yet makes the broker auto-create it with the
 * broker's default partition count, and escalation-service's Kafka Streams task reads
 * {@code support.case-events} and {@code support.sla-events} together, so both must have the same
 * number of partitions. Existing topics are never altered.
 */
public final class PlatformTopics {

    /** Partitions of every {@code support.*} topic (docs/topics.md). */
    public static final int PARTITIONS = 6;

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String FOREVER = "-1";
    private static final String DAYS_400 = Long.toString(Duration.ofDays(400).toMillis());

    private PlatformTopics() {
    }

    /** The topics as docs/topics.md declares them. */
    static List<NewTopic> declared() {
        return List.of(
                topic(Topics.CASE_EVENTS.name(), FOREVER),
                topic(Topics.SLA_EVENTS.name(), DAYS_400),
                topic(Topics.ESCALATION_EVENTS.name(), DAYS_400),
                topic(Topics.NOTIFICATION_EVENTS.name(), DAYS_400));
    }

    /** Creates the missing ones; returns the names created. */
    public static List<String> createMissing(String bootstrapServers) {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        List<String> created = new ArrayList<>();
        try (Admin admin = Admin.create(properties)) {
            Set<String> existing = admin.listTopics().names().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            for (NewTopic topic : declared()) {
                if (existing.contains(topic.name())) {
                    continue;
                }
                try {
                    admin.createTopics(List.of(topic)).all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                    created.add(topic.name());
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("Cannot create topic " + topic.name() + ": " + e.getCause(), e);
                    }
                }
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot reach Kafka at " + bootstrapServers + " to check the topics: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating the topics", e);
        }
        return created;
    }

    private static NewTopic topic(String name, String retentionMs) {
        // Replication: the broker's default (1 locally; set default.replication.factor on a real cluster).
        return new NewTopic(name, Optional.of(PARTITIONS), Optional.empty())
                .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, retentionMs));
    }
}
