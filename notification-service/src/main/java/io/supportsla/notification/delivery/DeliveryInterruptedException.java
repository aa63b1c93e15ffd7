package io.supportsla.notification.delivery;

import io.supportsla.notification.triggers.PlannedNotification;

/**
 * The thread was interrupted (the service is stopping) while a notification was being delivered:
 * no outcome is recorded and the cause's offset is not committed, so it is delivered again after
 * the restart.
 */
public final class DeliveryInterruptedException extends RuntimeException {

    public DeliveryInterruptedException(PlannedNotification notification) {
        super("Interrupted while delivering notification " + notification.id() + "; it will be retried after restart");
    }
}
