package io.supportsla.notification.triggers;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.supportsla.calendar.BusinessCalendars;
import io.supportsla.notification.delivery.NotificationId;
import io.supportsla.notification.triggers.NotificationContent.CaseDetails;
import io.supportsla.schemas.cases.CaseCreated;
import io.supportsla.schemas.cases.CaseEvent;
import io.supportsla.schemas.cases.CaseResolved;
import io.supportsla.schemas.cases.HotlineCallLogged;
import io.supportsla.schemas.escalation.EscalationAcknowledged;
import io.supportsla.schemas.escalation.EscalationEvent;
import io.supportsla.schemas.escalation.EscalationRaised;
import io.supportsla.schemas.sla.SlaEvent;
import io.supportsla.schemas.sla.SlaWarning;
import io.supportsla.schemas.sla.StatusUpdateDue;

/**
 * Which notifications an event causes (SPEC 3.5's table), as plain Java: no Kafka, no Spring, no
 * clock. What it needs to remember between events (case facts, open pages) is passed in.
 *
 * <table>
 *   <caption>Triggers</caption>
 *   <tr><th>event</th><th>who</th><th>channel</th></tr>
 *   <tr><td>CaseCreated SEV1 on a weekend or holiday of its region</td><td>hotline on-call</td><td>page</td></tr>
 *   <tr><td>SlaWarning</td><td>consulting team queue</td><td>email</td></tr>
 *   <tr><td>EscalationRaised (breach, disagreement, acknowledgement timeout)</td><td>the recipients it names</td><td>the channels it names</td></tr>
 *   <tr><td>StatusUpdateDue</td><td>the case's consultant, or the team queue</td><td>email</td></tr>
 *   <tr><td>HotlineCallLogged by the answering service on a SEV1 case</td><td>on-duty technicians</td><td>page</td></tr>
 *   <tr><td>EscalationAcknowledged</td><td>the escalation's open pages</td><td>page acknowledge</td></tr>
 *   <tr><td>CaseResolved</td><td>every open page of the case</td><td>page resolve</td></tr>
 * </table>
 */
public final class Triggers {

    private final EscalationTriggers escalations = new EscalationTriggers();
    private final SlaTriggers sla;
    private final CaseTriggers cases;

    public Triggers(OwnRecipients recipients, BusinessCalendars calendars) {
        this.sla = new SlaTriggers(recipients);
        this.cases = new CaseTriggers(recipients, calendars);
    }

    /**
     * @param factsBefore what was known of the case before this event
     * @param openPages   the case's open pages
     */
    public List<PlannedNotification> onCaseEvent(CaseEvent event, Optional<CaseFacts> factsBefore, Collection<OpenPage> openPages) {
        Cause cause = new Cause(event.getEventId(), event.getCaseNumber(), event.getOccurredAt());
        Object payload = event.getPayload();
        if (payload instanceof CaseCreated created) {
            return distinct(cases.created(cause, created, CaseFacts.after(factsBefore, event).orElseThrow()));
        }
        if (payload instanceof HotlineCallLogged call) {
            return distinct(cases.hotlineCall(cause, call, factsBefore));
        }
        if (payload instanceof CaseResolved resolved) {
            return distinct(cases.resolved(cause, resolved, factsBefore, openPages));
        }
        return List.of();
    }

    public List<PlannedNotification> onSlaEvent(SlaEvent event, Optional<CaseFacts> facts) {
        Cause cause = new Cause(event.getEventId(), event.getCaseNumber(), event.getOccurredAt());
        Object payload = event.getPayload();
        if (payload instanceof SlaWarning warning) {
            return distinct(sla.warning(cause, warning, facts));
        }
        if (payload instanceof StatusUpdateDue due) {
            return distinct(sla.statusUpdateDue(cause, due, facts));
        }
        return List.of();
    }

    public List<PlannedNotification> onEscalationEvent(EscalationEvent event, Optional<CaseFacts> facts,
            Collection<OpenPage> openPages) {
        Cause cause = new Cause(event.getEventId(), event.getCaseNumber(), event.getOccurredAt());
        Object payload = event.getPayload();
        if (payload instanceof EscalationRaised raised) {
            return distinct(escalations.raised(cause, raised));
        }
        if (payload instanceof EscalationAcknowledged acknowledged) {
            CaseDetails details = facts.map(CaseFacts::details).orElseGet(() -> CaseDetails.onlyNumber(cause.caseNumber()));
            return distinct(escalations.acknowledged(cause, acknowledged, details, openPages));
        }
        return List.of();
    }

    /** One notification per id: the same address named twice is told once. */
    private static List<PlannedNotification> distinct(List<PlannedNotification> planned) {
        Map<NotificationId, PlannedNotification> byId = new LinkedHashMap<>();
        planned.forEach(notification -> byId.putIfAbsent(notification.id(), notification));
        return List.copyOf(byId.values());
    }
}
