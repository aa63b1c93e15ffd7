package io.supportsla.escalation.config;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings under {@code supportsla.escalation.streams}.
 *
 * @param timerScanInterval how often the wall-clock punctuator looks for due acknowledgement timers (default 1 s)
 * @param leaveGroupOnClose whether a stopping instance leaves the consumer group at once, so another takes
 *                          over its timers without waiting for the session timeout (default true)
 * @param createTopics whether start-up creates the acknowledgement command topic (partitioned like
 *                     {@code support.case-events}) and the dead-letter topics when missing (default true)
 * @param acknowledgementRequestPartitions partitions of the command topic when {@code support.case-events}
 *                                         does not exist yet (default 6, as in docs/topics.md)
 * @param topicReplicationFactor replication factor of topics start-up creates; -1 uses the broker's default
 */
@Validated
@ConfigurationProperties("supportsla.escalation.streams")
public record StreamsProperties(
        @NotNull @DefaultValue("PT1S") Duration timerScanInterval,
        @DefaultValue("true") boolean leaveGroupOnClose,
        @DefaultValue("true") boolean createTopics,
        @Min(1) @DefaultValue("6") int acknowledgementRequestPartitions,
        @DefaultValue("-1") short topicReplicationFactor) {

    public StreamsProperties {
        if (timerScanInterval != null && (timerScanInterval.isNegative() || timerScanInterval.isZero())) {
            throw new IllegalArgumentException("supportsla.escalation.streams.timer-scan-interval must be positive; was "
                    + timerScanInterval);
        }
    }
}
