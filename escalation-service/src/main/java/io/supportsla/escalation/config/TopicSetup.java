package io.supportsla.escalation.config;

import io.supportsla.escalation.streams.EscalationBindings;
import io.supportsla.schemas.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;

/**
 * Before Kafka Streams starts: creates the acknowledgement command topic with as many partitions
 * as {@code support.case-events} (the topology reads both in one task per partition, so they must
 * be co-partitioned) and the dead-letter topics of the inputs; and refuses to start when the
 * command topic exists with another partition count. Off with
 * {@code supportsla.escalation.streams.create-topics=false} where topics are managed elsewhere.
 */
class TopicSetup implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(TopicSetup.class);
    private static final long TIMEOUT_SECONDS = 60;

    private final Map<String, Object> adminConfig;
    private final StreamsProperties settings;

    TopicSetup(Map<String, Object> adminConfig, StreamsProperties settings) {
        this.adminConfig = adminConfig;
        this.settings = settings;
    }

    @Override
    public void afterPropertiesSet() throws Exception {
        if (!settings.createTopics()) {
            return;
        }
        try (Admin admin = Admin.create(adminConfig)) {
            Optional<Integer> casePartitions = partitions(admin, Topics.CASE_EVENTS.name());
            int wanted = casePartitions.orElse(settings.acknowledgementRequestPartitions());
            String commands = EscalationBindings.ACKNOWLEDGEMENT_REQUESTS_TOPIC;
            Optional<Integer> existing = partitions(admin, commands);
            if (existing.isPresent() && casePartitions.isPresent() && !existing.get().equals(wanted)) {
                throw new IllegalStateException("Topic " + commands + " has " + existing.get() + " partitions but "
                        + Topics.CASE_EVENTS.name() + " has " + wanted + ": they must be co-partitioned; recreate "
                        + commands + " with " + wanted + " partitions");
            }
            List<NewTopic> missing = new ArrayList<>();
            if (existing.isEmpty()) {
                missing.add(new NewTopic(commands, Optional.of(wanted), replication()));
            }
            // Its own output, as the contract has it (docs/topics.md): otherwise the first writer or
            // subscriber would have the broker create it with its default partition count.
            if (partitions(admin, Topics.ESCALATION_EVENTS.name()).isEmpty()) {
                missing.add(new NewTopic(Topics.ESCALATION_EVENTS.name(), Optional.of(wanted), replication())
                        .configs(Map.of("retention.ms", Long.toString(TimeUnit.DAYS.toMillis(400)))));
            }
            for (String input : EscalationBindings.inputTopics()) {
                String deadLetters = Topics.deadLetterTopic(input);
                if (partitions(admin, deadLetters).isEmpty()) {
                    missing.add(new NewTopic(deadLetters, Optional.of(1), replication())
                            .configs(Map.of("retention.ms", Long.toString(TimeUnit.DAYS.toMillis(30)))));
                }
            }
            create(admin, missing);
        }
    }

    private Optional<Short> replication() {
        return settings.topicReplicationFactor() > 0 ? Optional.of(settings.topicReplicationFactor()) : Optional.empty();
    }

    private static Optional<Integer> partitions(Admin admin, String topic) throws InterruptedException, TimeoutException {
        try {
            Map<String, TopicDescription> described = admin.describeTopics(Set.of(topic)).allTopicNames()
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return Optional.of(described.get(topic).partitions().size());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return Optional.empty();
            }
            throw new IllegalStateException("Could not describe topic " + topic, e.getCause());
        }
    }

    private static void create(Admin admin, List<NewTopic> topics) throws InterruptedException, TimeoutException {
        for (NewTopic topic : topics) {
            try {
                admin.createTopics(List.of(topic)).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                log.info("Created topic {} with {} partition(s)", topic.name(), topic.numPartitions());
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new IllegalStateException("Could not create topic " + topic.name(), e.getCause());
                }
            }
        }
    }
}
