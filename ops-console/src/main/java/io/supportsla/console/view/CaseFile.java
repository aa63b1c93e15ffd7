package io.supportsla.console.view;

import io.supportsla.schemas.cases.CaseCreated;
import io.supportsla.schemas.cases.CaseResolved;
import io.supportsla.schemas.cases.CaseResponded;
import io.supportsla.schemas.cases.DisagreementRaised;
import io.supportsla.schemas.cases.SeverityChanged;
import io.supportsla.schemas.common.Category;
import io.supportsla.schemas.common.Severity;
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
import io.supportsla.schemas.sla.TargetKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Everything read about one case from the four topics, folded as it arrives. Events of different
 * topics can arrive in any order (each topic is in order per case), so nothing here assumes the
 * {@code CaseCreated} came first. Guarded by the view's lock.
 */
final class CaseFile {

    private static final Comparator<TimelineEntry> TIMELINE_ORDER =
            Comparator.comparing(TimelineEntry::occurredAt).thenComparingLong(TimelineEntry::sequence);

    final String caseNumber;
    private CaseCreated created;
    private Severity severity;
    private Category category;
    private Instant firstRespondedAt;
    private String pointOfContact;
    private Instant resolvedAt;
    private TargetProgress response;
    private TargetProgress statusUpdate;
    private boolean statusUpdateMissedSinceLastMet;
    private int missedStatusUpdates;
    private final Map<String, EscalationFile> escalations = new LinkedHashMap<>();
    /** Disagreements by the id of the case event that raised them, to tell which escalation a level-2 one supersedes. */
    private final Map<String, Disagreement> disagreementsByEventId = new HashMap<>();
    private final List<NotificationEntry> notifications = new ArrayList<>();
    private final List<TimelineEntry> timeline = new ArrayList<>();
    private final Set<String> eventIds = new HashSet<>();

    private record Disagreement(String id, String previousId) {
    }

    CaseFile(String caseNumber) {
        this.caseNumber = caseNumber;
    }

    /** Applies an event once; false for an event id already applied from the same topic (a redelivery). */
    boolean apply(Envelope event, long sequence) {
        if (!eventIds.add(event.origin() + "/" + event.eventId())) {
            return false;
        }
        Object payload = event.payload();
        if (payload instanceof CaseCreated c) {
            created = c;
            severity = c.getSeverity();
            category = c.getCategory();
        } else if (payload instanceof SeverityChanged s) {
            severity = s.getNewSeverity();
            category = s.getCategory();
        } else if (payload instanceof CaseResponded r) {
            if (firstRespondedAt == null) {
                firstRespondedAt = r.getRespondedAt();
                pointOfContact = r.getConsultant().getPrincipal();
            }
        } else if (payload instanceof DisagreementRaised d) {
            disagreementsByEventId.put(event.eventId(), new Disagreement(d.getDisagreementId(), d.getPreviousDisagreementId()));
        } else if (payload instanceof CaseResolved r) {
            resolvedAt = r.getResolvedAt();
        } else if (payload instanceof SlaTimerStarted t) {
            started(t.getTarget());
        } else if (payload instanceof SlaWarning w) {
            setTarget(w.getTarget().getKind(), progressOf(w.getTarget()).warned(w.getThresholdPercent()));
        } else if (payload instanceof SlaBreached b) {
            setTarget(b.getTarget().getKind(), progressOf(b.getTarget()).breached(b.getBreachedAt()));
            if (b.getTarget().getKind() == TargetKind.STATUS_UPDATE) {
                statusUpdateMissedSinceLastMet = true;
                missedStatusUpdates++;
            }
        } else if (payload instanceof SlaMet m) {
            setTarget(m.getTarget().getKind(), progressOf(m.getTarget()).met(m.getMetAt()));
            if (m.getTarget().getKind() == TargetKind.STATUS_UPDATE) {
                statusUpdateMissedSinceLastMet = false;
            }
        } else if (payload instanceof StatusUpdateDue d) {
            if (statusUpdate == null || !Objects.equals(statusUpdate.deadline(), d.getTarget().getDeadline())) {
                started(d.getTarget());
            }
        } else if (payload instanceof EscalationRaised r) {
            escalation(r.getEscalationId()).raised(r, event.occurredAt(), event.causationEventId());
        } else if (payload instanceof EscalationTimedOut t) {
            escalation(t.getEscalationId()).timedOut(t);
        } else if (payload instanceof EscalationAcknowledged a) {
            escalation(a.getEscalationId()).acknowledged(a);
        } else if (payload instanceof NotificationSent sent) {
            notifications.add(notification(sent.getNotification(), event, sequence, NotificationEntry.Outcome.SENT,
                    sent.getAttempts(), null, null, null));
        } else if (payload instanceof NotificationFailed f) {
            notifications.add(notification(f.getNotification(), event, sequence, NotificationEntry.Outcome.FAILED,
                    f.getAttempts(), f.getFailure().name(), f.getError(), f.getStatusCode()));
        }
        // Hotline calls, status updates and records this build does not know only go to the timeline.
        timeline.add(new TimelineEntry(event.occurredAt(), sequence, event.origin(), EventDescriptions.type(payload),
                EventDescriptions.describe(payload), event.eventId(), event.causationEventId()));
        return true;
    }

