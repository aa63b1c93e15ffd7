package io.supportsla.console.view;

import io.supportsla.schemas.common.Channel;
import io.supportsla.schemas.common.RecipientRole;
import io.supportsla.schemas.notification.NotificationTrigger;
import io.supportsla.schemas.notification.PageAction;
import java.time.Instant;

/**
 * The outcome of one email or page.
 *
 * @param failure for a failed one, PERMANENT or RETRIES_EXHAUSTED; null when sent
 * @param error for a failed one, the last error as reported
 * @param statusCode for a failed one, the last SMTP reply code or HTTP status, if any
 */
public record NotificationEntry(String notificationId, String caseNumber, Instant occurredAt, long sequence,
        NotificationTrigger trigger, Channel channel, PageAction pageAction, String recipientName,
        RecipientRole recipientRole, String subject, Outcome outcome, int attempts, String failure, String error,
        Integer statusCode, String escalationId) {

    /** Whether the server accepted it. */
    public enum Outcome {
        SENT, FAILED;

        public String css() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
