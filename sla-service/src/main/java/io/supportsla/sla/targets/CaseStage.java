package io.supportsla.sla.targets;

/** Where a case is in its life, as far as its targets are concerned. */
public enum CaseStage {
    /** Open, no response yet. */
    AWAITING_RESPONSE,
    /** Open, the first response was given (SEV1: status updates running). */
    RESPONDED,
    /** Resolved: every timer stopped. */
    RESOLVED
}
