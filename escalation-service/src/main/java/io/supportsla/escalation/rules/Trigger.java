package io.supportsla.escalation.rules;

import io.supportsla.schemas.common.Category;
import io.supportsla.schemas.common.Severity;
import io.supportsla.schemas.escalation.AcknowledgementChannel;
import io.supportsla.schemas.sla.TargetKind;
import java.time.Instant;
import java.util.Objects;

/** Something that happened to a case that the escalation rules act on. */
public sealed interface Trigger {

    /** A case was opened ({@code CaseCreated}). */
    record CaseOpened(String eventId, CaseFacts facts) implements Trigger {
        public CaseOpened {
            Objects.requireNonNull(facts, "facts");
        }
    }

    /** Support reclassified the case ({@code SeverityChanged}). */
    record CaseReclassified(String eventId, Severity severity, Category category) implements Trigger {
    }

    /** A consultant gave the first response and became the point of contact ({@code CaseResponded}). */
    record FirstResponseGiven(String eventId, String consultant) implements Trigger {
    }

    /** The case was resolved ({@code CaseResolved}): nothing escalates any more. */
    record CaseResolved(String eventId, Instant resolvedAt) implements Trigger {
    }

    /** A response or status-update target was missed ({@code SlaBreached}). */
    record BreachDetected(String eventId, TargetKind kind, Instant deadline, Instant breachedAt) implements Trigger {

        public BreachDetected {
            Objects.requireNonNull(eventId, "eventId");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(deadline, "deadline");
        }

        /** The same target missed at the same deadline is one breach, whatever event reports it. */
        String breachKey() {
            return "breach:" + kind + ":" + deadline.toEpochMilli();
        }
    }

    /** Either side disagrees on the action plan ({@code DisagreementRaised}). */
    record DisagreementRaised(String eventId, String disagreementId, String previousDisagreementId,
            Documentation documentation, String raisedBy) implements Trigger {

        public DisagreementRaised {
            Objects.requireNonNull(eventId, "eventId");
            Objects.requireNonNull(disagreementId, "disagreementId");
        }

        String disagreementKey() {
            return "disagreement:" + disagreementId;
        }
    }

    /** Someone acknowledged an escalation through a signed link or an API key. */
    record AcknowledgementReceived(String requestId, String escalationId, String acknowledgedBy,
            AcknowledgementChannel via, Instant acknowledgedAt) implements Trigger {

        public AcknowledgementReceived {
            Objects.requireNonNull(escalationId, "escalationId");
            Objects.requireNonNull(acknowledgedBy, "acknowledgedBy");
            Objects.requireNonNull(via, "via");
            Objects.requireNonNull(acknowledgedAt, "acknowledgedAt");
        }
    }

    /** An escalation's acknowledgement deadline has come (its timer fired). */
    record AcknowledgementDue(String escalationId) implements Trigger {
    }
}
