package io.supportsla.sla.api;

import io.supportsla.sla.targets.CaseSla;
import io.supportsla.sla.targets.PendingTimer;
import io.supportsla.sla.targets.ResponseTargets;
import io.supportsla.sla.targets.TargetKind;
import io.supportsla.sla.targets.TargetState;
import io.supportsla.sla.targets.TargetStatus;
import io.supportsla.sla.targets.TimerKind;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;

/** Turns stored {@link CaseSla} states into API views as of a given instant. */
@Component
public class CaseSlaViews {

    private final ResponseTargets targets;

    public CaseSlaViews(ResponseTargets targets) {
        this.targets = targets;
    }

    public CaseSlaView caseView(CaseSla sla, Instant now, String servedBy) {
        return new CaseSlaView(sla.caseNumber(), sla.severity(), sla.region(), sla.title(), sla.customerName(),
                sla.receivedAt(), sla.stage(), sla.consultant(), sla.hotlineCallAt(), sla.firstResponseAt(),
                sla.resolvedAt(), target(sla.response(), null, now),
                sla.statusUpdate() == null ? null : target(sla.statusUpdate(), sla.statusUpdateNumber(), now),
                sla.statusUpdateInterval(), sla.statusUpdatesMet(), sla.statusUpdatesMissed(),
                sla.nextTarget().map(t -> t.target().deadline()).orElse(null),
                sla.timers().stream().filter(t -> t.kind() != TimerKind.PURGE).map(CaseSlaViews::timer).toList(),
                now, servedBy);
    }

    public QueueEntryView queueEntry(CaseSla sla, Instant now) {
        TargetState next = sla.nextTarget().orElse(null);
        return new QueueEntryView(0, sla.caseNumber(), sla.severity(), sla.region(), sla.title(), sla.customerName(),
                sla.receivedAt(), sla.stage(), next == null ? null : next.target().kind(),
                next == null ? null : next.target().deadline(),
                next == null ? null : Duration.between(now, next.target().deadline()),
                next == null ? null : targets.remaining(next.target(), now));
    }

    private TargetView target(TargetState state, Integer updateNumber, Instant now) {
        boolean pending = state.status() == TargetStatus.PENDING;
        var target = state.target();
        return new TargetView(target.kind(), state.status(), target.clock(), target.basis(), target.startsAt(),
                target.length().toMinutes(), target.deadline(), state.settledAt(),
                target.kind() == TargetKind.STATUS_UPDATE ? updateNumber : null,
                pending ? Duration.between(now, target.deadline()) : null,
                pending ? targets.remaining(target, now) : null);
    }

    private static TimerView timer(PendingTimer timer) {
        return new TimerView(timer.kind(), timer.dueAt(),
                timer.kind() == TimerKind.RESPONSE_WARNING ? timer.thresholdPercent() : null,
                timer.updateNumber() > 0 ? timer.updateNumber() : null);
    }
}
