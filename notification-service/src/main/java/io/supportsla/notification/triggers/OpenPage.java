package io.supportsla.notification.triggers;

import java.util.Objects;

import io.supportsla.schemas.common.RecipientRole;
import io.supportsla.schemas.common.Region;
import io.supportsla.schemas.common.Severity;
import io.supportsla.schemas.notification.NotificationTrigger;

/**
 * A page that was triggered and not yet resolved: what a resolved case (or an acknowledged
 * escalation) acts on, with the same routing key and dedup key.
 */
public record OpenPage(
        String caseNumber,
        String routingKey,
        String dedupKey,
        String recipientName,
        RecipientRole recipientRole,
        Region recipientOffice,
        NotificationTrigger trigger,
        String escalationId,
        Severity severity) {

    public OpenPage {
        Objects.requireNonNull(caseNumber, "caseNumber");
        Objects.requireNonNull(routingKey, "routingKey");
        Objects.requireNonNull(dedupKey, "dedupKey");
        Objects.requireNonNull(recipientName, "recipientName");
        Objects.requireNonNull(recipientRole, "recipientRole");
        Objects.requireNonNull(trigger, "trigger");
    }

    /** The page a sent trigger opened. */
    public static OpenPage openedBy(PlannedNotification page) {
        return new OpenPage(page.cause().caseNumber(), page.recipient().pagerRoutingKey(), page.dedupKey(),
                page.recipient().name(), page.recipient().role(), page.recipient().office(), page.trigger(),
                page.escalationId(), page.content().caseDetails().severity());
    }

    public Recipient recipient() {
        return new Recipient(recipientName, recipientRole, null, routingKey, recipientOffice);
    }

    /** What identifies the page at the gateway: routing key and dedup key. */
    public String pageIdentity() {
        return routingKey + " " + dedupKey;
    }
}
