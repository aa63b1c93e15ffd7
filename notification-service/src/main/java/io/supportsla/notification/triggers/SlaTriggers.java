package io.supportsla.notification.triggers;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.supportsla.notification.delivery.NotificationId;
import io.supportsla.notification.triggers.NotificationContent.CaseDetails;
import io.supportsla.notification.triggers.NotificationContent.Deadline;
import io.supportsla.notification.triggers.NotificationContent.Detail;
import io.supportsla.schemas.common.Channel;
import io.supportsla.schemas.notification.NotificationTrigger;
import io.supportsla.schemas.sla.SlaTarget;
import io.supportsla.schemas.sla.SlaWarning;
import io.supportsla.schemas.sla.StatusUpdateDue;
import io.supportsla.schemas.sla.TargetClock;
import io.supportsla.schemas.sla.TargetKind;

/**
 * SLA warnings go to the consulting team queue; status-update reminders to the case's consultant
 * (when their address is configured) or the team queue; both by email (SPEC 3.5). Breaches are not
 * notified here: the escalation that follows a breach names its recipients.
 */
final class SlaTriggers {

    private final OwnRecipients recipients;

    SlaTriggers(OwnRecipients recipients) {
        this.recipients = recipients;
    }

    List<PlannedNotification> warning(Cause cause, SlaWarning warning, Optional<CaseFacts> facts) {
        SlaTarget target = warning.getTarget();
        CaseDetails details = details(cause, target, facts);
        String headline = warning.getThresholdPercent() + "% of the " + targetName(target) + " target elapsed, "
                + Labels.minutes(warning.getRemainingMinutes()) + " left";
        List<Detail> extra = new ArrayList<>();
        extra.add(new Detail("Target", target(target)));
        extra.add(new Detail("Counting from", Labels.instant(target.getStartsAt(), target.getRegion())));
        NotificationContent content = new NotificationContent(Subjects.of(details, headline), headline, details,
                Subjects.impact(details, null), new Deadline(dueLabel(target), target.getDeadline()), null, extra, null);
        return List.of(email(cause, NotificationTrigger.SLA_WARNING, recipients.consultingTeam(), content));
    }

    List<PlannedNotification> statusUpdateDue(Cause cause, StatusUpdateDue due, Optional<CaseFacts> facts) {
        SlaTarget target = due.getTarget();
        CaseDetails details = details(cause, target, facts);
        String headline = "Status update #" + due.getUpdateNumber() + " to the customer is due";
        List<Detail> extra = new ArrayList<>();
        extra.add(new Detail("Agreed interval", Labels.minutes(target.getTargetMinutes())));
        if (due.getConsultant() != null) {
            extra.add(new Detail("Owed by", due.getConsultant()));
        }
        NotificationContent content = new NotificationContent(Subjects.of(details, headline), headline, details,
                Subjects.impact(details, null), new Deadline("Status update due", target.getDeadline()), null, extra, null);
        Recipient recipient = recipients.statusUpdateRecipient(due.getConsultant());
        return List.of(email(cause, NotificationTrigger.STATUS_UPDATE_DUE, recipient, content));
    }

    private static PlannedNotification email(Cause cause, NotificationTrigger trigger, Recipient recipient,
            NotificationContent content) {
        String address = recipient.email() == null ? "no address of " + recipient.name() : recipient.email();
        return new PlannedNotification(NotificationId.of(cause.eventId(), address, Channel.EMAIL), cause, trigger,
                Channel.EMAIL, recipient, null, null, null, content);
    }

    private static CaseDetails details(Cause cause, SlaTarget target, Optional<CaseFacts> facts) {
        return facts.map(CaseFacts::details)
                .map(known -> new CaseDetails(known.caseNumber(), target.getSeverity(), known.title(), known.customerName(),
                        known.category(), target.getRegion(), known.openedAt(), known.consultant()))
                .orElseGet(() -> new CaseDetails(cause.caseNumber(), target.getSeverity(), null, null, null,
                        target.getRegion(), null, null));
    }

    private static String targetName(SlaTarget target) {
        return target.getKind() == TargetKind.STATUS_UPDATE ? "status-update" : "response";
    }

    private static String dueLabel(SlaTarget target) {
        return target.getKind() == TargetKind.STATUS_UPDATE ? "Status update due" : "Response due";
    }

    private static String target(SlaTarget target) {
        String clock = target.getClock() == TargetClock.BUSINESS_TIME ? "of business time" : "around the clock";
        return Labels.minutes(target.getTargetMinutes()) + " " + clock;
    }
}
