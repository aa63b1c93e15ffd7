package io.supportsla.notification.triggers;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import io.supportsla.notification.delivery.NotificationId;
import io.supportsla.notification.triggers.NotificationContent.CaseDetails;
import io.supportsla.notification.triggers.NotificationContent.Deadline;
import io.supportsla.notification.triggers.NotificationContent.Detail;
import io.supportsla.notification.triggers.NotificationContent.Documentation;
import io.supportsla.notification.triggers.NotificationContent.EscalationDetails;
import io.supportsla.schemas.common.CaseSummary;
import io.supportsla.schemas.common.Channel;
import io.supportsla.schemas.common.EscalationDocumentation;
import io.supportsla.schemas.escalation.EscalationAcknowledged;
import io.supportsla.schemas.escalation.EscalationRaised;
import io.supportsla.schemas.escalation.EscalationReason;
import io.supportsla.schemas.notification.NotificationTrigger;
import io.supportsla.schemas.notification.PageAction;

/**
 * Escalations (SPEC 3.5: response breaches, disagreements, acknowledgement timeouts): every
 * recipient the escalation names, on every channel it names on which the recipient has an address.
 * A recipient with no address on any named channel yields one notification that fails as permanent,
 * so the gap is reported rather than silently skipped. An acknowledged escalation acknowledges its
 * open pages.
 */
final class EscalationTriggers {

    List<PlannedNotification> raised(Cause cause, EscalationRaised escalation) {
        NotificationTrigger trigger = triggerOf(escalation);
        NotificationContent content = content(cause, escalation);
        String dedupKey = DedupKeys.escalation(cause.caseNumber(), escalation.getEscalationId());
        List<PlannedNotification> planned = new ArrayList<>();
        for (io.supportsla.schemas.common.Recipient named : escalation.getRecipients()) {
            Recipient recipient = new Recipient(named.getName(), named.getRole(), named.getEmail(), named.getPagerRoutingKey(),
                    named.getOffice());
            List<Channel> reachable = escalation.getChannels().stream()
                    .filter(channel -> recipient.address(channel).isPresent())
                    .distinct()
                    .toList();
            if (reachable.isEmpty() && !escalation.getChannels().isEmpty()) {
                Channel channel = escalation.getChannels().get(0);
                planned.add(notification(cause, trigger, channel, recipient, "no address of " + recipient.name(),
                        dedupKey, escalation, content));
            }
            for (Channel channel : reachable) {
                planned.add(notification(cause, trigger, channel, recipient, recipient.address(channel).orElseThrow(),
                        dedupKey, escalation, content));
            }
        }
        return planned;
    }

    List<PlannedNotification> acknowledged(Cause cause, EscalationAcknowledged acknowledged, CaseDetails details,
            Collection<OpenPage> openPages) {
        String headline = "Escalation acknowledged by " + acknowledged.getAcknowledgedBy();
        NotificationContent content = new NotificationContent(Subjects.of(details, headline), headline, details, null, null,
                null, List.of(new Detail("Acknowledged at", Labels.instant(acknowledged.getAcknowledgedAt(), details.region()))),
                null);
        return openPages.stream()
                .filter(page -> acknowledged.getEscalationId().equals(page.escalationId()))
                .map(page -> new PlannedNotification(
                        NotificationId.of(cause.eventId(), page.pageIdentity(), Channel.PAGE), cause, page.trigger(),
                        Channel.PAGE, page.recipient(), PageAction.ACKNOWLEDGE, page.dedupKey(), page.escalationId(), content))
                .toList();
    }

    static NotificationTrigger triggerOf(EscalationRaised escalation) {
        if (escalation.getReason() == EscalationReason.ACKNOWLEDGEMENT_TIMEOUT || escalation.getPreviousRecipientRole() != null) {
            return NotificationTrigger.ACKNOWLEDGEMENT_TIMEOUT;
        }
        return switch (escalation.getReason()) {
            case RESPONSE_BREACH -> NotificationTrigger.RESPONSE_BREACH;
            case STATUS_UPDATE_BREACH -> NotificationTrigger.STATUS_UPDATE_BREACH;
            default -> NotificationTrigger.ESCALATION;
        };
    }

    private static PlannedNotification notification(Cause cause, NotificationTrigger trigger, Channel channel, Recipient recipient,
            String address, String dedupKey, EscalationRaised escalation, NotificationContent content) {
        boolean page = channel == Channel.PAGE;
        return new PlannedNotification(NotificationId.of(cause.eventId(), address, channel), cause, trigger, channel, recipient,
                page ? PageAction.TRIGGER : null, page ? dedupKey : null, escalation.getEscalationId(), content);
    }

    private static NotificationContent content(Cause cause, EscalationRaised escalation) {
        CaseSummary summary = escalation.getCaseSummary();
        CaseDetails details = new CaseDetails(cause.caseNumber(), summary.getSeverity(), summary.getTitle(),
                summary.getCustomerName(), summary.getCategory(), summary.getRegion(), summary.getOpenedAt(),
                summary.getConsultant());
        Documentation documentation = documentation(escalation.getDocumentation());
        String headline = headline(escalation);
        List<Detail> extra = new ArrayList<>();
        extra.add(new Detail("Escalated to", Labels.region(escalation.getRegion()) + " contact, level " + escalation.getLevel()));
        if (escalation.getPreviousRecipientRole() != null) {
            extra.add(new Detail("Passed on from", Labels.role(escalation.getPreviousRecipientRole())
                    + ", who did not acknowledge in time"));
        }
        Deadline deadline = escalation.getBreachedDeadline() == null ? null
                : new Deadline(escalation.getReason() == EscalationReason.STATUS_UPDATE_BREACH
                        ? "Status update was due" : "Response was due", escalation.getBreachedDeadline());
        return new NotificationContent(
                Subjects.of(details, headline),
                headline,
                details,
                Subjects.impact(details, documentation == null ? null : documentation.customerImpact()),
                deadline,
                new EscalationDetails(escalation.getEscalationId(), escalation.getLevel(), escalation.getReason(),
                        escalation.getPreviousRecipientRole(), escalation.getAcknowledgeBy(), documentation),
                extra,
                escalation.getAcknowledgementUrl());
    }

    private static String headline(EscalationRaised escalation) {
        String level = "escalation level " + escalation.getLevel();
        if (escalation.getPreviousRecipientRole() != null) {
            return Labels.reason(escalation.getReason()) + ", " + level + ", passed on after no acknowledgement";
        }
        return Labels.reason(escalation.getReason()) + ", " + level;
    }

    private static Documentation documentation(EscalationDocumentation documentation) {
        if (documentation == null) {
            return null;
        }
        return new Documentation(documentation.getCaseNumbers(), documentation.getIssueDescription(),
                documentation.getProgressToDate(), documentation.getCustomerImpact(), documentation.getReason());
    }
}
