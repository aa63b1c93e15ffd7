package io.supportsla.notification.triggers;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import io.supportsla.calendar.BusinessCalendars;
import io.supportsla.notification.delivery.NotificationId;
import io.supportsla.notification.triggers.NotificationContent.CaseDetails;
import io.supportsla.notification.triggers.NotificationContent.Detail;
import io.supportsla.schemas.cases.CaseCreated;
import io.supportsla.schemas.cases.CaseResolved;
import io.supportsla.schemas.cases.CallTaker;
import io.supportsla.schemas.cases.HotlineCallLogged;
import io.supportsla.schemas.common.Channel;
import io.supportsla.schemas.common.Severity;
import io.supportsla.schemas.notification.NotificationTrigger;
import io.supportsla.schemas.notification.PageAction;

/**
 * Case events (SPEC 3.5): a SEV1 case created on a weekend or a holiday of its region calls out the
 * hotline on-call; a hotline call the answering service took on a SEV1 case pages the on-duty
 * technicians; a resolved case resolves every open page.
 */
final class CaseTriggers {

    private final OwnRecipients recipients;
    private final BusinessCalendars calendars;

    CaseTriggers(OwnRecipients recipients, BusinessCalendars calendars) {
        this.recipients = recipients;
        this.calendars = calendars;
    }

    List<PlannedNotification> created(Cause cause, CaseCreated created, CaseFacts facts) {
        if (created.getSeverity() != Severity.SEV1) {
            return List.of();
        }
        io.supportsla.calendar.Region region = Labels.office(created.getRegion());
        if (!calendars.forRegion(region).isWeekendOrHoliday(created.getReceivedAt())) {
            return List.of();
        }
        CaseDetails details = facts.details();
        String headline = "SEV1 case opened on a " + (calendars.forRegion(region).isHoliday(created.getReceivedAt())
                ? "public holiday" : "weekend") + " in " + region.officeName() + ": call-out";
        List<Detail> extra = List.of(
                new Detail("Received", Labels.instant(created.getReceivedAt(), created.getRegion())),
                new Detail("Opened by", created.getOpenedBy().getPrincipal() + " (" + created.getOpenedBy().getOrganisation() + ")"),
                new Detail("Description", created.getDescription()));
        NotificationContent content = new NotificationContent(Subjects.of(details, headline), headline, details,
                Subjects.impact(details, null), null, null, extra, null);
        return List.of(page(cause, NotificationTrigger.SEV1_CALL_OUT, recipients.hotlineOnCall(),
                DedupKeys.sev1CallOut(cause.caseNumber()), content));
    }

    /** Pages when the case is SEV1, or unknown to this service (better a page too many than a SEV1 missed). */
    List<PlannedNotification> hotlineCall(Cause cause, HotlineCallLogged call, Optional<CaseFacts> facts) {
        if (call.getTakenBy() != CallTaker.ANSWERING_SERVICE) {
            return List.of();
        }
        if (facts.isPresent() && facts.get().severity() != Severity.SEV1) {
            return List.of();
        }
        CaseDetails details = facts.map(CaseFacts::details).orElseGet(() -> CaseDetails.onlyNumber(cause.caseNumber()));
        String headline = "Hotline call taken by the answering service, no technician was free";
        List<Detail> extra = new ArrayList<>();
        extra.add(new Detail("Called at", Labels.instant(call.getCalledAt(), details.region())));
        if (call.getCallerName() != null) {
            extra.add(new Detail("Caller", call.getCallerName()));
        }
        if (call.getMessage() != null) {
            extra.add(new Detail("Message", call.getMessage()));
        }
        extra.add(new Detail("Taken by", call.getTakerName()));
        NotificationContent content = new NotificationContent(Subjects.of(details, headline), headline, details,
                Subjects.impact(details, null), null, null, extra, null);
        return List.of(page(cause, NotificationTrigger.ANSWERING_SERVICE_CALL, recipients.onDutyTechnicians(),
                DedupKeys.answeringServiceCall(cause.caseNumber(), cause.eventId()), content));
    }

    List<PlannedNotification> resolved(Cause cause, CaseResolved resolved, Optional<CaseFacts> factsBefore,
            Collection<OpenPage> openPages) {
        CaseDetails details = factsBefore.map(CaseFacts::details).orElseGet(() -> CaseDetails.onlyNumber(cause.caseNumber()));
        String headline = "Case resolved";
        List<Detail> extra = List.of(
                new Detail("Resolved at", Labels.instant(resolved.getResolvedAt(), details.region())),
                new Detail("Resolved by", resolved.getResolvedBy().getPrincipal()),
                new Detail("Resolution", resolved.getResolution()));
        NotificationContent content = new NotificationContent(Subjects.of(details, headline), headline, details, null, null,
                null, extra, null);
        return openPages.stream()
                .map(page -> new PlannedNotification(NotificationId.of(cause.eventId(), page.pageIdentity(), Channel.PAGE),
                        cause, NotificationTrigger.CASE_RESOLVED, Channel.PAGE, page.recipient(), PageAction.RESOLVE,
                        page.dedupKey(), page.escalationId(), content))
                .toList();
    }

    private static PlannedNotification page(Cause cause, NotificationTrigger trigger, Recipient recipient, String dedupKey,
            NotificationContent content) {
        return new PlannedNotification(NotificationId.of(cause.eventId(), recipient.pagerRoutingKey(), Channel.PAGE), cause,
                trigger, Channel.PAGE, recipient, PageAction.TRIGGER, dedupKey, null, content);
    }
}
