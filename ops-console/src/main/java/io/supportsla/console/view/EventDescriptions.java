package io.supportsla.console.view;

import io.supportsla.schemas.cases.CallTaker;
import io.supportsla.schemas.cases.CaseCreated;
import io.supportsla.schemas.cases.CaseResolved;
import io.supportsla.schemas.cases.CaseResponded;
import io.supportsla.schemas.cases.DisagreementRaised;
import io.supportsla.schemas.cases.HotlineCallLogged;
import io.supportsla.schemas.cases.SeverityChanged;
import io.supportsla.schemas.cases.StatusUpdatePosted;
import io.supportsla.schemas.common.Actor;
import io.supportsla.schemas.common.Recipient;
import io.supportsla.schemas.escalation.EscalationAcknowledged;
import io.supportsla.schemas.escalation.EscalationRaised;
import io.supportsla.schemas.escalation.EscalationTimedOut;
import io.supportsla.schemas.notification.Notification;
import io.supportsla.schemas.notification.NotificationFailed;
import io.supportsla.schemas.notification.NotificationSent;
import io.supportsla.schemas.sla.SlaBreached;
import io.supportsla.schemas.sla.SlaMet;
import io.supportsla.schemas.sla.SlaTarget;
import io.supportsla.schemas.sla.SlaTimerStarted;
import io.supportsla.schemas.sla.SlaWarning;
import io.supportsla.schemas.sla.StatusUpdateDue;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;

/** One line in plain words for each event record of the four topics, for a case's timeline. */
public final class EventDescriptions {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private EventDescriptions() {
    }

    /** The record's name, e.g. {@code SlaBreached}; {@code Unknown} for a record this build does not know. */
    public static String type(Object payload) {
        return payload == null ? "Unknown" : payload.getClass().getSimpleName();
    }

