package io.supportsla.sla.targets;

/**
 * The case type that sets the response target (SPEC 3.1, 3.2). Declared in queue order: SEV1
 * first, END_USER_ISSUE last, which is also what "upgrade" and "downgrade" mean here.
 */
public enum Severity {

    SEV1(TargetClock.AROUND_THE_CLOCK),
    SEV2(TargetClock.BUSINESS_TIME),
    SEV3(TargetClock.BUSINESS_TIME),
    END_USER_ISSUE(TargetClock.BUSINESS_TIME);

    private final TargetClock responseClock;

    Severity(TargetClock responseClock) {
        this.responseClock = responseClock;
    }

    /** The clock the response target of this severity is counted on. */
    public TargetClock responseClock() {
        return responseClock;
    }

    /** Position in the queue: SEV1 is 0, END_USER_ISSUE 3. */
    public int queueRank() {
        return ordinal();
    }

    /** Whether a reclassification from this severity to {@code other} is an upgrade (other comes earlier in the queue). */
    public boolean isUpgradeTo(Severity other) {
        return other.queueRank() < queueRank();
    }
}
