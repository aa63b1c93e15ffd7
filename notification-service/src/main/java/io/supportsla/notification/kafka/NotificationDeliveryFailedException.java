package io.supportsla.notification.kafka;

import io.supportsla.notification.delivery.DeliveryOutcome;

/**
 * Why a cause is on the dead-letter topic: one of its notifications failed. Its class, message and
 * stack trace go into the {@code kafka_dlt-exception-*} headers; the cause of it is the last
 * delivery failure.
 */
public final class NotificationDeliveryFailedException extends RuntimeException {

    private final String notificationId;

    public NotificationDeliveryFailedException(DeliveryOutcome.Failed failed) {
        super("Notification " + failed.notification().id() + " (" + failed.notification().channel() + " to "
                + failed.notification().recipient().name() + ") failed, " + failed.kind() + " after " + failed.attempts()
                + " attempt(s): " + failed.error(), failed.lastFailure().orElse(null));
        this.notificationId = failed.notification().id().value();
    }

    public String notificationId() {
        return notificationId;
    }
}
