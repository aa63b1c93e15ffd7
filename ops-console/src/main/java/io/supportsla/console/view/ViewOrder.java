package io.supportsla.console.view;

import java.util.Comparator;

/** Orders of the lists the view returns, beside {@link QueueEntry#QUEUE_ORDER}. */
final class ViewOrder {

    static final Comparator<NotificationEntry> NEWEST_NOTIFICATION_FIRST = Comparator
            .comparing(NotificationEntry::occurredAt).thenComparingLong(NotificationEntry::sequence).reversed();

    /** Open escalations: the one whose acknowledgement deadline comes first on top. */
    static final Comparator<EscalationEntry> OPEN_ESCALATIONS = Comparator
            .comparing(EscalationEntry::acknowledgeBy, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(EscalationEntry::escalationId);

    static final Comparator<EscalationEntry> LATEST_ACKNOWLEDGED_FIRST = Comparator
            .comparing(EscalationEntry::acknowledgedAt, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(EscalationEntry::escalationId);

    static final Comparator<QueueEntry> LATEST_RESOLVED_FIRST = Comparator
            .comparing(QueueEntry::resolvedAt, Comparator.reverseOrder()).thenComparing(QueueEntry::caseNumber);

    private ViewOrder() {
    }
}
