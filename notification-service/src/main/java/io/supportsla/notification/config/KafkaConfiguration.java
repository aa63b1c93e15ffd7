package io.supportsla.notification.config;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import io.supportsla.notification.delivery.NotificationDispatcher;
import io.supportsla.notification.kafka.CauseDecoder;
import io.supportsla.notification.kafka.CauseListener;
import io.supportsla.notification.kafka.CauseProcessor;
import io.supportsla.notification.kafka.DeliveryRecord;
import io.supportsla.notification.kafka.KafkaTable;
import io.supportsla.notification.kafka.NotificationDeliveryFailedException;
import io.supportsla.notification.kafka.NotificationState;
import io.supportsla.notification.kafka.OutcomeEvents;
import io.supportsla.notification.kafka.OutcomeJournal;
import io.supportsla.notification.kafka.StateTopics;
import io.supportsla.notification.triggers.CaseFacts;
import io.supportsla.notification.triggers.OpenPage;
import io.supportsla.notification.triggers.Triggers;
import io.supportsla.schemas.Topics;
import io.supportsla.serde.KafkaAvroDeserializer;
import io.supportsla.serde.KafkaAvroSerializer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;
import tools.jackson.databind.json.JsonMapper;

/**
 * Kafka wiring: a transactional producer for outcomes and state, the state tables, the dead-letter
 * recoverer, the topics this service writes, and the listener container over the three cause topics
 * (offsets committed per record, after its outcomes are recorded).
 */
@Configuration(proxyBeanMethods = false)
public class KafkaConfiguration {

    /** Retention of {@code support.notification-events} (docs/topics.md). */
    static final Duration NOTIFICATION_EVENTS_RETENTION = Duration.ofDays(400);
    /** Retention of dead-letter topics (docs/topics.md). */
    static final Duration DEAD_LETTER_RETENTION = Duration.ofDays(30);

    @Bean
    KafkaAdmin.NewTopics notificationTopics(NotificationProperties properties) {
        NotificationProperties.KafkaSettings kafka = properties.kafka();
        return new KafkaAdmin.NewTopics(
                TopicBuilder.name(Topics.NOTIFICATION_EVENTS.name()).partitions(kafka.topicPartitions())
                        .config(TopicConfig.RETENTION_MS_CONFIG, Long.toString(NOTIFICATION_EVENTS_RETENTION.toMillis()))
                        .build(),
                TopicBuilder.name(StateTopics.DELIVERIES).partitions(kafka.topicPartitions())
                        .config(TopicConfig.CLEANUP_POLICY_CONFIG,
                                TopicConfig.CLEANUP_POLICY_COMPACT + "," + TopicConfig.CLEANUP_POLICY_DELETE)
                        .config(TopicConfig.RETENTION_MS_CONFIG, Long.toString(kafka.deliveriesRetention().toMillis()))
                        .build(),
                TopicBuilder.name(StateTopics.OPEN_PAGES).partitions(kafka.topicPartitions()).compact().build(),
                TopicBuilder.name(StateTopics.CASE_FACTS).partitions(kafka.topicPartitions()).compact().build(),
                deadLetterTopic(Topics.CASE_EVENTS.deadLetterTopic(), kafka),
                deadLetterTopic(Topics.SLA_EVENTS.deadLetterTopic(), kafka),
                deadLetterTopic(Topics.ESCALATION_EVENTS.deadLetterTopic(), kafka));
    }

    private static org.apache.kafka.clients.admin.NewTopic deadLetterTopic(String name, NotificationProperties.KafkaSettings kafka) {
        return TopicBuilder.name(name).partitions(kafka.deadLetterTopicPartitions())
                .config(TopicConfig.RETENTION_MS_CONFIG, Long.toString(DEAD_LETTER_RETENTION.toMillis()))
                .build();
    }

    @Bean
    DefaultKafkaProducerFactory<byte[], byte[]> notificationProducerFactory(KafkaProperties kafkaProperties,
            NotificationProperties properties) {
        Map<String, Object> config = new HashMap<>(kafkaProperties.buildProducerProperties());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        DefaultKafkaProducerFactory<byte[], byte[]> factory = new DefaultKafkaProducerFactory<>(config);
        factory.setTransactionIdPrefix(properties.kafka().transactionIdPrefix());
        return factory;
    }

    @Bean
    KafkaTemplate<byte[], byte[]> notificationKafkaTemplate(DefaultKafkaProducerFactory<byte[], byte[]> producerFactory) {
        return new KafkaTemplate<>(producerFactory);
    }

    @Bean(destroyMethod = "close")
    Admin notificationAdminClient(KafkaProperties kafkaProperties) {
        return Admin.create(kafkaProperties.buildAdminProperties());
    }

