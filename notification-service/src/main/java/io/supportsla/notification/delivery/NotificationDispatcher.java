package io.supportsla.notification.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.supportsla.notification.triggers.PlannedNotification;
import io.supportsla.schemas.common.Channel;
import io.supportsla.schemas.notification.FailureKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers one planned notification at most once per id, as far as the servers allow: checks the
 * de-duplication record before sending, sends with retries, and records the outcome after.
 *
 * <p>When recording fails (Kafka unavailable), the outcome is kept in memory and recorded, not
 * re-sent, when the cause is processed again by this instance. Only a process crash between the
 * server accepting a notification and the outcome being recorded sends it again on redelivery.
 */
public final class NotificationDispatcher {

    private static final Logger log = LoggerFactory.getLogger(NotificationDispatcher.class);

    /** What became of one planned notification. */
    public enum Result { SENT, FAILED, DUPLICATE }

    private final Map<Channel, ChannelSender> senders = new EnumMap<>(Channel.class);
    private final DeliveredNotifications delivered;
    private final RetryingDelivery retrying;
    private final DeliveryMetrics metrics;
    private final Clock clock;
    private final Map<NotificationId, DeliveryOutcome> unrecorded = new ConcurrentHashMap<>();

    public NotificationDispatcher(List<ChannelSender> senders, DeliveredNotifications delivered, RetryingDelivery retrying,
            DeliveryMetrics metrics, Clock clock) {
        senders.forEach(sender -> this.senders.put(sender.channel(), sender));
        this.delivered = delivered;
        this.retrying = retrying;
        this.metrics = metrics;
        this.clock = clock;
    }

    public Result dispatch(PlannedNotification notification, OutcomeRecorder recorder) {
        if (delivered.alreadySent(notification.id())) {
            log.debug("Notification {} was sent before; not sending it again", notification.id());
            metrics.duplicate(notification);
            return Result.DUPLICATE;
        }
        DeliveryOutcome outcome = unrecorded.get(notification.id());
        Instant started = clock.instant();
        if (outcome == null) {
            outcome = deliver(notification);
            unrecorded.put(notification.id(), outcome);
        } else {
            log.info("Recording the earlier outcome of notification {} instead of delivering it again", notification.id());
        }
        recorder.record(outcome);
        unrecorded.remove(notification.id());
        metrics.outcome(outcome, Duration.between(started, clock.instant()));
        return outcome instanceof DeliveryOutcome.Sent ? Result.SENT : Result.FAILED;
    }

    private DeliveryOutcome deliver(PlannedNotification notification) {
        if (notification.address().isEmpty()) {
            String error = "Recipient " + notification.recipient().name() + " (" + notification.recipient().role()
                    + ") has no " + (notification.channel() == Channel.EMAIL ? "email address" : "pager routing key");
            log.warn("Notification {} not sent: {}", notification.id(), error);
            return new DeliveryOutcome.Failed(notification, clock.instant(), 0, FailureKind.PERMANENT, error, Optional.empty());
        }
        ChannelSender sender = senders.get(notification.channel());
        if (sender == null) {
            throw new IllegalStateException("No sender for channel " + notification.channel());
        }
        AttemptResult result = retrying.deliver(sender, notification, metrics);
        if (result instanceof AttemptResult.Delivered delivered) {
            log.info("Sent {} {} of case {} to {} ({} attempt(s))", notification.channel(), notification.id(),
                    notification.cause().caseNumber(), notification.recipient().name(), delivered.attempts());
            return new DeliveryOutcome.Sent(notification, clock.instant(), delivered.attempts(),
                    delivered.receipt().providerMessageId());
        }
        AttemptResult.GaveUp gaveUp = (AttemptResult.GaveUp) result;
        log.warn("Gave up on {} {} of case {} to {}: {} {}", notification.channel(), notification.id(),
                notification.cause().caseNumber(), notification.recipient().name(), gaveUp.kind(), gaveUp.error());
        return new DeliveryOutcome.Failed(notification, clock.instant(), gaveUp.attempts(), gaveUp.kind(), gaveUp.error(),
                Optional.of(gaveUp.lastFailure()));
    }
}
