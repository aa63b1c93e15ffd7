package io.supportsla.escalation.api;

import io.supportsla.escalation.rules.Addressee;
import io.supportsla.escalation.rules.Escalation;
import io.supportsla.escalation.rules.EscalationStatus;
import io.supportsla.escalation.rules.EscalationStep;
import io.supportsla.schemas.common.Channel;
import io.supportsla.schemas.common.RecipientRole;
import io.supportsla.schemas.common.Region;
import io.supportsla.schemas.escalation.AcknowledgementChannel;
import io.supportsla.schemas.escalation.EscalationReason;
import java.time.Instant;
import java.util.List;

/**
 * An escalation as {@code GET /api/v1/escalations/{id}} shows it: where it stands, whom it is with,
 * its deadline and its history.
 *
 * @param level the current level (1 contact or backup, 2 director)
 * @param reason why it was raised (passing on after a timeout keeps the original reason here)
 * @param status AWAITING_ACKNOWLEDGEMENT, ACKNOWLEDGED, UNACKNOWLEDGED, SUPERSEDED or CLOSED
 * @param currentRecipientRole whom it is with: REGIONAL_CONTACT, BACKUP_CONTACT or DIRECTOR
 * @param acknowledgeBy the current deadline
 * @param steps every round: whom it told, when, by when, and how the round ended
 */
public record EscalationView(String escalationId, String caseNumber, int level, EscalationReason reason, Region region,
        EscalationStatus status, RecipientRole currentRecipientRole, List<RecipientView> recipients, List<Channel> channels,
        Instant raisedAt, Instant acknowledgeBy, AcknowledgementView acknowledgement, String disagreementId,
        Instant breachedDeadline, List<StepView> steps) {

    /** A person told. */
    public record RecipientView(String name, RecipientRole role, String email) {
    }

    /** One round of the escalation. */
    public record StepView(int level, RecipientRole recipientRole, List<RecipientView> recipients, Instant notifiedAt,
            Instant acknowledgeBy, EscalationStep.StepOutcome outcome) {
    }

    /** Who acknowledged, when and how. */
    public record AcknowledgementView(String by, Instant at, AcknowledgementChannel via) {
    }

    static EscalationView of(String caseNumber, Escalation escalation) {
        return new EscalationView(escalation.escalationId(), caseNumber, escalation.level(), escalation.reason(),
                escalation.region(), escalation.status(), escalation.stage().role(),
                recipients(escalation.currentStep().recipients()), escalation.channels(), escalation.raisedAt(),
                escalation.acknowledgeBy(),
                escalation.acknowledgement() == null ? null : new AcknowledgementView(escalation.acknowledgement().by(),
                        escalation.acknowledgement().at(), escalation.acknowledgement().via()),
                escalation.disagreementId(), escalation.breachedDeadline(),
                escalation.steps().stream().map(step -> new StepView(step.stage().level(), step.stage().role(),
                        recipients(step.recipients()), step.notifiedAt(), step.acknowledgeBy(), step.outcome())).toList());
    }

    private static List<RecipientView> recipients(List<Addressee> addressees) {
        return addressees.stream()
                .map(a -> new RecipientView(a.contact().name(), a.role(), a.contact().email()))
                .toList();
    }
}
