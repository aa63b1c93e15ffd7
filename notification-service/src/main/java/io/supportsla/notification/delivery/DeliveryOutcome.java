package io.supportsla.notification.delivery;

import java.time.Instant;
import java.util.Optional;

import io.supportsla.notification.triggers.PlannedNotification;
import io.supportsla.schemas.notification.FailureKind;

/** How one notification ended; published as {@code NotificationSent} or {@code NotificationFailed}. */
public sealed interface DeliveryOutcome {

    PlannedNotification notification();

    int attempts();

    /** Accepted by the SMTP server or the pager gateway. */
    record Sent(PlannedNotification notification, Instant sentAt, int attempts, String providerMessageId)
            implements DeliveryOutcome {
    }

    /**
     * Given up on.
     *
     * @param lastFailure the last attempt's failure; empty when no attempt could be made (no address)
     */
    record Failed(PlannedNotification notification, Instant failedAt, int attempts, FailureKind kind, String error,
            Optional<DeliveryException> lastFailure) implements DeliveryOutcome {

        public Optional<Integer> statusCode() {
            return lastFailure.flatMap(DeliveryException::statusCode);
        }
    }
}
