package io.supportsla.notification.delivery;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.supportsla.notification.triggers.PlannedNotification;
import io.supportsla.schemas.common.Channel;

/**
 * Metrics per channel and outcome:
 * <ul>
 *   <li>{@code notification.outcomes} (counter; channel, outcome = sent | failed | duplicate, trigger)</li>
 *   <li>{@code notification.attempts} (counter; channel, result = success | transient_failure | permanent_failure)</li>
 *   <li>{@code notification.delivery} (timer from first attempt to outcome; channel, outcome)</li>
 * </ul>
 */
public final class DeliveryMetrics implements RetryingDelivery.AttemptListener {

    private final MeterRegistry registry;

    public DeliveryMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void attempted(PlannedNotification notification, int attempt, Optional<DeliveryException> failure) {
        String result = failure.map(f -> f.isTransient() ? "transient_failure" : "permanent_failure").orElse("success");
        Counter.builder("notification.attempts")
                .description("Delivery attempts to the SMTP server and the pager gateway")
                .tag("channel", tag(notification.channel()))
                .tag("result", result)
                .register(registry)
                .increment();
    }

    public void outcome(DeliveryOutcome outcome, Duration took) {
        String name = outcome instanceof DeliveryOutcome.Sent ? "sent" : "failed";
        count(outcome.notification(), name);
        Timer.builder("notification.delivery")
                .description("Time from the first attempt to the outcome")
                .tag("channel", tag(outcome.notification().channel()))
                .tag("outcome", name)
                .register(registry)
                .record(took);
    }

    public void duplicate(PlannedNotification notification) {
        count(notification, "duplicate");
    }

    /** Attempts that ended with this result on this channel so far. */
    public double attempts(Channel channel, String result) {
        Counter counter = registry.find("notification.attempts").tag("channel", tag(channel)).tag("result", result).counter();
        return counter == null ? 0 : counter.count();
    }

    private void count(PlannedNotification notification, String outcome) {
        Counter.builder("notification.outcomes")
                .description("Notifications by channel and outcome")
                .tag("channel", tag(notification.channel()))
                .tag("outcome", outcome)
                .tag("trigger", notification.trigger().name().toLowerCase(Locale.ROOT))
                .register(registry)
                .increment();
    }

    private static String tag(Channel channel) {
        return channel.name().toLowerCase(Locale.ROOT);
    }
}
