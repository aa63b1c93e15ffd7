package io.supportsla.notification.config;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

import io.supportsla.notification.delivery.RetryPolicy;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Everything notification-service is told under {@code notification.*}: its own recipients (the
 * escalation directory travels inside {@code EscalationRaised}), email and pager settings, the
 * retry budget, Kafka settings and the regional calendars for the SEV1 call-out. Validated at
 * start-up: a wrong value stops the service with a message naming the key.
 */
@Validated
@ConfigurationProperties("notification")
public record NotificationProperties(
        @Valid @NotNull Recipients recipients,
        @Valid @NotNull EmailSettings email,
        @Valid @NotNull PagerSettings pager,
        @Valid @NotNull RetrySettings retry,
        @Valid @NotNull KafkaSettings kafka,
        @Valid @NotNull CalendarSettings calendar) {

    /** Recipients of the notifications this service raises on its own (SPEC 3.5). */
    public record Recipients(
            @Valid @NotNull TeamQueue consultingTeam,
            @Valid @NotNull PagedTeam hotlineOnCall,
            @Valid @NotNull PagedTeam onDutyTechnicians,
            Map<String, @NotBlank @Email String> consultants) {

        public Recipients {
            consultants = consultants == null ? Map.of() : consultants;
        }
    }

    /** An email queue: SLA warnings, and status-update reminders when the case has no known consultant. */
    public record TeamQueue(@NotBlank String name, @NotBlank @Email String email) {
    }

    /** A team reached by pages (PagerDuty routing key); the email is optional. */
    public record PagedTeam(@NotBlank String name, @NotBlank String pagerRoutingKey, @Email String email) {
    }

    public record EmailSettings(
            @NotBlank @Email String fromAddress,
            @NotBlank String fromName,
            @NotBlank @Pattern(regexp = "[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*",
                    message = "must be a host name") String messageIdDomain) {
    }

    public record PagerSettings(
            @NotBlank @Pattern(regexp = "https?://\\S+", message = "must be an http or https URL") String baseUrl,
            @NotBlank String source,
            @NotBlank String clientName,
            @NotNull @DurationMin(millis = 1) Duration connectTimeout,
            @NotNull @DurationMin(millis = 1) Duration readTimeout) {
    }

    /** Exponential backoff with jitter for transient failures; Retry-After is honoured up to {@code maxRetryAfter}. */
    public record RetrySettings(
            @Min(1) @Max(20) int maxAttempts,
            @NotNull @DurationMin(millis = 1) Duration initialBackoff,
            @DecimalMin("1.0") @DecimalMax("10.0") double multiplier,
            @NotNull @DurationMin(millis = 1) Duration maxBackoff,
            @DecimalMin("0.0") @DecimalMax("1.0") double jitter,
            @NotNull Duration maxRetryAfter) {

        public RetryPolicy toPolicy() {
            return new RetryPolicy(maxAttempts, initialBackoff, multiplier, maxBackoff, jitter, maxRetryAfter);
        }
    }

    /**
     * @param topicPartitions partitions of the topics this service creates when they do not exist:
     *                        {@code support.notification-events} and its state topics
     * @param deadLetterTopicPartitions partitions of the {@code <topic>.dlq} topics it creates
     */
    public record KafkaSettings(
            @NotBlank String groupId,
            @Min(1) @Max(64) int concurrency,
            @NotBlank String transactionIdPrefix,
            @Min(1) int topicPartitions,
            @Min(1) @Max(32767) @DefaultValue("1") int deadLetterTopicPartitions,
            @NotNull @DurationMin(hours = 1) Duration deliveriesRetention,
            @NotNull @DurationMin(seconds = 1) Duration stateCatchUpTimeout) {
    }

    /** Regional holiday settings for "SEV1 created on a weekend or holiday"; keys EMEA, AMER, APAC. */
    public record CalendarSettings(@NotNull Map<io.supportsla.calendar.Region, @Valid RegionCalendar> regions) {
    }

    /**
     * One region's holidays: the jollyday subdivision (null keeps the module default), extra
     * closure days, and jollyday holiday keys that do not close the office (null keeps the default).
     */
    public record RegionCalendar(String holidaySubdivision, Set<LocalDate> extraClosureDays, Set<String> excludedHolidays) {
    }
}
