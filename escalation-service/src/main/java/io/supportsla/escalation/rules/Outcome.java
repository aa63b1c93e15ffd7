package io.supportsla.escalation.rules;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of applying a trigger: the case's new escalation state and the facts to publish,
 * or why nothing happened.
 *
 * @param ignored why the trigger changed nothing; null when it was acted on (facts may still be empty,
 *                e.g. a case opened or resolved)
 */
public record Outcome(CaseEscalations state, List<EscalationFact> facts, Ignored ignored) {

    public Outcome {
        Objects.requireNonNull(state, "state");
        facts = List.copyOf(facts);
    }

    static Outcome acted(CaseEscalations state, List<EscalationFact> facts) {
        return new Outcome(state, facts, null);
    }

    static Outcome ignored(CaseEscalations state, Ignored why) {
        return new Outcome(state, List.of(), why);
    }

    public Optional<Ignored> ignoredBecause() {
        return Optional.ofNullable(ignored);
    }
}
