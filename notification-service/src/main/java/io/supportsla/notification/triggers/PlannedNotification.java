package io.supportsla.notification.triggers;

import java.util.Objects;
import java.util.Optional;

import io.supportsla.notification.delivery.NotificationId;
import io.supportsla.schemas.common.Channel;
import io.supportsla.schemas.notification.NotificationTrigger;
import io.supportsla.schemas.notification.PageAction;

/**
 * One message to one recipient on one channel, decided by the triggers and not yet delivered.
 *
 * @param pageAction for pages: trigger, acknowledge or resolve; null for email
 * @param dedupKey   for pages: the PagerDuty dedup_key, stable per case and escalation; null for email
 * @param escalationId the escalation it belongs to, if any
 */
public record PlannedNotification(
        NotificationId id,
        Cause cause,
        NotificationTrigger trigger,
        Channel channel,
        Recipient recipient,
        PageAction pageAction,
        String dedupKey,
        String escalationId,
        NotificationContent content) {

    public PlannedNotification {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(content, "content");
        if (channel == Channel.PAGE && (pageAction == null || dedupKey == null)) {
            throw new IllegalArgumentException("A page needs an action and a dedup key");
        }
    }

    /** Where it goes: the email address or the pager routing key; empty when the recipient has none. */
    public Optional<String> address() {
        return recipient.address(channel);
    }
}
