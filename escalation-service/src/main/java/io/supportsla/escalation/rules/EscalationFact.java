package io.supportsla.escalation.rules;

import io.supportsla.schemas.common.RecipientRole;
import io.supportsla.schemas.escalation.EscalationReason;

/** What the rules decided happened; each becomes one event on {@code support.escalation-events}. */
public sealed interface EscalationFact {

    Escalation escalation();

    default String escalationId() {
        return escalation().escalationId();
    }

    /**
     * Recipients must be told: a new escalation, or one passed on after a timeout.
     *
     * @param escalation the escalation after the change; its current step says whom and by when
     * @param reason the reason to publish: the escalation's own, or ACKNOWLEDGEMENT_TIMEOUT when passed on
     * @param previousRecipientRole whom it passes on from; null for a new escalation
     * @param causationEventId the event that raised it; null when a timer passed it on
     */
    record Raised(Escalation escalation, EscalationReason reason, RecipientRole previousRecipientRole,
            String causationEventId) implements EscalationFact {
    }

    /**
     * Nobody acknowledged in time.
     *
     * @param escalation the escalation before it was passed on
     * @param nextRecipientRole who is told next; null when nobody is left
     */
    record TimedOut(Escalation escalation, RecipientRole nextRecipientRole) implements EscalationFact {
    }

    /** Someone acknowledged; the escalation stops. */
    record Acknowledged(Escalation escalation, Acknowledgement acknowledgement) implements EscalationFact {
    }
}
