package io.supportsla.escalation.rules;

import static io.supportsla.schemas.escalation.EscalationReason.ACKNOWLEDGEMENT_TIMEOUT;
import static io.supportsla.schemas.escalation.EscalationReason.DISAGREEMENT;
import static io.supportsla.schemas.escalation.EscalationReason.RESPONSE_BREACH;
import static io.supportsla.schemas.escalation.EscalationReason.STATUS_UPDATE_BREACH;

import io.supportsla.escalation.directory.EscalationDirectory;
import io.supportsla.escalation.directory.RegionalCover;
import io.supportsla.escalation.rules.EscalationStep.StepOutcome;
import io.supportsla.escalation.rules.Trigger.AcknowledgementDue;
import io.supportsla.escalation.rules.Trigger.AcknowledgementReceived;
import io.supportsla.escalation.rules.Trigger.BreachDetected;
import io.supportsla.escalation.rules.Trigger.CaseOpened;
import io.supportsla.escalation.rules.Trigger.CaseReclassified;
import io.supportsla.escalation.rules.Trigger.CaseResolved;
import io.supportsla.escalation.rules.Trigger.DisagreementRaised;
import io.supportsla.escalation.rules.Trigger.FirstResponseGiven;
import io.supportsla.schemas.common.Channel;
import io.supportsla.schemas.common.RecipientRole;
import io.supportsla.schemas.common.Region;
import io.supportsla.schemas.common.Severity;
import io.supportsla.schemas.escalation.EscalationReason;
import io.supportsla.schemas.sla.TargetKind;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The escalation rules of SPEC 3.4, as pure decisions: given what is known about a case and what
 * just happened, who must be told, at which level, in which region, and until when they have to
 * acknowledge.
 * <ul>
 * <li>A response or status-update breach, and a first disagreement, go to level 1: the contact of
 * the respective time zone ({@link RespectiveTimeZone}). A SEV1 response breach also pages the
 * hotline on-call.</li>
 * <li>A disagreement raised again while the earlier one is open goes to level 2, the director; the
 * earlier escalation is superseded and its timer stops.</li>
 * <li>Without acknowledgement by the deadline (per severity) an escalation passes to the region's
 * backup manager, then to the director; after the director nobody is left.</li>
 * <li>The same breach (target and deadline), disagreement or event never escalates twice; nothing
 * escalates after the case is resolved, and resolving closes every open escalation.</li>
 * <li>Channels: email always, a page on SEV1; re-escalations keep the escalation's channels.</li>
 * </ul>
 * "Now" is the moment of escalation and comes from the {@link Clock}. Stateless and thread-safe.
 */
public final class EscalationRules {

    private final EscalationDirectory directory;
    private final AcknowledgementTimeouts timeouts;
    private final RespectiveTimeZone timeZones;
    private final Clock clock;

    public EscalationRules(EscalationDirectory directory, AcknowledgementTimeouts timeouts,
            RespectiveTimeZone timeZones, Clock clock) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.timeouts = Objects.requireNonNull(timeouts, "timeouts");
        this.timeZones = Objects.requireNonNull(timeZones, "timeZones");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Decides what {@code trigger} means for the case whose state is {@code state}. */
    public Outcome apply(CaseEscalations state, Trigger trigger) {
        Objects.requireNonNull(state, "state");
        if (trigger instanceof CaseOpened opened) {
            return caseOpened(state, opened);
        } else if (trigger instanceof CaseReclassified reclassified) {
            return caseReclassified(state, reclassified);
        } else if (trigger instanceof FirstResponseGiven response) {
            return firstResponseGiven(state, response);
        } else if (trigger instanceof CaseResolved resolved) {
            return caseResolved(state, resolved);
        } else if (trigger instanceof BreachDetected breach) {
            return breachDetected(state, breach);
        } else if (trigger instanceof DisagreementRaised disagreement) {
            return disagreementRaised(state, disagreement);
        } else if (trigger instanceof AcknowledgementReceived acknowledgement) {
            return acknowledgementReceived(state, acknowledgement);
        } else if (trigger instanceof AcknowledgementDue due) {
            return acknowledgementDue(state, due);
        }
        throw new IllegalArgumentException("Unknown trigger " + trigger);
    }

