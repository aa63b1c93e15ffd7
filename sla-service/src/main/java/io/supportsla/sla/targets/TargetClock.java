package io.supportsla.sla.targets;

/** BUSINESS_TIME counts only the staffing window minus the region's holidays; AROUND_THE_CLOCK counts every minute. */
public enum TargetClock {
    BUSINESS_TIME,
    AROUND_THE_CLOCK
}
