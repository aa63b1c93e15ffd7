package io.supportsla.sla.config;

import io.supportsla.sla.streams.SlaProcessorSettings;
import io.supportsla.sla.targets.SlaPolicy;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The service's settings under {@code support.sla}, validated at start-up: a wrong value stops the
 * service with a message naming the key. Every duration of the SLA rules is here.
 */
@Validated
@ConfigurationProperties("support.sla")
public record SlaProperties(
        @Valid @NotNull @DefaultValue Targets targets,
        @Valid @NotNull @DefaultValue Warnings warnings,
        @Valid @NotNull @DefaultValue StatusUpdates statusUpdates,
        @Valid @NotNull @DefaultValue Timers timers,
        @Valid @NotNull @DefaultValue Api api,
        @Valid @NotNull @DefaultValue TopicSettings topics) {

    /** Response targets (SPEC 3.2). END_USER_ISSUE, SEV2 and SEV3 count business time; SEV1 counts around the clock. */
    public record Targets(
            @NotNull @DurationMin(millis = 1) @DefaultValue("2h") Duration endUserIssue,
            @NotNull @DurationMin(millis = 1) @DefaultValue("8h") Duration sev2,
            @NotNull @DurationMin(millis = 1) @DefaultValue("12h") Duration sev3,
            @NotNull @DurationMin(millis = 1) @DefaultValue("1h") Duration sev1CaseOnly,
            @NotNull @DurationMin(millis = 1) @DefaultValue("15m") Duration sev1HotlineCall,
            @NotNull @DurationMin(millis = 1) @DefaultValue("1h") Duration sev1HotlineCallWeekendOrHoliday) {
    }

    /** Warnings before a response breach, at these percentages of the target (1 to 99, each once). */
    public record Warnings(@NotNull @DefaultValue({"50", "75", "90"}) List<@NotNull @Min(1) @Max(99) Integer> percentages) {

        @AssertTrue(message = "must not list a percentage twice")
        public boolean isEachPercentageOnce() {
            return percentages == null || new HashSet<>(percentages).size() == percentages.size();
        }
    }

    /**
     * SEV1 status updates: the interval when a case carries none, and how long before an update is
     * due the reminder goes out (0: at the due time; the breach is always at the due time).
     */
    public record StatusUpdates(
            @NotNull @DurationMin(seconds = 1) @DefaultValue("60m") Duration defaultInterval,
            @NotNull @DurationMin(nanos = 0) @DefaultValue("10m") Duration reminderLead) {
    }

    /** The durable timers: punctuation interval, batch size per punctuation, and how long resolved cases stay queryable. */
    public record Timers(
            @NotNull @DurationMin(millis = 10) @DefaultValue("250ms") Duration punctuationInterval,
            @Min(1) @DefaultValue("1000") int maxFiredPerPunctuation,
            @NotNull @DurationMin(seconds = 1) @DefaultValue("7d") Duration resolvedCaseRetention) {
    }

    /**
     * The query API: the host other instances reach this one on (with {@code server.port} it is the
     * Kafka Streams {@code application.server}), and how long a forwarded query may take.
     */
    public record Api(
            @NotBlank @DefaultValue("localhost") String advertisedHost,
            @NotNull @DurationMin(millis = 1) @DefaultValue("5s") Duration forwardTimeout) {
    }

    /**
     * Topics this service creates when missing: the SLA events topic gets this many partitions (keep
     * it equal to the case events topic's, 6 in production, so consumers can join them per case).
     */
    public record TopicSettings(@Min(1) @DefaultValue("6") int slaEventsPartitions) {
    }

    public SlaPolicy toPolicy() {
        return new SlaPolicy(targets.endUserIssue(), targets.sev2(), targets.sev3(), targets.sev1CaseOnly(),
                targets.sev1HotlineCall(), targets.sev1HotlineCallWeekendOrHoliday(), warnings.percentages(),
                statusUpdates.defaultInterval(), statusUpdates.reminderLead(), timers.resolvedCaseRetention());
    }

    public SlaProcessorSettings toProcessorSettings() {
        return new SlaProcessorSettings(timers.punctuationInterval(), timers.maxFiredPerPunctuation());
    }

}
