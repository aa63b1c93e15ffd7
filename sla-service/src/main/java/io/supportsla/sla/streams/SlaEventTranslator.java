package io.supportsla.sla.streams;

import io.supportsla.schemas.common.Region;
import io.supportsla.schemas.common.Severity;
import io.supportsla.schemas.sla.SlaBreached;
import io.supportsla.schemas.sla.SlaEvent;
import io.supportsla.schemas.sla.SlaMet;
import io.supportsla.schemas.sla.SlaTarget;
import io.supportsla.schemas.sla.SlaTimerStarted;
import io.supportsla.schemas.sla.SlaWarning;
import io.supportsla.schemas.sla.StatusUpdateDue;
import io.supportsla.schemas.sla.TargetBasis;
import io.supportsla.schemas.sla.TargetClock;
import io.supportsla.schemas.sla.TargetKind;
import io.supportsla.sla.targets.Emission;
import io.supportsla.sla.targets.SlaOutcome;
import io.supportsla.sla.targets.Target;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * Translates the rules' outcomes into {@code support.sla-events} envelopes. Event ids are derived
 * from what caused them (the case event's id and the outcome's position, or the fired timer), so a
 * re-run of the same step after an aborted transaction produces the same ids.
 */
public final class SlaEventTranslator {

    /**
     * @param causationEventId the case event that caused the outcome; null for a fired timer
     * @param occurredAt the case event's time, or the firing time for a timer
     * @param position the outcome's position among those of one step
     */
    public SlaEvent toEvent(String caseNumber, Emission emission, String causationEventId, Instant occurredAt, int position) {
        return SlaEvent.newBuilder()
                .setEventId(eventId(caseNumber, emission, causationEventId, position))
                .setOccurredAt(occurredAt)
                .setCaseNumber(caseNumber)
                .setCausationEventId(causationEventId)
                .setPayload(payload(emission.outcome()))
                .build();
    }

    static Object payload(SlaOutcome outcome) {
        SlaTarget target = target(outcome.target());
        if (outcome instanceof SlaOutcome.TimerStarted started) {
            return SlaTimerStarted.newBuilder().setTarget(target).setPreviousDeadline(started.previousDeadline()).build();
        }
        if (outcome instanceof SlaOutcome.WarningIssued warning) {
            return SlaWarning.newBuilder()
                    .setTarget(target)
                    .setThresholdPercent(warning.thresholdPercent())
                    .setRemainingMinutes((int) warning.remaining().toMinutes())
                    .build();
        }
        if (outcome instanceof SlaOutcome.Breached breached) {
            return SlaBreached.newBuilder().setTarget(target).setBreachedAt(breached.breachedAt()).build();
        }
        if (outcome instanceof SlaOutcome.Met met) {
            return SlaMet.newBuilder().setTarget(target).setMetAt(met.metAt()).setConsultant(met.consultant()).build();
        }
        if (outcome instanceof SlaOutcome.StatusUpdateDue due) {
            return StatusUpdateDue.newBuilder()
                    .setTarget(target)
                    .setUpdateNumber(due.updateNumber())
                    .setConsultant(due.consultant())
                    .build();
        }
        throw new IllegalArgumentException("unknown outcome " + outcome.getClass().getName());
    }

    static SlaTarget target(Target target) {
        return SlaTarget.newBuilder()
                .setKind(TargetKind.valueOf(target.kind().name()))
                .setSeverity(Severity.valueOf(target.severity().name()))
                .setRegion(Region.valueOf(target.region().name()))
                .setClock(TargetClock.valueOf(target.clock().name()))
                .setBasis(TargetBasis.valueOf(target.basis().name()))
                .setStartsAt(target.startsAt())
                .setTargetMinutes((int) target.length().toMinutes())
                .setDeadline(target.deadline())
                .build();
    }

    private static String eventId(String caseNumber, Emission emission, String causationEventId, int position) {
        String name = emission.isFiredByTimer()
                ? "timer/" + caseNumber + "/" + emission.firedTimer() + "/" + emission.scheduledFor().toEpochMilli() + "/" + position
                : "caused/" + causationEventId + "/" + position;
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