    private Outcome caseOpened(CaseEscalations state, CaseOpened opened) {
        if (state.known()) {
            return Outcome.ignored(state, Ignored.DUPLICATE);
        }
        CaseEscalations next = state.withFacts(opened.facts()).withoutPending();
        List<EscalationFact> facts = new ArrayList<>();
        // Breaches and disagreements that overtook the case's creation escalate now.
        for (BreachDetected breach : state.pendingBreaches()) {
            Outcome outcome = breachDetected(next, breach);
            next = outcome.state();
            facts.addAll(outcome.facts());
        }
        for (DisagreementRaised disagreement : state.pendingDisagreements()) {
            Outcome outcome = disagreementRaised(next, disagreement);
            next = outcome.state();
            facts.addAll(outcome.facts());
        }
        return Outcome.acted(next, facts);
    }

    private Outcome caseReclassified(CaseEscalations state, CaseReclassified reclassified) {
        if (!state.known()) {
            return Outcome.ignored(state, Ignored.NOT_A_TRIGGER);
        }
        return Outcome.acted(state.withFacts(state.facts().reclassified(reclassified.severity(), reclassified.category())),
                List.of());
    }

    private Outcome firstResponseGiven(CaseEscalations state, FirstResponseGiven response) {
        if (!state.known()) {
            return Outcome.ignored(state, Ignored.NOT_A_TRIGGER);
        }
        return Outcome.acted(state.withFacts(state.facts().withConsultant(response.consultant())), List.of());
    }

    private Outcome caseResolved(CaseEscalations state, CaseResolved resolved) {
        if (state.resolved()) {
            return Outcome.ignored(state, Ignored.DUPLICATE);
        }
        CaseEscalations next = state;
        for (Escalation escalation : state.escalations()) {
            if (!escalation.settled()) {
                next = next.withEscalation(escalation.ended(EscalationStatus.CLOSED, StepOutcome.CLOSED,
                        escalation.acknowledgement()));
            }
        }
        Instant at = resolved.resolvedAt() != null ? resolved.resolvedAt() : clock.instant();
        return Outcome.acted(next.resolvedAt(at), List.of());
    }

    private Outcome breachDetected(CaseEscalations state, BreachDetected breach) {
        if (state.resolved()) {
            return Outcome.ignored(state, Ignored.CASE_RESOLVED);
        }
        boolean waiting = state.pendingBreaches().stream().anyMatch(p -> p.breachKey().equals(breach.breachKey()));
        if (waiting || state.handled(breach.breachKey()) || state.handled(eventKey(breach.eventId()))) {
            return Outcome.ignored(state, Ignored.DUPLICATE);
        }
        if (!state.known()) {
            return Outcome.acted(state.waitingForCase(breach), List.of());
        }
        EscalationReason reason = breach.kind() == TargetKind.RESPONSE ? RESPONSE_BREACH : STATUS_UPDATE_BREACH;
        return raise(state.handling(breach.breachKey(), eventKey(breach.eventId())), reason, Stage.REGIONAL_CONTACT,
                breach.eventId(), null, null, breach.deadline());
    }

    private Outcome disagreementRaised(CaseEscalations state, DisagreementRaised disagreement) {
        if (state.resolved()) {
            return Outcome.ignored(state, Ignored.CASE_RESOLVED);
        }
        boolean waiting = state.pendingDisagreements().stream()
                .anyMatch(p -> p.disagreementKey().equals(disagreement.disagreementKey()));
        if (waiting || state.handled(disagreement.disagreementKey()) || state.handled(eventKey(disagreement.eventId()))) {
            return Outcome.ignored(state, Ignored.DUPLICATE);
        }
        if (!state.known()) {
            return Outcome.acted(state.waitingForCase(disagreement), List.of());
        }
        CaseEscalations next = state.handling(disagreement.disagreementKey(), eventKey(disagreement.eventId()));
        Optional<Escalation> earlier = disagreement.previousDisagreementId() == null
                ? Optional.empty()
                : next.escalationOfDisagreement(disagreement.previousDisagreementId());
        Stage stage = Stage.REGIONAL_CONTACT;
        if (earlier.isPresent()) {
            // Raised again while open: the director takes it, and the earlier escalation stops.
            Escalation previous = earlier.get();
            next = next.withEscalation(previous.ended(EscalationStatus.SUPERSEDED, StepOutcome.SUPERSEDED,
                    previous.acknowledgement()));
            stage = Stage.DIRECTOR;
        }
        return raise(next, DISAGREEMENT, stage, disagreement.eventId(), disagreement.disagreementId(),
                disagreement.documentation(), null);
    }

