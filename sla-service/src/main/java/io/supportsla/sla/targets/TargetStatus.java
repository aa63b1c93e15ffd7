package io.supportsla.sla.targets;

/** Where a target stands: still running, met in time, breached, or stopped because the case was resolved first. */
public enum TargetStatus {
    PENDING,
    MET,
    BREACHED,
    STOPPED
}
