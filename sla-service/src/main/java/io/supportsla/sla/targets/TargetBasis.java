package io.supportsla.sla.targets;

/**
 * What a target counts from: the case's creation, a hotline call (SEV1), an upgrade (from the
 * change), a downgrade (from the original creation), or the last status update (or the first
 * response, for the first update).
 */
public enum TargetBasis {
    CASE_CREATED,
    HOTLINE_CALL,
    UPGRADED,
    DOWNGRADED,
    LAST_STATUS_UPDATE
}