    private Outcome acknowledgementReceived(CaseEscalations state, AcknowledgementReceived received) {
        Optional<Escalation> found = state.escalation(received.escalationId());
        if (found.isEmpty()) {
            return Outcome.ignored(state, Ignored.UNKNOWN_ESCALATION);
        }
        Escalation escalation = found.get();
        if (escalation.settled()) {
            return Outcome.ignored(state, Ignored.ALREADY_SETTLED);
        }
        Acknowledgement acknowledgement =
                new Acknowledgement(received.acknowledgedBy(), received.acknowledgedAt(), received.via());
        Escalation acknowledged = escalation.ended(EscalationStatus.ACKNOWLEDGED, StepOutcome.ACKNOWLEDGED, acknowledgement);
        return Outcome.acted(state.withEscalation(acknowledged),
                List.of(new EscalationFact.Acknowledged(acknowledged, acknowledgement)));
    }

    private Outcome acknowledgementDue(CaseEscalations state, AcknowledgementDue due) {
        Optional<Escalation> found = state.escalation(due.escalationId());
        if (found.isEmpty()) {
            return Outcome.ignored(state, Ignored.UNKNOWN_ESCALATION);
        }
        Escalation escalation = found.get();
        Instant now = clock.instant();
        if (!escalation.awaitingAcknowledgement() || now.isBefore(escalation.acknowledgeBy())) {
            return Outcome.ignored(state, Ignored.NOT_DUE);
        }
        Optional<Stage> nextStage = escalation.stage().next();
        if (nextStage.isEmpty()) {
            Escalation exhausted = escalation.ended(EscalationStatus.UNACKNOWLEDGED, StepOutcome.TIMED_OUT, null);
            return Outcome.acted(state.withEscalation(exhausted), List.of(new EscalationFact.TimedOut(escalation, null)));
        }
        Stage stage = nextStage.get();
        Severity severity = state.facts().severity();
        EscalationStep step = new EscalationStep(stage,
                recipients(stage, escalation.region(), ACKNOWLEDGEMENT_TIMEOUT, severity), now,
                now.plus(timeouts.forSeverity(severity)), null);
        Escalation passedOn = escalation.passedOn(step);
        return Outcome.acted(state.withEscalation(passedOn), List.of(
                new EscalationFact.TimedOut(escalation, stage.role()),
                new EscalationFact.Raised(passedOn, ACKNOWLEDGEMENT_TIMEOUT, escalation.stage().role(), null)));
    }

    private Outcome raise(CaseEscalations state, EscalationReason reason, Stage stage, String causationEventId,
            String disagreementId, Documentation documentation, Instant breachedDeadline) {
        Instant now = clock.instant();
        CaseFacts facts = state.facts();
        Region region = timeZones.regionFor(facts.region(), now);
        EscalationStep step = new EscalationStep(stage, recipients(stage, region, reason, facts.severity()), now,
                now.plus(timeouts.forSeverity(facts.severity())), null);
        Escalation escalation = new Escalation(Escalation.idFor(state.caseNumber(), state.escalationsRaised() + 1),
                reason, region, channelsFor(facts.severity()), now, causationEventId, disagreementId, documentation,
                breachedDeadline, EscalationStatus.AWAITING_ACKNOWLEDGEMENT, null, List.of(step));
        return Outcome.acted(state.withNewEscalation(escalation),
                List.of(new EscalationFact.Raised(escalation, reason, null, causationEventId)));
    }

    private List<Addressee> recipients(Stage stage, Region region, EscalationReason reason, Severity severity) {
        RegionalCover cover = directory.coverFor(region);
        return switch (stage) {
            case REGIONAL_CONTACT -> reason == RESPONSE_BREACH && severity == Severity.SEV1
                    ? List.of(new Addressee(cover.contact(), RecipientRole.REGIONAL_CONTACT),
                            new Addressee(directory.hotlineOnCall(), RecipientRole.HOTLINE_ON_CALL))
                    : List.of(new Addressee(cover.contact(), RecipientRole.REGIONAL_CONTACT));
            case BACKUP_CONTACT -> List.of(new Addressee(cover.backup(), RecipientRole.BACKUP_CONTACT));
            case DIRECTOR -> List.of(new Addressee(directory.director(), RecipientRole.DIRECTOR));
        };
    }

    private static List<Channel> channelsFor(Severity severity) {
        return severity == Severity.SEV1 ? List.of(Channel.EMAIL, Channel.PAGE) : List.of(Channel.EMAIL);
    }

    private static String eventKey(String eventId) {
        return eventId == null ? null : "event:" + eventId;
    }
}
