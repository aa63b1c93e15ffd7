package io.supportsla.escalation.rules;

import io.supportsla.escalation.rules.EscalationStep.StepOutcome;
import io.supportsla.schemas.common.Channel;
import io.supportsla.schemas.common.Region;
import io.supportsla.schemas.escalation.EscalationReason;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One escalation of a case and its history. Its id stays the same when it passes to the backup
 * and the director; each pass is an {@link EscalationStep}, the last one being the current.
 *
 * @param escalationId {@code <case number>-E<n>}, n counting the case's escalations from 1
 * @param reason why it was raised: a response or status-update breach, or a disagreement
 * @param region the respective time zone's region picked when it was raised
 * @param channels how recipients are told: email always, and a page on SEV1
 * @param raisedAt when it was first raised
 * @param causationEventId the SLA or case event that raised it
 * @param disagreementId the disagreement it is about; null for breaches
 * @param documentation the disagreement's written documentation; null for breaches
 * @param breachedDeadline the missed deadline; null for disagreements
 * @param acknowledgement who acknowledged it; null until then
 */
public record Escalation(String escalationId, EscalationReason reason, Region region, List<Channel> channels,
        Instant raisedAt, String causationEventId, String disagreementId, Documentation documentation,
        Instant breachedDeadline, EscalationStatus status, Acknowledgement acknowledgement, List<EscalationStep> steps) {

    public Escalation {
        Objects.requireNonNull(escalationId, "escalationId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(region, "region");
        channels = List.copyOf(channels);
        Objects.requireNonNull(raisedAt, "raisedAt");
        Objects.requireNonNull(status, "status");
        steps = List.copyOf(steps);
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("an escalation has at least one step");
        }
    }

    /** The escalation id of a case's n-th escalation. */
    public static String idFor(String caseNumber, int sequence) {
        return caseNumber + "-E" + sequence;
    }

    /** The case number inside an escalation id; empty text when the id has no {@code -E<n>} suffix. */
    public static String caseNumberOf(String escalationId) {
        int separator = escalationId.lastIndexOf("-E");
        if (separator <= 0 || separator + 2 >= escalationId.length()) {
            return "";
        }
        for (int i = separator + 2; i < escalationId.length(); i++) {
            if (!Character.isDigit(escalationId.charAt(i))) {
                return "";
            }
        }
        return escalationId.substring(0, separator);
    }

    public EscalationStep currentStep() {
        return steps.get(steps.size() - 1);
    }

    public Stage stage() {
        return currentStep().stage();
    }

    public int level() {
        return stage().level();
    }

    public Instant acknowledgeBy() {
        return currentStep().acknowledgeBy();
    }

    public boolean awaitingAcknowledgement() {
        return status == EscalationStatus.AWAITING_ACKNOWLEDGEMENT;
    }

    /** Whether nothing can change it any more: acknowledged, superseded or closed. */
    public boolean settled() {
        return status == EscalationStatus.ACKNOWLEDGED || status == EscalationStatus.SUPERSEDED
                || status == EscalationStatus.CLOSED;
    }

    Escalation passedOn(EscalationStep next) {
        List<EscalationStep> history = new ArrayList<>(steps.subList(0, steps.size() - 1));
        history.add(currentStep().endedBy(StepOutcome.TIMED_OUT));
        history.add(next);
        return new Escalation(escalationId, reason, region, channels, raisedAt, causationEventId, disagreementId,
                documentation, breachedDeadline, EscalationStatus.AWAITING_ACKNOWLEDGEMENT, acknowledgement, history);
    }

    Escalation ended(EscalationStatus newStatus, StepOutcome stepOutcome, Acknowledgement newAcknowledgement) {
        List<EscalationStep> history = new ArrayList<>(steps);
        if (currentStep().outcome() == null) {
            history.set(history.size() - 1, currentStep().endedBy(stepOutcome));
        }
        return new Escalation(escalationId, reason, region, channels, raisedAt, causationEventId, disagreementId,
                documentation, breachedDeadline, newStatus, newAcknowledgement, history);
    }
}