    public static String describe(Object payload) {
        if (payload == null) {
            return "An event this console cannot read";
        }
        if (payload instanceof CaseCreated c) {
            return c.getSeverity() + " case opened for " + c.getCustomerName()
                    + (c.getPartnerId() == null ? "" : " (served by " + c.getPartnerId() + ")")
                    + " by " + actor(c.getOpenedBy()) + " via " + c.getSubmissionChannel() + ": " + c.getTitle()
                    + (c.getConfigurationChange() ? " [configuration change]" : "");
        }
        if (payload instanceof SeverityChanged s) {
            return "Reclassified " + s.getPreviousSeverity() + " → " + s.getNewSeverity() + " (" + s.getCategory() + ") by "
                    + actor(s.getChangedBy()) + ": " + s.getReason();
        }
        if (payload instanceof HotlineCallLogged h) {
            return "Hotline call at " + time(h.getCalledAt()) + " taken by "
                    + (h.getTakenBy() == CallTaker.ANSWERING_SERVICE ? "the answering service" : "technician")
                    + " " + h.getTakerName() + (h.getCallerName() == null ? "" : " from " + h.getCallerName())
                    + (h.getMessage() == null ? "" : ": " + h.getMessage());
        }
        if (payload instanceof CaseResponded r) {
            return (r.getFirstResponse() ? "First response" : "Response") + " by " + actor(r.getConsultant()) + ": " + r.getMessage();
        }
        if (payload instanceof StatusUpdatePosted u) {
            return "Status update by " + actor(u.getConsultant()) + ": " + u.getMessage()
                    + (u.getStatusUpdateIntervalMinutes() == null ? "" : " (next updates every " + u.getStatusUpdateIntervalMinutes() + " min)");
        }
        if (payload instanceof DisagreementRaised d) {
            return "Disagreement " + d.getDisagreementId()
                    + (d.getPreviousDisagreementId() == null ? "" : " (raising " + d.getPreviousDisagreementId() + " again)")
                    + " raised by " + actor(d.getRaisedBy()) + ": " + d.getDocumentation().getReason();
        }
        if (payload instanceof CaseResolved r) {
            return "Resolved by " + actor(r.getResolvedBy()) + ": " + r.getResolution();
        }
        if (payload instanceof SlaTimerStarted t) {
            return target(t.getTarget()) + " target "
                    + (t.getPreviousDeadline() == null ? "started" : "moved from " + time(t.getPreviousDeadline()))
                    + ": " + t.getTarget().getTargetMinutes() + " min " + clock(t.getTarget()) + " from "
                    + t.getTarget().getBasis() + ", due " + time(t.getTarget().getDeadline());
        }
        if (payload instanceof SlaWarning w) {
            return target(w.getTarget()) + " target " + w.getThresholdPercent() + "% elapsed, " + w.getRemainingMinutes()
                    + " min left (due " + time(w.getTarget().getDeadline()) + ")";
        }
        if (payload instanceof SlaBreached b) {
            return target(b.getTarget()) + " target BREACHED: due " + time(b.getTarget().getDeadline()) + ", detected "
                    + time(b.getBreachedAt());
        }
        if (payload instanceof SlaMet m) {
            return target(m.getTarget()) + " target met at " + time(m.getMetAt())
                    + (m.getConsultant() == null ? "" : " by " + m.getConsultant()) + " (due " + time(m.getTarget().getDeadline()) + ")";
        }
        if (payload instanceof StatusUpdateDue d) {
            return "Status update #" + d.getUpdateNumber() + " due " + time(d.getTarget().getDeadline())
                    + (d.getConsultant() == null ? " (team queue reminded)" : " (" + d.getConsultant() + " reminded)");
        }
        if (payload instanceof EscalationRaised r) {
            return "Escalation " + r.getEscalationId() + " level " + r.getLevel() + " (" + r.getReason() + ", " + r.getRegion()
                    + ") to " + recipients(r.getRecipients()) + " by "
                    + r.getChannels().stream().map(Object::toString).collect(Collectors.joining(" and "))
                    + "; acknowledge by " + time(r.getAcknowledgeBy());
        }
        if (payload instanceof EscalationAcknowledged a) {
            return "Escalation " + a.getEscalationId() + " acknowledged by " + a.getAcknowledgedBy() + " via " + a.getVia()
                    + " at " + time(a.getAcknowledgedAt());
        }
        if (payload instanceof EscalationTimedOut t) {
            return "Escalation " + t.getEscalationId() + " level " + t.getLevel() + " not acknowledged by "
                    + time(t.getAcknowledgeBy()) + " by " + recipients(t.getUnacknowledgedRecipients())
                    + (t.getNextRecipientRole() == null ? "; nobody left to tell" : "; passing to " + t.getNextRecipientRole());
        }
        if (payload instanceof NotificationSent s) {
            return notification(s.getNotification()) + " sent" + (s.getAttempts() > 1 ? " after " + s.getAttempts() + " attempts" : "");
        }
        if (payload instanceof NotificationFailed f) {
            return notification(f.getNotification()) + " FAILED (" + f.getFailure() + ", " + f.getAttempts() + " attempt"
                    + (f.getAttempts() == 1 ? "" : "s") + (f.getStatusCode() == null ? "" : ", status " + f.getStatusCode())
                    + "): " + f.getError();
        }
        return "A " + type(payload) + " event";
    }

    static String time(Instant instant) {
        return instant == null ? "-" : TIME.format(instant);
    }

    private static String actor(Actor actor) {
        return actor.getPrincipal() + " (" + actor.getRole() + " of " + actor.getOrganisation() + ")";
    }

    private static String target(SlaTarget target) {
        return target.getKind() == io.supportsla.schemas.sla.TargetKind.RESPONSE ? "Response" : "Status update";
    }

    private static String clock(SlaTarget target) {
        return target.getClock() == io.supportsla.schemas.sla.TargetClock.BUSINESS_TIME ? "business time" : "around the clock";
    }

    private static String recipients(List<Recipient> recipients) {
        return recipients.stream().map(recipient -> recipient.getName() + " (" + recipient.getRole() + ")")
                .collect(Collectors.joining(", "));
    }

    private static String notification(Notification notification) {
        return notification.getChannel() + (notification.getPageAction() == null ? "" : " " + notification.getPageAction())
                + " to " + notification.getRecipient().getName() + " (" + notification.getTrigger() + ") '"
                + notification.getSubject() + "'";
    }
}
