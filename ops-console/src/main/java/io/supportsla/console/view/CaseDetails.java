package io.supportsla.console.view;

import java.util.List;

/**
 * Everything the console knows about one case.
 *
 * @param summary the case as the queue lists it; null when its {@code CaseCreated} has not been read
 *     (events of other topics can arrive first)
 * @param description the description as filed, or null
 * @param openedBy who opened it, as {@code principal (ROLE of organisation)}, or null
 * @param response the response target, or null before the SLA service reported it
 * @param statusUpdate the current SEV1 status-update target, or null
 * @param escalations the case's escalations, oldest first
 * @param notifications the case's notifications, newest first
 * @param timeline every event of the case from the four topics, oldest first
 */
public record CaseDetails(String caseNumber, QueueEntry summary, String description, String openedBy,
        TargetProgress response, TargetProgress statusUpdate, List<EscalationEntry> escalations,
        List<NotificationEntry> notifications, List<TimelineEntry> timeline) {

    public CaseDetails {
        escalations = List.copyOf(escalations);
        notifications = List.copyOf(notifications);
        timeline = List.copyOf(timeline);
    }

    public boolean isKnown() {
        return summary != null;
    }
}
