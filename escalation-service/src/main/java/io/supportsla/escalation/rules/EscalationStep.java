package io.supportsla.escalation.rules;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One round of an escalation: whom it told, when, and by when they must acknowledge.
 *
 * @param outcome how the round ended; null while it is the current one and awaiting acknowledgement
 */
public record EscalationStep(Stage stage, List<Addressee> recipients, Instant notifiedAt, Instant acknowledgeBy,
        StepOutcome outcome) {

    public EscalationStep {
        Objects.requireNonNull(stage, "stage");
        recipients = List.copyOf(recipients);
        Objects.requireNonNull(notifiedAt, "notifiedAt");
        Objects.requireNonNull(acknowledgeBy, "acknowledgeBy");
    }

    /** The person the stage is about (the contact, backup or director), listed first. */
    public Addressee primaryRecipient() {
        return recipients.get(0);
    }

    public EscalationStep endedBy(StepOutcome how) {
        return new EscalationStep(stage, recipients, notifiedAt, acknowledgeBy, how);
    }

    /** How a round of an escalation ended. */
    public enum StepOutcome {
        ACKNOWLEDGED, TIMED_OUT, SUPERSEDED, CLOSED
    }
}
