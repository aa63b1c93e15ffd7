package io.supportsla.intake;

import io.micrometer.core.instrument.MeterRegistry;
import io.supportsla.intake.casenumbers.CaseNumberClaims;
import io.supportsla.intake.cases.CaseEventPublisher;
import io.supportsla.intake.customers.CustomerDirectory;
import io.supportsla.intake.customers.DirectoryProperties;
import io.supportsla.intake.idempotency.IdempotencyLedger;
import io.supportsla.intake.idempotency.IdempotentCreation;
import io.supportsla.intake.idempotency.RequestFingerprint;
import io.supportsla.intake.kafka.FollowerHealthIndicator;
import io.supportsla.intake.kafka.IntakeTopics;
import io.supportsla.intake.kafka.TopicFollower;
import io.supportsla.intake.metrics.IntakeMetrics;
import io.supportsla.intake.rules.ClassificationProperties;
import io.supportsla.intake.rules.IntakeRules;
import io.supportsla.intake.validation.StrictJsonBinder;
import io.supportsla.intake.view.CaseView;
import io.supportsla.schemas.Topics;
import io.supportsla.serde.AvroSerdeConfig;
import io.supportsla.serde.KafkaAvroDeserializer;
import jakarta.validation.Validator;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Wires intake's use cases to its rules, its copies of the topics and its publisher. */
@Configuration(proxyBeanMethods = false)
public class IntakeConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Requests are read strictly: unknown fields, duplicate keys and trailing content are errors, never ignored. */
    @Bean
    JsonMapperBuilderCustomizer strictJson() {
        return builder -> builder
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                        DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY, DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
    }

    @Bean
    CustomerDirectory customerDirectory(DirectoryProperties properties) {
        return properties.toDirectory();
    }

    @Bean
    IntakeRules intakeRules(CustomerDirectory directory, ClassificationProperties classification) {
        return new IntakeRules(directory, classification.toPolicy());
    }

    @Bean
    StrictJsonBinder strictJsonBinder(JsonMapper json, Validator validator) {
        return new StrictJsonBinder(json, validator);
    }

    @Bean
    IntakeMetrics intakeMetrics(MeterRegistry registry) {
        return new IntakeMetrics(registry);
    }

    @Bean
    CaseView caseView(KafkaProperties kafka, Admin kafkaAdminClient, IntakeProperties intake) {
        Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
        config.put(AvroSerdeConfig.SPECIFIC_AVRO_READER_CONFIG, true);
        KafkaAvroDeserializer values = new KafkaAvroDeserializer();
        values.configure(config, false);
        return new CaseView(apply -> new TopicFollower<>(Topics.CASE_EVENTS.name(), config, new StringDeserializer(), values,
                apply, kafkaAdminClient, null), intake.view().consistencyTimeout(), intake.api().retryAfter());
    }

    @Bean
    CaseNumberClaims caseNumberClaims(KafkaProperties kafka, Admin kafkaAdminClient, KafkaTemplate<String, byte[]> bytesTemplate,
                                      JsonMapper json, IntakeProperties intake, Clock clock) {
        Map<String, Object> config = kafka.buildConsumerProperties();
        return new CaseNumberClaims(IntakeTopics.CASE_NUMBER_CLAIMS, bytesTemplate, json, intake.caseNumbers().base(),
                intake.kafka().publishBound(), intake.api().retryAfter(), clock,
                apply -> new TopicFollower<>(IntakeTopics.CASE_NUMBER_CLAIMS, config, new StringDeserializer(),
                        new ByteArrayDeserializer(), apply, kafkaAdminClient, 1));
    }

    @Bean
    FollowerHealthIndicator caseViewHealthIndicator(CaseView caseView) {
        return new FollowerHealthIndicator(caseView.follower());
    }

    @Bean
    FollowerHealthIndicator caseNumberClaimsHealthIndicator(CaseNumberClaims caseNumberClaims) {
        return new FollowerHealthIndicator(caseNumberClaims.follower());
    }

    @Bean
    IdempotentCreation idempotentCreation(CaseNumberClaims caseNumberClaims, CaseView caseView, IntakeProperties intake, Clock clock) {
        return new IdempotentCreation(new IdempotencyLedger(intake.idempotency().lease()), caseNumberClaims, caseView,
                intake.idempotency().lease(), intake.kafka().publishBound(), intake.view().consistencyTimeout(),
                intake.api().retryAfter(), clock);
    }

    @Bean
    CaseIntake caseIntake(IntakeRules rules, CaseView caseView, CaseNumberClaims caseNumberClaims, IdempotentCreation idempotentCreation,
                          JsonMapper json, CaseEventPublisher publisher, IntakeMetrics metrics, Clock clock, IntakeProperties intake) {
        return new CaseIntake(rules, caseView, caseNumberClaims, idempotentCreation, new RequestFingerprint(json), publisher,
                metrics, clock, intake.api().retryAfter());
    }
}