    private void started(SlaTarget target) {
        if (target.getKind() == TargetKind.RESPONSE) {
            // Met or breached is settled for good; only a pending response target moves (reclassification, hotline call).
            if (response == null || response.isPending()) {
                response = TargetProgress.pending(target);
            }
        } else {
            statusUpdate = TargetProgress.pending(target);
        }
    }

    /** The current progress of the target an event reports on, or a new one if the event is the first heard of it. */
    private TargetProgress progressOf(SlaTarget target) {
        TargetProgress current = target.getKind() == TargetKind.RESPONSE ? response : statusUpdate;
        if (current == null || !Objects.equals(current.deadline(), target.getDeadline())) {
            return TargetProgress.pending(target);
        }
        return current;
    }

    private void setTarget(TargetKind kind, TargetProgress progress) {
        if (kind == TargetKind.RESPONSE) {
            // The response target is met or breached once, for good.
            if (response == null || response.isPending()) {
                response = progress;
            }
        } else {
            statusUpdate = progress;
        }
    }

    private EscalationFile escalation(String escalationId) {
        return escalations.computeIfAbsent(escalationId, EscalationFile::new);
    }

    private NotificationEntry notification(Notification notification, Envelope event, long sequence, NotificationEntry.Outcome outcome,
            int attempts, String failure, String error, Integer statusCode) {
        return new NotificationEntry(notification.getNotificationId(), caseNumber, event.occurredAt(), sequence,
                notification.getTrigger(), notification.getChannel(), notification.getPageAction(),
                notification.getRecipient().getName(), notification.getRecipient().getRole(), notification.getSubject(),
                outcome, attempts, failure, error, statusCode, notification.getEscalationId());
    }

    // ---- what the view asks -------------------------------------------------------------------

    boolean isKnown() {
        return created != null;
    }

    boolean isResolved() {
        return resolvedAt != null;
    }

    Instant resolvedAt() {
        return resolvedAt;
    }

    CaseAccess.Ownership ownership() {
        return created == null ? null
                : new CaseAccess.Ownership(created.getCustomerId(), created.getPartnerId(), created.getOpenedBy().getPrincipal());
    }

    Iterable<String> escalationIds() {
        return escalations.keySet();
    }

    boolean hasEscalation(String escalationId) {
        return escalations.containsKey(escalationId);
    }

    CaseState state() {
        if (resolvedAt != null) {
            return CaseState.RESOLVED;
        }
        if ((response != null && response.status() == TargetProgress.Status.BREACHED) || statusUpdateMissedSinceLastMet) {
            return CaseState.BREACHED;
        }
        if (response != null && response.status() == TargetProgress.Status.MET) {
            return CaseState.MET;
        }
        if (response != null && response.warningPercent() > 0) {
            return CaseState.WARNING;
        }
        return CaseState.RUNNING;
    }

