package io.supportsla.escalation.rules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the escalation service keeps about one case: its facts, whether it is resolved, its
 * escalations, which breaches, disagreements and events it has handled (so redelivery never
 * escalates twice), and triggers that arrived before the case itself and wait for it.
 *
 * @param facts the case as known from {@code support.case-events}; null until its {@code CaseCreated} arrives
 * @param resolvedAt when the case was resolved; null while open
 * @param escalationsRaised how many escalations the case has had, numbering the next one's id
 * @param handledKeys keys of the breaches, disagreements and events already acted on
 * @param pendingBreaches breaches that arrived before the case was known
 * @param pendingDisagreements disagreements that arrived before the case was known
 */
public record CaseEscalations(String caseNumber, CaseFacts facts, Instant resolvedAt, int escalationsRaised,
        List<Escalation> escalations, List<String> handledKeys, List<Trigger.BreachDetected> pendingBreaches,
        List<Trigger.DisagreementRaised> pendingDisagreements) {

    public CaseEscalations {
        Objects.requireNonNull(caseNumber, "caseNumber");
        escalations = escalations == null ? List.of() : List.copyOf(escalations);
        handledKeys = handledKeys == null ? List.of() : List.copyOf(handledKeys);
        pendingBreaches = pendingBreaches == null ? List.of() : List.copyOf(pendingBreaches);
        pendingDisagreements = pendingDisagreements == null ? List.of() : List.copyOf(pendingDisagreements);
    }

    /** A case the service has heard nothing about yet. */
    public static CaseEscalations empty(String caseNumber) {
        return new CaseEscalations(caseNumber, null, null, 0, List.of(), List.of(), List.of(), List.of());
    }

    public boolean resolved() {
        return resolvedAt != null;
    }

    public boolean known() {
        return facts != null;
    }

    public Optional<Escalation> escalation(String escalationId) {
        return escalations.stream().filter(e -> e.escalationId().equals(escalationId)).findFirst();
    }

    /** The most recent escalation of a disagreement. */
    public Optional<Escalation> escalationOfDisagreement(String disagreementId) {
        Escalation found = null;
        for (Escalation escalation : escalations) {
            if (disagreementId.equals(escalation.disagreementId())) {
                found = escalation;
            }
        }
        return Optional.ofNullable(found);
    }

    /** The acknowledgement deadline of every escalation waiting for one, by escalation id. */
    public Map<String, Instant> acknowledgementDeadlines() {
        Map<String, Instant> deadlines = new LinkedHashMap<>();
        for (Escalation escalation : escalations) {
            if (escalation.awaitingAcknowledgement()) {
                deadlines.put(escalation.escalationId(), escalation.acknowledgeBy());
            }
        }
        return deadlines;
    }

    boolean handled(String key) {
        return handledKeys.contains(key);
    }

    CaseEscalations withFacts(CaseFacts newFacts) {
        return new CaseEscalations(caseNumber, newFacts, resolvedAt, escalationsRaised, escalations, handledKeys,
                pendingBreaches, pendingDisagreements);
    }

    CaseEscalations handling(String... keys) {
        List<String> handled = new ArrayList<>(handledKeys);
        for (String key : keys) {
            if (key != null && !handled.contains(key)) {
                handled.add(key);
            }
        }
        return new CaseEscalations(caseNumber, facts, resolvedAt, escalationsRaised, escalations, handled,
                pendingBreaches, pendingDisagreements);
    }

    CaseEscalations withNewEscalation(Escalation escalation) {
        List<Escalation> all = new ArrayList<>(escalations);
        all.add(escalation);
        return new CaseEscalations(caseNumber, facts, resolvedAt, escalationsRaised + 1, all, handledKeys,
                pendingBreaches, pendingDisagreements);
    }

    CaseEscalations withEscalation(Escalation changed) {
        List<Escalation> all = new ArrayList<>(escalations);
        all.replaceAll(e -> e.escalationId().equals(changed.escalationId()) ? changed : e);
        return new CaseEscalations(caseNumber, facts, resolvedAt, escalationsRaised, all, handledKeys,
                pendingBreaches, pendingDisagreements);
    }

    CaseEscalations waitingForCase(Trigger.BreachDetected breach) {
        List<Trigger.BreachDetected> waiting = new ArrayList<>(pendingBreaches);
        waiting.add(breach);
        return new CaseEscalations(caseNumber, facts, resolvedAt, escalationsRaised, escalations, handledKeys,
                waiting, pendingDisagreements);
    }

    CaseEscalations waitingForCase(Trigger.DisagreementRaised disagreement) {
        List<Trigger.DisagreementRaised> waiting = new ArrayList<>(pendingDisagreements);
        waiting.add(disagreement);
        return new CaseEscalations(caseNumber, facts, resolvedAt, escalationsRaised, escalations, handledKeys,
                pendingBreaches, waiting);
    }

    CaseEscalations withoutPending() {
        return new CaseEscalations(caseNumber, facts, resolvedAt, escalationsRaised, escalations, handledKeys,
                List.of(), List.of());
    }

    CaseEscalations resolvedAt(Instant when) {
        return new CaseEscalations(caseNumber, facts, when, escalationsRaised, escalations, handledKeys,
                List.of(), List.of());
    }
}
