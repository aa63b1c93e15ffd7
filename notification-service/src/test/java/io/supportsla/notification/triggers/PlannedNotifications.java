package io.supportsla.notification.triggers;

import java.time.Instant;
import java.util.List;

import io.supportsla.notification.delivery.NotificationId;
import io.supportsla.schemas.common.Channel;
import io.supportsla.schemas.common.RecipientRole;
import io.supportsla.schemas.common.Severity;
import io.supportsla.schemas.notification.NotificationTrigger;
import io.supportsla.schemas.notification.PageAction;

/** Small planned notifications for tests of delivery. */
public final class PlannedNotifications {

    private PlannedNotifications() {
    }

    public static PlannedNotification email(String address) {
        Cause cause = new Cause("event-1", "C-1042", Instant.parse("2025-03-11T10:00:00Z"));
        Recipient recipient = new Recipient("Team", RecipientRole.CONSULTING_TEAM, address, null, null);
        return new PlannedNotification(NotificationId.of(cause.eventId(), String.valueOf(address), Channel.EMAIL), cause,
                NotificationTrigger.SLA_WARNING, Channel.EMAIL, recipient, null, null, null, content(cause));
    }

    public static PlannedNotification page(String routingKey) {
        Cause cause = new Cause("event-1", "C-1042", Instant.parse("2025-03-11T10:00:00Z"));
        Recipient recipient = new Recipient("Hotline", RecipientRole.HOTLINE_ON_CALL, null, routingKey, null);
        return new PlannedNotification(NotificationId.of(cause.eventId(), routingKey, Channel.PAGE), cause,
                NotificationTrigger.SEV1_CALL_OUT, Channel.PAGE, recipient, PageAction.TRIGGER, "C-1042/sev1-call-out", null,
                content(cause));
    }

    private static NotificationContent content(Cause cause) {
        NotificationContent.CaseDetails details = new NotificationContent.CaseDetails(cause.caseNumber(), Severity.SEV1,
                "RoamServer down", null, null, null, null, null);
        return new NotificationContent("[C-1042 SEV1] Test: RoamServer down", "Test", details, null, null, null, List.of(), null);
    }
}
