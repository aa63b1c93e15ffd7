package io.supportsla.notification.delivery;

/** The de-duplication record: which notifications have been sent, surviving restarts. */
public interface DeliveredNotifications {

    /** True when a {@code NotificationSent} for this id has been recorded. */
    boolean alreadySent(NotificationId id);
}
