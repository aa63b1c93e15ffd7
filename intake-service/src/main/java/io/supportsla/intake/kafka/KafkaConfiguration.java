package io.supportsla.intake.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import io.supportsla.intake.IntakeProperties;
import io.supportsla.intake.metrics.IntakeMetrics;
import io.supportsla.schemas.Topics;
import io.supportsla.schemas.cases.CaseEvent;
import io.supportsla.serde.KafkaAvroSerializer;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.MicrometerProducerListener;
import org.springframework.kafka.core.ProducerFactory;

/**
 * Kafka clients and topics. Every producer waits for all in-sync replicas ({@code acks=all}) and
 * is idempotent, so a retried send never duplicates a record; these are fixed here, not
 * configurable. Timeouts come from {@code intake.kafka.*}; everything else from Spring Boot's
 * {@code spring.kafka.*}.
 */
@Configuration(proxyBeanMethods = false)
public class KafkaConfiguration {

    @Bean
    ProducerFactory<String, CaseEvent> caseEventProducerFactory(KafkaProperties kafka, IntakeProperties intake, MeterRegistry meters) {
        Map<String, Object> config = reliableProducer(kafka, intake.kafka(), "intake-case-events");
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, KafkaAvroSerializer.class);
        DefaultKafkaProducerFactory<String, CaseEvent> factory = new DefaultKafkaProducerFactory<>(config);
        factory.addListener(new MicrometerProducerListener<>(meters));
        return factory;
    }

    @Bean
    KafkaTemplate<String, CaseEvent> caseEventTemplate(ProducerFactory<String, CaseEvent> caseEventProducerFactory) {
        return new KafkaTemplate<>(caseEventProducerFactory);
    }

    /** For intake's JSON topics (claims, rejected submissions) and dead letters, which carry bytes as received. */
    @Bean
    ProducerFactory<String, byte[]> bytesProducerFactory(KafkaProperties kafka, IntakeProperties intake, MeterRegistry meters) {
        Map<String, Object> config = reliableProducer(kafka, intake.kafka(), "intake-internal");
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        DefaultKafkaProducerFactory<String, byte[]> factory = new DefaultKafkaProducerFactory<>(config);
        factory.addListener(new MicrometerProducerListener<>(meters));
        return factory;
    }

    @Bean
    KafkaTemplate<String, byte[]> bytesTemplate(ProducerFactory<String, byte[]> bytesProducerFactory) {
        return new KafkaTemplate<>(bytesProducerFactory);
    }

    @Bean
    KafkaCaseEventPublisher caseEventPublisher(KafkaTemplate<String, CaseEvent> caseEventTemplate, IntakeProperties intake,
                                               IntakeMetrics metrics) {
        return new KafkaCaseEventPublisher(caseEventTemplate, intake.kafka().publishBound(), intake.api().retryAfter(), metrics);
    }

    @Bean(destroyMethod = "")
    Admin kafkaAdminClient(KafkaAdmin kafkaAdmin) {
        return Admin.create(kafkaAdmin.getConfigurationProperties());
    }

    /** Closes the admin client without waiting out calls to a broker that is gone (its own close would wait a minute). */
    @Bean
    DisposableBean kafkaAdminClientCloser(Admin kafkaAdminClient) {
        return () -> kafkaAdminClient.close(Duration.ofSeconds(3));
    }

    @Bean
    KafkaHealthIndicator kafkaHealthIndicator(Admin kafkaAdminClient) {
        return new KafkaHealthIndicator(kafkaAdminClient, Duration.ofSeconds(3));
    }

    /** Creates intake's topics when missing (production clusters may provision them instead: {@code intake.kafka.create-topics=false}). */
    @Bean
    @ConditionalOnProperty(name = "intake.kafka.create-topics", havingValue = "true", matchIfMissing = true)
    KafkaAdmin.NewTopics intakeTopics(IntakeProperties intake) {
        IntakeProperties.Kafka kafka = intake.kafka();
        short replication = (short) kafka.replicationFactor();
        long days30 = Duration.ofDays(30).toMillis();
        return new KafkaAdmin.NewTopics(
                new NewTopic(Topics.CASE_EVENTS.name(), kafka.caseEventsPartitions(), replication)
                        .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1")),
                new NewTopic(IntakeTopics.CASE_NUMBER_CLAIMS, 1, replication).configs(Map.of(
                        TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG, "LogAppendTime",
                        TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
                        TopicConfig.RETENTION_MS_CONFIG, Long.toString(intake.idempotency().retention().toMillis()))),
                new NewTopic(Topics.PORTAL_CASE_SUBMISSIONS, kafka.portalSubmissionsPartitions(), replication)
                        .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, Long.toString(Duration.ofDays(7).toMillis()))),
                new NewTopic(Topics.PORTAL_CASE_SUBMISSIONS_REJECTED, kafka.portalSubmissionsPartitions(), replication)
                        .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, Long.toString(days30))),
                new NewTopic(IntakeTopics.PORTAL_SUBMISSIONS_DLQ, 1, replication)
                        .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, Long.toString(days30))));
    }

    private static Map<String, Object> reliableProducer(KafkaProperties kafka, IntakeProperties.Kafka settings, String clientId) {
        Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.put(ProducerConfig.RETRIES_CONFIG, Integer.MAX_VALUE);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) settings.deliveryTimeout().toMillis());
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) settings.requestTimeout().toMillis());
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, settings.maxBlock().toMillis());
        config.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        return config;
    }
}
