package io.supportsla.notification.delivery;

/**
 * Records an outcome durably: the de-duplication record, the published {@code NotificationSent} or
 * {@code NotificationFailed}, and for failures the cause on the dead-letter topic, all or nothing.
 * Throws when that cannot be done; the outcome is then recorded again on the next try.
 */
@FunctionalInterface
public interface OutcomeRecorder {

    void record(DeliveryOutcome outcome);
}
