package io.supportsla.escalation.streams;

import io.supportsla.escalation.rules.CaseEscalations;

/** The per-case state store's value serde. */
public class CaseEscalationsSerde extends JsonSerde<CaseEscalations> {

    public CaseEscalationsSerde() {
        super(CaseEscalations.class);
    }
}