    Countdown countdown() {
        if (resolvedAt != null) {
            return null;
        }
        if (response != null && (response.isPending()
                || (response.status() == TargetProgress.Status.BREACHED && firstRespondedAt == null))) {
            return new Countdown(TargetKind.RESPONSE, response.deadline());
        }
        if (statusUpdate != null && statusUpdate.isPending()) {
            return new Countdown(TargetKind.STATUS_UPDATE, statusUpdate.deadline());
        }
        return null;
    }

    /** The case as the queue lists it; only for a known case. */
    QueueEntry queueEntry() {
        return new QueueEntry(caseNumber, severity, category, created.getTitle(), created.getCustomerId(),
                created.getCustomerName(), created.getPartnerId(), created.getRegion(), created.getReceivedAt(), state(),
                countdown(), response == null ? 0 : response.warningPercent(), pointOfContact, missedStatusUpdates, resolvedAt);
    }

    EscalationState escalationState(EscalationFile escalation) {
        if (escalation.acknowledgedAt != null) {
            return EscalationState.ACKNOWLEDGED;
        }
        if (isSuperseded(escalation)) {
            return EscalationState.SUPERSEDED;
        }
        if (resolvedAt != null) {
            return EscalationState.CLOSED;
        }
        return escalation.nobodyLeft ? EscalationState.UNACKNOWLEDGED : EscalationState.AWAITING;
    }

    /** A disagreement raised again goes to the director as a new escalation; the earlier one is superseded. */
    private boolean isSuperseded(EscalationFile escalation) {
        Disagreement own = disagreementsByEventId.get(escalation.causationEventId);
        if (own == null) {
            return false;
        }
        return escalations.values().stream()
                .filter(other -> other != escalation && other.causationEventId != null)
                .map(other -> disagreementsByEventId.get(other.causationEventId))
                .anyMatch(other -> other != null && own.id().equals(other.previousId()));
    }

    List<EscalationEntry> escalationEntries() {
        return escalations.values().stream().map(this::escalationEntry).toList();
    }

    EscalationEntry escalationEntry(String escalationId) {
        EscalationFile file = escalations.get(escalationId);
        return file == null ? null : escalationEntry(file);
    }

    private EscalationEntry escalationEntry(EscalationFile file) {
        return new EscalationEntry(file.escalationId, caseNumber, created == null ? null : created.getTitle(), severity,
                file.level, file.reason, file.region, file.recipients, file.channels, file.raisedAt, file.acknowledgeBy,
                escalationState(file), file.timeouts, file.acknowledgedBy, file.acknowledgedAt, file.acknowledgedVia,
                file.requestedBy, file.requestedAt);
    }

    /** Marks that someone asked escalation-service to acknowledge, until the acknowledgement is read. */
    boolean acknowledgementRequested(String escalationId, String principal, Instant at) {
        EscalationFile file = escalations.get(escalationId);
        if (file == null || file.acknowledgedAt != null) {
            return false;
        }
        file.requestedBy = principal;
        file.requestedAt = at;
        return true;
    }

    List<NotificationEntry> notifications() {
        return notifications;
    }

    CaseDetails details() {
        List<NotificationEntry> newestFirst = new ArrayList<>(notifications);
        newestFirst.sort(ViewOrder.NEWEST_NOTIFICATION_FIRST);
        List<TimelineEntry> ordered = new ArrayList<>(timeline);
        ordered.sort(TIMELINE_ORDER);
        return new CaseDetails(caseNumber, isKnown() ? queueEntry() : null, created == null ? null : created.getDescription(),
                created == null ? null : created.getOpenedBy().getPrincipal() + " (" + created.getOpenedBy().getRole() + " of "
                        + created.getOpenedBy().getOrganisation() + ")",
                response, statusUpdate, escalationEntries(), newestFirst, ordered);
    }
}
