package io.supportsla.console.view;

import io.supportsla.schemas.common.Channel;
import io.supportsla.schemas.common.Region;
import io.supportsla.schemas.common.Severity;
import io.supportsla.schemas.escalation.AcknowledgementChannel;
import io.supportsla.schemas.escalation.EscalationReason;
import java.time.Instant;
import java.util.List;

/**
 * One escalation as the console shows it.
 *
 * @param level 1 (regional manager or backup) or 2 (director), as of its latest round
 * @param reason why it was raised first (a re-escalation after a timeout keeps the original reason)
 * @param recipients who was told in the latest round
 * @param raisedAt when it was first raised
 * @param acknowledgeBy when the latest round passes on without acknowledgement
 * @param timeouts how many acknowledgement timeouts it went through
 * @param acknowledgementRequestedBy who asked escalation-service, from this console, to acknowledge it
 *     (until the acknowledgement shows up on the topic); null otherwise
 */
public record EscalationEntry(String escalationId, String caseNumber, String caseTitle, Severity severity, int level,
        EscalationReason reason, Region region, List<RecipientEntry> recipients, List<Channel> channels,
        Instant raisedAt, Instant acknowledgeBy, EscalationState state, int timeouts, String acknowledgedBy,
        Instant acknowledgedAt, AcknowledgementChannel acknowledgedVia, String acknowledgementRequestedBy,
        Instant acknowledgementRequestedAt) {

    public EscalationEntry {
        recipients = List.copyOf(recipients);
        channels = List.copyOf(channels);
    }

    public boolean isOpen() {
        return state.isOpen();
    }

    public boolean isAcknowledgementRequested() {
        return acknowledgementRequestedBy != null && state.isOpen();
    }
}
