package io.supportsla.registry;

import io.supportsla.registry.compatibility.CompatibilityLevel;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.util.Map;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings under {@code schema-registry.*}. A wrong value stops start-up with a message naming
 * the key. The Kafka bootstrap servers come from {@code spring.kafka.bootstrap-servers}.
 *
 * @param compatibilityLevel the level applied where neither the global config record nor a
 *     subject's own says otherwise (Confluent's {@code schema.compatibility.level})
 * @param kafkastore where and how schemas are stored
 * @param writers who may change schemas and settings (HTTP Basic); empty leaves writes open, as
 *     Confluent's registry does without an authentication extension
 */
@Validated
@ConfigurationProperties("schema-registry")
public record SchemaRegistryProperties(
        @NotNull @DefaultValue("BACKWARD") CompatibilityLevel compatibilityLevel,
        @Valid @NotNull @DefaultValue KafkaStore kafkastore,
        @Valid @NotNull @DefaultValue Map<String, Writer> writers) {

    /**
     * A user allowed to write: registering schemas, changing compatibility settings.
     *
     * @param passwordSha256 hex SHA-256 of the password ({@code printf %s "$PASSWORD" | sha256sum})
     */
    public record Writer(
            @NotNull @Pattern(regexp = "[0-9a-fA-F]{64}", message = "must be 64 hex digits (SHA-256 of the password)")
                    String passwordSha256) {
    }

    /**
     * @param topic the compacted topic holding schemas and configs, in Confluent's record format
     * @param topicReplicationFactor replication factor used when the topic is created at start-up
     * @param initTimeout how long start-up may take to create the topic and read it to its end
     * @param writeTimeout how long one write may take to be acknowledged and applied locally
     */
    public record KafkaStore(
            @NotNull @Pattern(regexp = "[a-zA-Z0-9._-]{1,249}", message = "must be a valid Kafka topic name")
                    @DefaultValue("_schemas") String topic,
            @Min(1) @Max(Short.MAX_VALUE) @DefaultValue("1") int topicReplicationFactor,
            @NotNull @DurationMin(millis = 100) @DefaultValue("60s") Duration initTimeout,
            @NotNull @DurationMin(millis = 100) @DefaultValue("10s") Duration writeTimeout) {
    }
}
