package io.supportsla.sla.targets;

/** Which target: the first RESPONSE, or the next STATUS_UPDATE on a SEV1 case. */
public enum TargetKind {
    RESPONSE,
    STATUS_UPDATE
}
