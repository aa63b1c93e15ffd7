package io.supportsla.intake.portal;

import io.supportsla.intake.CaseIntake;
import io.supportsla.intake.IntakeProperties;
import io.supportsla.intake.cases.IntakeUnavailableException;
import io.supportsla.intake.idempotency.IdempotentRequestInProgressException;
import io.supportsla.intake.kafka.IntakeTopics;
import io.supportsla.intake.metrics.IntakeMetrics;
import io.supportsla.intake.validation.StrictJsonBinder;
import io.supportsla.security.ApiKeyRegistry;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;
import tools.jackson.databind.json.JsonMapper;

/**
 * The portal topic's consumer: a consumer group ({@code intake.kafka.portal-consumer-group}), so
 * each submission is handled by one instance. Failures are handled by kind: undecodable records
 * go straight to the dead-letter topic; Kafka or the registry being unavailable is retried with
 * backoff, without end, so no submission is lost; anything else is tried three times, then
 * dead-lettered.
 */
@Configuration(proxyBeanMethods = false)
public class PortalConfiguration {

    static final String CONTAINER_FACTORY = "kafkaListenerContainerFactory";

    @Bean(CONTAINER_FACTORY)
    ConcurrentKafkaListenerContainerFactory<String, byte[]> portalSubmissionsContainerFactory(
            KafkaProperties kafka, IntakeProperties intake, KafkaTemplate<String, byte[]> bytesTemplate) {
        Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, intake.kafka().portalConsumerGroup());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        ConcurrentKafkaListenerContainerFactory<String, byte[]> factory = new ConcurrentKafkaListenerContainerFactory<>();
        factory.setConsumerFactory(new DefaultKafkaConsumerFactory<>(config, new StringDeserializer(), new ByteArrayDeserializer()));
        factory.setCommonErrorHandler(errorHandler(bytesTemplate));
        return factory;
    }

    static DefaultErrorHandler errorHandler(KafkaTemplate<String, byte[]> bytesTemplate) {
        // The dead-letter topic has one partition, whatever partition the record came from.
        DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(bytesTemplate,
                (record, exception) -> new TopicPartition(IntakeTopics.PORTAL_SUBMISSIONS_DLQ, -1));
        DefaultErrorHandler handler = new DefaultErrorHandler(deadLetters, new FixedBackOff(1_000, 2));
        handler.addNotRetryableExceptions(UndecodableSubmissionException.class);
        ExponentialBackOff untilAvailable = new ExponentialBackOff(1_000, 2.0);
        untilAvailable.setMaxInterval(30_000);
        handler.setBackOffFunction((record, exception) -> isTransient(exception) ? untilAvailable : null);
        return handler;
    }

    static boolean isTransient(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof IntakeUnavailableException || cause instanceof IdempotentRequestInProgressException) {
                return true;
            }
        }
        return false;
    }

    @Bean
    RejectedSubmissions rejectedSubmissions(KafkaTemplate<String, byte[]> bytesTemplate, JsonMapper json, Clock clock,
                                            IntakeProperties intake) {
        return new RejectedSubmissions(bytesTemplate, json, clock, intake.kafka().publishBound().plusSeconds(2),
                intake.api().retryAfter());
    }

    @Bean
    PortalSubmissionListener portalSubmissionListener(JsonMapper json, StrictJsonBinder binder, ApiKeyRegistry identities,
                                                      CaseIntake intake, RejectedSubmissions rejected, IntakeMetrics metrics) {
        return new PortalSubmissionListener(json, binder, identities, intake, rejected, metrics);
    }
}
