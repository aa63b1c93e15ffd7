package io.supportsla.console.view;

import io.supportsla.schemas.common.Channel;
import io.supportsla.schemas.common.Region;
import io.supportsla.schemas.escalation.AcknowledgementChannel;
import io.supportsla.schemas.escalation.EscalationAcknowledged;
import io.supportsla.schemas.escalation.EscalationRaised;
import io.supportsla.schemas.escalation.EscalationReason;
import io.supportsla.schemas.escalation.EscalationTimedOut;
import java.time.Instant;
import java.util.List;

/** What the view knows of one escalation; guarded by the view's lock. */
final class EscalationFile {

    final String escalationId;
    int level;
    EscalationReason reason;
    Region region;
    List<RecipientEntry> recipients = List.of();
    List<Channel> channels = List.of();
    Instant raisedAt;
    Instant acknowledgeBy;
    /** The case event (a DisagreementRaised) or SLA event that raised it first; null when unknown. */
    String causationEventId;
    int timeouts;
    boolean nobodyLeft;
    String acknowledgedBy;
    Instant acknowledgedAt;
    AcknowledgementChannel acknowledgedVia;
    String requestedBy;
    Instant requestedAt;

    EscalationFile(String escalationId) {
        this.escalationId = escalationId;
    }

    void raised(EscalationRaised raised, Instant occurredAt, String causation) {
        boolean first = raisedAt == null;
        if (first) {
            raisedAt = occurredAt;
            // A re-escalation after a timeout says ACKNOWLEDGEMENT_TIMEOUT; the escalation keeps the reason it was raised for.
            reason = raised.getReason();
            causationEventId = causation;
        }
        level = raised.getLevel();
        region = raised.getRegion();
        recipients = raised.getRecipients().stream().map(RecipientEntry::of).toList();
        channels = List.copyOf(raised.getChannels());
        acknowledgeBy = raised.getAcknowledgeBy();
        nobodyLeft = false;
    }

    void timedOut(EscalationTimedOut timedOut) {
        timeouts++;
        if (timedOut.getNextRecipientRole() == null) {
            nobodyLeft = true;
        }
    }

    void acknowledged(EscalationAcknowledged acknowledged) {
        if (acknowledgedAt == null) {
            acknowledgedBy = acknowledged.getAcknowledgedBy();
            acknowledgedAt = acknowledged.getAcknowledgedAt();
            acknowledgedVia = acknowledged.getVia();
        }
        requestedBy = null;
        requestedAt = null;
    }
}
