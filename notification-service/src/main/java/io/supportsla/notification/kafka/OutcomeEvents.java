package io.supportsla.notification.kafka;

import java.util.UUID;
import java.util.function.Supplier;

import io.supportsla.notification.delivery.DeliveryOutcome;
import io.supportsla.notification.triggers.PlannedNotification;
import io.supportsla.notification.triggers.Recipient;
import io.supportsla.schemas.common.Channel;
import io.supportsla.schemas.notification.Notification;
import io.supportsla.schemas.notification.NotificationEvent;
import io.supportsla.schemas.notification.NotificationFailed;
import io.supportsla.schemas.notification.NotificationSent;

/** Turns an outcome into the {@code support.notification-events} envelope: key = case number, caused by the cause. */
public final class OutcomeEvents {

    private final Supplier<UUID> eventIds;

    public OutcomeEvents(Supplier<UUID> eventIds) {
        this.eventIds = eventIds;
    }

    public NotificationEvent of(DeliveryOutcome outcome) {
        PlannedNotification planned = outcome.notification();
        Notification notification = notification(planned);
        Object payload;
        java.time.Instant occurredAt;
        if (outcome instanceof DeliveryOutcome.Sent sent) {
            payload = NotificationSent.newBuilder()
                    .setNotification(notification)
                    .setSentAt(sent.sentAt())
                    .setAttempts(sent.attempts())
                    .setProviderMessageId(sent.providerMessageId())
                    .build();
            occurredAt = sent.sentAt();
        } else {
            DeliveryOutcome.Failed failed = (DeliveryOutcome.Failed) outcome;
            payload = NotificationFailed.newBuilder()
                    .setNotification(notification)
                    .setFailedAt(failed.failedAt())
                    .setAttempts(failed.attempts())
                    .setFailure(failed.kind())
                    .setError(failed.error())
                    .setStatusCode(failed.statusCode().orElse(null))
                    .build();
            occurredAt = failed.failedAt();
        }
        return NotificationEvent.newBuilder()
                .setEventId(eventIds.get().toString())
                .setOccurredAt(occurredAt)
                .setCaseNumber(planned.cause().caseNumber())
                .setCausationEventId(planned.cause().eventId())
                .setPayload(payload)
                .build();
    }

    static Notification notification(PlannedNotification planned) {
        Recipient recipient = planned.recipient();
        // Only the address the notification used: an email does not publish the recipient's pager key.
        io.supportsla.schemas.common.Recipient published = io.supportsla.schemas.common.Recipient.newBuilder()
                .setName(recipient.name())
                .setRole(recipient.role())
                .setEmail(planned.channel() == Channel.EMAIL ? recipient.email() : null)
                .setPagerRoutingKey(planned.channel() == Channel.PAGE ? recipient.pagerRoutingKey() : null)
                .setOffice(recipient.office())
                .build();
        return Notification.newBuilder()
                .setNotificationId(planned.id().value())
                .setTrigger(planned.trigger())
                .setChannel(planned.channel())
                .setRecipient(published)
                .setPageAction(planned.pageAction())
                .setDedupKey(planned.dedupKey())
                .setEscalationId(planned.escalationId())
                .setSubject(planned.content().subject())
                .build();
    }
}
