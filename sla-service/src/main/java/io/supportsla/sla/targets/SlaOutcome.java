package io.supportsla.sla.targets;

import java.time.Duration;
import java.time.Instant;

/** What the rules decided to tell the world about a case's targets; each becomes one {@code support.sla-events} record. */
public sealed interface SlaOutcome {

    Target target();

    /** A target's clock started, or its deadline moved ({@code previousDeadline} set). */
    record TimerStarted(Target target, Instant previousDeadline) implements SlaOutcome {
    }

    /** {@code thresholdPercent} of a response target has elapsed; {@code remaining} is left on its clock. */
    record WarningIssued(Target target, int thresholdPercent, Duration remaining) implements SlaOutcome {
    }

    /** The target's deadline passed without it being met (a response breach, or a missed status update). */
    record Breached(Target target, Instant breachedAt) implements SlaOutcome {
    }

    /** The first response, or a status update, arrived in time. */
    record Met(Target target, Instant metAt, String consultant) implements SlaOutcome {
    }

    /** Reminder: status update number {@code updateNumber} falls due at the target's deadline. */
    record StatusUpdateDue(Target target, int updateNumber, String consultant) implements SlaOutcome {
    }
}
