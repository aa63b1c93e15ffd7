package io.supportsla.intake;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.Map;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * intake-service's own settings under {@code intake.*} (the customer directory and the
 * classification have their own records). A wrong value stops start-up with a message naming the
 * key. Kafka client settings are Spring Boot's {@code spring.kafka.*}; the registry URL is
 * {@code spring.kafka.properties.schema.registry.url}.
 */
@Validated
@ConfigurationProperties("intake")
public record IntakeProperties(
        @Valid @NotNull @DefaultValue Api api,
        @Valid @NotNull @DefaultValue Idempotency idempotency,
        @Valid @NotNull @DefaultValue View view,
        @Valid @NotNull @DefaultValue CaseNumbers caseNumbers,
        @Valid @NotNull @DefaultValue Kafka kafka) {

    /** Room between the end of a claim's lease and the moment its owner must have finished publishing. */
    static final Duration LEASE_MARGIN = Duration.ofSeconds(10);

    public IntakeProperties {
        if (idempotency != null && kafka != null
                && idempotency.lease().compareTo(kafka.publishBound().plus(LEASE_MARGIN)) < 0) {
            throw new IllegalArgumentException("intake.idempotency.lease (" + idempotency.lease() + ") must be at least"
                    + " intake.kafka.max-block + intake.kafka.delivery-timeout + " + LEASE_MARGIN.toSeconds() + "s ("
                    + kafka.publishBound().plus(LEASE_MARGIN) + "): a claim's owner must have published or given up"
                    + " before another instance may take the key over");
        }
        if (kafka != null && kafka.requestTimeout().compareTo(kafka.deliveryTimeout()) >= 0) {
            throw new IllegalArgumentException("intake.kafka.request-timeout (" + kafka.requestTimeout()
                    + ") must be shorter than intake.kafka.delivery-timeout (" + kafka.deliveryTimeout() + ")");
        }
    }

    /**
     * @param maxBodySize the largest request body accepted; larger ones get 413
     * @param retryAfter what {@code Retry-After} says when the broker or registry is unavailable (503)
     * @param rateLimit requests per API key; more get 429 with {@code Retry-After}
     */
    public record Api(
            @NotNull @DefaultValue("64KB") DataSize maxBodySize,
            @NotNull @DurationMin(seconds = 1) @DefaultValue("10s") Duration retryAfter,
            @Valid @NotNull @DefaultValue RateLimit rateLimit) {
    }

    /**
     * How many requests each API key may make: {@code requests} per {@code period}, counted per key
     * name by each intake instance on its own (behind a load balancer of n instances, a key may
     * make up to n times as many).
     *
     * @param enabled false turns the limit off
     * @param requests requests allowed per period and key
     * @param period the window the count refreshes after
     * @param keys per key name (as configured under {@code supportsla.security.api-keys}), a limit of its own
     */
    public record RateLimit(
            @DefaultValue("true") boolean enabled,
            @Min(1) @DefaultValue("100") int requests,
            @NotNull @DurationMin(millis = 1) @DefaultValue("1s") Duration period,
            @NotNull @DefaultValue Map<String, @Valid KeyLimit> keys) {

        /** The limit of the key with this name. */
        public KeyLimit limitOf(String keyName) {
            return keys.getOrDefault(keyName, new KeyLimit(requests, period));
        }
    }

    /** @param requests requests allowed per period for one key; @param period its window */
    public record KeyLimit(
            @Min(1) int requests,
            @NotNull @DurationMin(millis = 1) Duration period) {
    }

    /**
     * @param lease how long the first request with an Idempotency-Key owns it; a retry after
     *     that, finding no case, may take it over (the first owner has given up by then)
     * @param retention how long keys are remembered: the retention of the claims topic
     */
    public record Idempotency(
            @NotNull @DurationMin(seconds = 5) @DefaultValue("30s") Duration lease,
            @NotNull @DurationMin(hours = 24) @DefaultValue("7d") Duration retention) {
    }

    /** @param consistencyTimeout how long a request may wait for this instance to read what other instances wrote */
    public record View(@NotNull @DurationMin(millis = 100) @DefaultValue("5s") Duration consistencyTimeout) {
    }

    /**
     * @param base added to every case number; raise it above the highest case number if the
     *     claims topic ever has to be recreated, so that numbers are never reused
     */
    public record CaseNumbers(@Min(0) @Max(90_000_000) @DefaultValue("0") long base) {
    }

    /**
     * @param createTopics create intake's topics at start-up when missing
     * @param replicationFactor replication factor of the topics it creates (3 in production)
     * @param caseEventsPartitions partitions of support.case-events when created
     * @param portalSubmissionsPartitions partitions of portal.case-submissions and its rejected topic when created
     * @param deliveryTimeout how long a publish may take to be acknowledged ({@code delivery.timeout.ms})
     * @param requestTimeout how long one produce request may take ({@code request.timeout.ms})
     * @param maxBlock how long a publish may wait for broker metadata ({@code max.block.ms})
     * @param portalConsumerGroup the consumer group reading portal.case-submissions
     */
    public record Kafka(
            @DefaultValue("true") boolean createTopics,
            @Min(1) @Max(Short.MAX_VALUE) @DefaultValue("1") int replicationFactor,
            @Min(1) @DefaultValue("6") int caseEventsPartitions,
            @Min(1) @DefaultValue("6") int portalSubmissionsPartitions,
            @NotNull @DurationMin(seconds = 1) @DefaultValue("10s") Duration deliveryTimeout,
            @NotNull @DurationMin(millis = 500) @DefaultValue("5s") Duration requestTimeout,
            @NotNull @DurationMin(millis = 100) @DefaultValue("5s") Duration maxBlock,
            @NotBlank @DefaultValue("intake-service") String portalConsumerGroup) {

        /** The longest a publish can take before it is acknowledged or has definitely failed. */
        public Duration publishBound() {
            return maxBlock.plus(deliveryTimeout);
        }
    }
}
