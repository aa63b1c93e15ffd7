package io.supportsla.escalation.rules;

/** Why an input changed nothing. */
public enum Ignored {
    /** Not something the escalation rules act on (a warning, a met target, a hotline call...). */
    NOT_A_TRIGGER,
    /** The same breach, disagreement or event was handled before. */
    DUPLICATE,
    /** The case is resolved: nothing escalates any more. */
    CASE_RESOLVED,
    /** An acknowledgement or timer for an escalation the case does not have. */
    UNKNOWN_ESCALATION,
    /** The escalation is already acknowledged, superseded or closed. */
    ALREADY_SETTLED,
    /** A timer fired for an escalation that is no longer waiting, or not yet due. */
    NOT_DUE
}
