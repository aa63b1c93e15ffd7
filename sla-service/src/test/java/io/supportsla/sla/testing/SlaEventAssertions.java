package io.supportsla.sla.testing;

import io.supportsla.schemas.sla.SlaBreached;
import io.supportsla.schemas.sla.SlaEvent;
import io.supportsla.schemas.sla.SlaMet;
import io.supportsla.schemas.sla.SlaTarget;
import io.supportsla.schemas.sla.SlaTimerStarted;
import io.supportsla.schemas.sla.SlaWarning;
import io.supportsla.schemas.sla.StatusUpdateDue;
import java.util.List;

/** Short descriptions of SLA events, so a test can assert a whole sequence in one readable line. */
public final class SlaEventAssertions {

    private SlaEventAssertions() {
    }

    /** e.g. {@code "started RESPONSE CASE_CREATED until 2025-03-11T12:00:00Z"}, {@code "warning 50%"}, {@code "breached RESPONSE"}. */
    public static String describe(SlaEvent event) {
        Object payload = event.getPayload();
        if (payload instanceof SlaTimerStarted started) {
            SlaTarget t = started.getTarget();
            return "started " + t.getKind() + " " + t.getBasis() + " until " + t.getDeadline();
        }
        if (payload instanceof SlaWarning warning) {
            return "warning " + warning.getThresholdPercent() + "%";
        }
        if (payload instanceof SlaBreached breached) {
            return "breached " + breached.getTarget().getKind();
        }
        if (payload instanceof SlaMet met) {
            return "met " + met.getTarget().getKind();
        }
        if (payload instanceof StatusUpdateDue due) {
            return "update " + due.getUpdateNumber() + " due at " + due.getTarget().getDeadline();
        }
        return payload.getClass().getSimpleName();
    }

    public static List<String> describe(List<SlaEvent> events) {
        return events.stream().map(SlaEventAssertions::describe).toList();
    }

    public static SlaTarget target(SlaEvent event) {
        Object payload = event.getPayload();
        if (payload instanceof SlaTimerStarted p) {
            return p.getTarget();
        }
        if (payload instanceof SlaWarning p) {
            return p.getTarget();
        }
        if (payload instanceof SlaBreached p) {
            return p.getTarget();
        }
        if (payload instanceof SlaMet p) {
            return p.getTarget();
        }
        if (payload instanceof StatusUpdateDue p) {
            return p.getTarget();
        }
        throw new IllegalArgumentException(payload.getClass().getName());
    }
}