    @Bean
    NotificationState notificationState(KafkaProperties kafkaProperties, NotificationProperties properties, JsonMapper json,
            Admin admin, Clock clock) {
        Map<String, Object> consumerConfig = kafkaProperties.buildConsumerProperties();
        NotificationProperties.KafkaSettings kafka = properties.kafka();
        return new NotificationState(
                new KafkaTable<>(StateTopics.DELIVERIES, DeliveryRecord.class, json, consumerConfig, admin,
                        DeliveryRecord::at, kafka.deliveriesRetention(), clock),
                new KafkaTable<>(StateTopics.OPEN_PAGES, OpenPage.class, json, consumerConfig, admin, null, null, clock),
                new KafkaTable<>(StateTopics.CASE_FACTS, CaseFacts.class, json, consumerConfig, admin, null, null, clock),
                kafka.stateCatchUpTimeout());
    }

    /**
     * Writes a cause as received to {@code <topic>.dlq} with Spring Kafka's {@code kafka_dlt-*} headers,
     * plus {@code notification-id} when a notification failed.
     */
    @Bean
    DeadLetterPublishingRecoverer deadLetterPublishingRecoverer(KafkaTemplate<byte[], byte[]> template) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(template,
                (record, exception) -> new TopicPartition(Topics.deadLetterTopic(record.topic()), -1));
        recoverer.setHeadersFunction((record, exception) -> {
            RecordHeaders headers = new RecordHeaders();
            if (exception.getCause() instanceof NotificationDeliveryFailedException failed) {
                headers.add("notification-id", failed.notificationId().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            return headers;
        });
        return recoverer;
    }

    @Bean
    OutcomeJournal outcomeJournal(KafkaTemplate<byte[], byte[]> template, KafkaProperties kafkaProperties,
            NotificationState state, DeadLetterPublishingRecoverer deadLetters) {
        KafkaAvroSerializer serializer = new KafkaAvroSerializer();
        serializer.configure(kafkaProperties.buildProducerProperties(), false);
        return new OutcomeJournal(template, serializer, new OutcomeEvents(UUID::randomUUID), state, deadLetters);
    }

    @Bean
    CauseProcessor causeProcessor(KafkaProperties kafkaProperties, Triggers triggers, NotificationState state,
            NotificationDispatcher dispatcher, OutcomeJournal journal) {
        Map<String, Object> config = new HashMap<>(kafkaProperties.buildConsumerProperties());
        config.put("specific.avro.reader", true);
        KafkaAvroDeserializer deserializer = new KafkaAvroDeserializer();
        deserializer.configure(config, false);
        return new CauseProcessor(new CauseDecoder(deserializer), triggers, state, dispatcher, journal);
    }

    @Bean
    ConcurrentMessageListenerContainer<byte[], byte[]> causeListenerContainer(KafkaProperties kafkaProperties,
            NotificationProperties properties, CauseProcessor processor, NotificationState state) {
        Map<String, Object> config = new HashMap<>(kafkaProperties.buildConsumerProperties());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, properties.kafka().groupId());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // Each input topic is created by its writer with the contract's partition count; subscribing
        // before it exists must not let the broker create it with its default count.
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        // The sla and escalation services write under exactly-once: never act on an aborted event.
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, IsolationLevel.READ_COMMITTED.toString());
        // One record may take a whole retry budget per notification: few records per poll, a long poll interval.
        config.putIfAbsent(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 10);
        config.putIfAbsent(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, (int) Duration.ofMinutes(10).toMillis());

        ContainerProperties containerProperties = new ContainerProperties(
                Topics.CASE_EVENTS.name(), Topics.SLA_EVENTS.name(), Topics.ESCALATION_EVENTS.name());
        CauseListener listener = new CauseListener(processor, state);
        containerProperties.setMessageListener(listener);
        containerProperties.setConsumerRebalanceListener(listener);
        containerProperties.setAckMode(ContainerProperties.AckMode.RECORD);
        containerProperties.setSyncCommits(true);
        containerProperties.setGroupId(properties.kafka().groupId());

        ConcurrentMessageListenerContainer<byte[], byte[]> container =
                new ConcurrentMessageListenerContainer<>(new DefaultKafkaConsumerFactory<>(config), containerProperties);
        container.setConcurrency(properties.kafka().concurrency());
        container.setBeanName("notification-causes");
        // Kafka or the registry unavailable: hand the record in again, backing off, for as long as it
        // takes. Every exception is retried (none skips the record), so no cause is committed without
        // its outcomes; causes that can never be handled are dead-lettered by the processor itself.
        ExponentialBackOff backOff = new ExponentialBackOff(1_000, 2.0);
        backOff.setMaxInterval(30_000);
        DefaultErrorHandler errorHandler = new DefaultErrorHandler(backOff);
        errorHandler.setClassifications(Map.of(), true);
        container.setCommonErrorHandler(errorHandler);
        return container;
    }
}
