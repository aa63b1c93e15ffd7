package io.supportsla.escalation.api;

import io.supportsla.escalation.rules.CaseEscalations;
import java.time.Instant;
import java.util.List;

/** A case's escalations as {@code GET /api/v1/cases/{n}/escalations} shows them, oldest first. */
public record CaseEscalationsView(String caseNumber, boolean resolved, Instant resolvedAt, List<EscalationView> escalations) {

    static CaseEscalationsView of(CaseEscalations state) {
        return new CaseEscalationsView(state.caseNumber(), state.resolved(), state.resolvedAt(),
                state.escalations().stream().map(e -> EscalationView.of(state.caseNumber(), e)).toList());
    }
}
