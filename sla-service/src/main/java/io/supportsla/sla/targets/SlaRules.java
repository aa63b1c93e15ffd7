package io.supportsla.sla.targets;

import io.supportsla.sla.targets.CaseFact.CaseOpened;
import io.supportsla.sla.targets.CaseFact.HotlineCalled;
import io.supportsla.sla.targets.CaseFact.Reclassified;
import io.supportsla.sla.targets.CaseFact.Resolved;
import io.supportsla.sla.targets.CaseFact.Responded;
import io.supportsla.sla.targets.CaseFact.StatusUpdated;
import io.supportsla.sla.targets.SlaOutcome.Breached;
import io.supportsla.sla.targets.SlaOutcome.Met;
import io.supportsla.sla.targets.SlaOutcome.StatusUpdateDue;
import io.supportsla.sla.targets.SlaOutcome.TimerStarted;
import io.supportsla.sla.targets.SlaOutcome.WarningIssued;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The SLA rules of SPEC 3.2 as a state machine over {@link CaseSla}: {@link #apply} takes a case
 * event, {@link #fireDue} the timers whose instant has come. Plain Java; the caller passes "now"
 * (the wall clock) and stores the returned state and outcomes atomically.
 *
 * <p>Decisions this class makes (the README lists them for readers):
 * <ul>
 * <li>Only the first response counts; a case event already applied (same event id) is ignored.</li>
 * <li>A response at or before the deadline meets the target; a later one breaches it at once if
 *     the timer has not already. A target is settled once: the first of response and deadline wins.</li>
 * <li>A hotline call counts only while the case is SEV1 and before its first response, and only
 *     when it brings the deadline forward (on a weekend or holiday it never does: 1 h from a moment
 *     no earlier than the SEV1 start cannot beat the case-only hour).</li>
 * <li>Reclassification re-targets a pending response target only; a met or breached one stays
 *     settled. Upgrade counts from the change, downgrade from the original creation (so a
 *     downgrade may be breached at once).</li>
 * <li>Warnings: when a target is (re)set, thresholds already behind the moment it was set are
 *     skipped; when several fall due together, only the highest goes out, and none if the breach
 *     is due too (catching up after downtime).</li>
 * <li>SEV1 status updates start at the first response, late or not, or at an upgrade to SEV1
 *     after it. The reminder goes out {@code statusUpdateReminderLead} before the due time; the
 *     due time is the deadline: an update not posted by then is a STATUS_UPDATE breach and the
 *     next cycle starts at that due time (or now, if that too is already past). An update posted
 *     in time meets the current cycle; every update starts the next one from its posting.</li>
 * <li>Resolution stops every timer; the state stays queryable for {@code resolvedCaseRetention}.</li>
 * </ul>
 */
public final class SlaRules {

    private final ResponseTargets targets;
    private final SlaPolicy policy;

    public SlaRules(ResponseTargets targets) {
        this.targets = Objects.requireNonNull(targets, "targets");
        this.policy = targets.policy();
    }

    public ResponseTargets targets() {
        return targets;
    }

    /**
     * Applies one case event to the case's state ({@code null} if the case is unknown).
     *
     * @param now the wall clock, used only to date a breach detected by a late response
     */
    public Decision apply(CaseSla current, CaseFact fact, Instant now) {
        Objects.requireNonNull(fact, "fact");
        if (current != null && current.hasSeen(fact.eventId())) {
            return Decision.unchanged(current);
        }
        if (fact instanceof CaseOpened opened) {
            return current == null ? open(opened) : Decision.unchanged(current);
        }
        if (current == null || current.resolvedAt() != null) {
            return Decision.unchanged(current);
        }
        if (fact instanceof Reclassified reclassified) {
            return reclassify(current, reclassified);
        }
        if (fact instanceof HotlineCalled call) {
            return hotlineCall(current, call);
        }
        if (fact instanceof Responded response) {
            return respond(current, response, now);
        }
        if (fact instanceof StatusUpdated update) {
            return statusUpdate(current, update, now);
        }
        if (fact instanceof Resolved resolved) {
            return resolve(current, resolved);
        }
        throw new IllegalArgumentException("unknown case fact " + fact.getClass().getName());
    }

    /** Fires every timer of the case due at {@code now}; unchanged if none is due. */
    public Decision fireDue(CaseSla current, Instant now) {
        List<PendingTimer> due = current.timers().stream().filter(timer -> timer.isDueAt(now)).toList();
        if (due.isEmpty()) {
            return Decision.unchanged(current);
        }
        if (due.stream().anyMatch(timer -> timer.kind() == TimerKind.PURGE)) {
            return Decision.deleted(List.of());
        }
        CaseSla.Builder next = current.toBuilder().removeTimers(timer -> timer.isDueAt(now));
        List<Emission> emissions = new ArrayList<>();
        fireResponseTimers(current, due, now, next, emissions);
        fireStatusUpdateTimers(current, due, now, next, emissions);
        return Decision.updated(next.build(), emissions);
    }

    private Decision open(CaseOpened opened) {
        Duration interval = !isPositive(opened.statusUpdateInterval())
                ? policy.defaultStatusUpdateInterval()
                : opened.statusUpdateInterval();
        Target target = targets.response(opened.severity(), opened.region(), TargetBasis.CASE_CREATED, opened.receivedAt());
        CaseSla created = new CaseSla(opened.caseNumber(), opened.severity(), opened.region(), opened.receivedAt(),
                opened.title(), opened.customerName(), interval,
                opened.severity() == Severity.SEV1 ? opened.receivedAt() : null, null,
                TargetState.pending(target), null, 0, 0, 0, null, null, null,
                responseTimers(target, opened.receivedAt()), List.of(opened.eventId()));
        return Decision.updated(created, List.of(Emission.caused(new TimerStarted(target, null))));
    }

    private Decision reclassify(CaseSla current, Reclassified change) {
        CaseSla.Builder next = current.toBuilder().remember(change.eventId());
        Severity from = current.severity();
        Severity to = change.newSeverity();
        if (to == from) {
            return Decision.updated(next.build(), List.of());
        }
        List<Emission> emissions = new ArrayList<>();
        next.severity(to)
                .sev1Since(to == Severity.SEV1 ? change.changedAt() : null)
                .hotlineCallAt(null);
        if (current.response().isPending()) {
            boolean upgrade = from.isUpgradeTo(to);
            Target target = upgrade
                    ? targets.response(to, current.region(), TargetBasis.UPGRADED, change.changedAt())
                    : targets.response(to, current.region(), TargetBasis.DOWNGRADED, current.receivedAt());
            replaceResponseTarget(next, target, change.changedAt());
            emissions.add(Emission.caused(new TimerStarted(target, current.response().target().deadline())));
        }
        if (to == Severity.SEV1 && current.firstResponseAt() != null && current.statusUpdate() == null) {
            emissions.add(Emission.caused(startStatusUpdates(current, next, change.changedAt(),
                    current.statusUpdateInterval(), current.statusUpdateNumber() + 1, null)));
        } else if (to != Severity.SEV1 && current.statusUpdate() != null) {
            next.statusUpdate(null, current.statusUpdateNumber()).removeTimers(PendingTimer::isStatusUpdateTimer);
        }
        return Decision.updated(next.build(), emissions);
    }

    private Decision hotlineCall(CaseSla current, HotlineCalled call) {
        CaseSla.Builder next = current.toBuilder().remember(call.eventId());
        if (current.severity() != Severity.SEV1) {
            return Decision.updated(next.build(), List.of());
        }
        if (current.hotlineCallAt() == null) {
            next.hotlineCallAt(call.calledAt());
        }
        List<Emission> emissions = new ArrayList<>();
        if (current.response().isPending()) {
            Target callTarget = targets.hotlineCall(current.region(), current.sev1Since(), call.calledAt());
            Instant currentDeadline = current.response().target().deadline();
            if (callTarget.deadline().isBefore(currentDeadline)) {
                replaceResponseTarget(next, callTarget, call.calledAt());
                emissions.add(Emission.caused(new TimerStarted(callTarget, currentDeadline)));
            }
        }
        return Decision.updated(next.build(), emissions);
    }

    private Decision respond(CaseSla current, Responded response, Instant now) {
        CaseSla.Builder next = current.toBuilder().remember(response.eventId());
        if (current.firstResponseAt() != null) {
            return Decision.updated(next.build(), List.of());
        }
        List<Emission> emissions = new ArrayList<>();
        next.firstResponse(response.respondedAt(), response.consultant());
        TargetState target = current.response();
        if (target.isPending()) {
            if (!response.respondedAt().isAfter(target.target().deadline())) {
                next.response(target.settled(TargetStatus.MET, response.respondedAt()));
                emissions.add(Emission.caused(new Met(target.target(), response.respondedAt(), response.consultant())));
            } else {
                Instant breachedAt = Instants.later(now, target.target().deadline());
                next.response(target.settled(TargetStatus.BREACHED, breachedAt));
                emissions.add(Emission.caused(new Breached(target.target(), breachedAt)));
            }
            next.removeTimers(PendingTimer::isResponseTimer);
        }
        if (current.severity() == Severity.SEV1) {
            emissions.add(Emission.caused(startStatusUpdates(current, next, response.respondedAt(),
                    current.statusUpdateInterval(), current.statusUpdateNumber() + 1, null)));
        }
        return Decision.updated(next.build(), emissions);
    }

    private Decision statusUpdate(CaseSla current, StatusUpdated update, Instant now) {
        CaseSla.Builder next = current.toBuilder().remember(update.eventId());
        Duration interval = current.statusUpdateInterval();
        if (isPositive(update.newInterval())) {
            interval = update.newInterval();
            next.statusUpdateInterval(interval);
        }
        TargetState cycle = current.statusUpdate();
        if (cycle == null) {
            return Decision.updated(next.build(), List.of());
        }
        List<Emission> emissions = new ArrayList<>();
        Target due = cycle.target();
        if (!update.postedAt().isAfter(due.deadline())) {
            next.statusUpdateMet();
            emissions.add(Emission.caused(new Met(due, update.postedAt(), update.consultant())));
        } else {
            // The update came after its due time but before the timer fired: the miss is detected here.
            next.statusUpdateMissed();
            emissions.add(Emission.caused(new Breached(due, Instants.later(now, due.deadline()))));
        }
        emissions.add(Emission.caused(startStatusUpdates(current, next, update.postedAt(), interval,
                current.statusUpdateNumber() + 1, due.deadline())));
        return Decision.updated(next.build(), emissions);
    }

    private Decision resolve(CaseSla current, Resolved resolved) {
        CaseSla.Builder next = current.toBuilder()
                .remember(resolved.eventId())
                .resolvedAt(resolved.resolvedAt())
                .removeTimers(timer -> true)
                .addTimer(PendingTimer.purge(Instants.ceilToMillis(resolved.resolvedAt().plus(policy.resolvedCaseRetention()))));
        if (current.response().isPending()) {
            next.response(current.response().settled(TargetStatus.STOPPED, resolved.resolvedAt()));
        }
        if (current.statusUpdate() != null && current.statusUpdate().isPending()) {
            next.statusUpdate(current.statusUpdate().settled(TargetStatus.STOPPED, resolved.resolvedAt()),
                    current.statusUpdateNumber());
        }
        return Decision.updated(next.build(), List.of());
    }

    private void fireResponseTimers(CaseSla current, List<PendingTimer> due, Instant now, CaseSla.Builder next,
            List<Emission> emissions) {
        Target target = current.response().target();
        Optional<PendingTimer> breach = due.stream().filter(timer -> timer.kind() == TimerKind.RESPONSE_BREACH).findFirst();
        if (breach.isPresent()) {
            next.response(current.response().settled(TargetStatus.BREACHED, now));
            emissions.add(Emission.fired(new Breached(target, now), breach.get()));
            return;
        }
        due.stream()
                .filter(timer -> timer.kind() == TimerKind.RESPONSE_WARNING)
                .max(Comparator.comparingInt(PendingTimer::thresholdPercent))
                .ifPresent(warning -> emissions.add(Emission.fired(
                        new WarningIssued(target, warning.thresholdPercent(), targets.remaining(target, now)), warning)));
    }

    private void fireStatusUpdateTimers(CaseSla current, List<PendingTimer> due, Instant now, CaseSla.Builder next,
            List<Emission> emissions) {
        TargetState cycle = current.statusUpdate();
        if (cycle == null) {
            return;
        }
        Optional<PendingTimer> reminder = due.stream().filter(t -> t.kind() == TimerKind.STATUS_UPDATE_REMINDER).findFirst();
        Optional<PendingTimer> breach = due.stream().filter(t -> t.kind() == TimerKind.STATUS_UPDATE_BREACH).findFirst();
        // A reminder that fell due before the breach it announces is pointless once the breach is due too.
        if (reminder.isPresent() && (breach.isEmpty() || !reminder.get().dueAt().isBefore(breach.get().dueAt()))) {
            emissions.add(Emission.fired(new StatusUpdateDue(cycle.target(), current.statusUpdateNumber(),
                    current.consultant()), reminder.get()));
        }
        if (breach.isPresent()) {
            Target missed = cycle.target();
            next.statusUpdateMissed();
            emissions.add(Emission.fired(new Breached(missed, now), breach.get()));
            // Keep the rhythm from the missed due time, unless catching up after downtime has made that due already.
            Instant nextStart = missed.deadline();
            if (!nextStart.plus(current.statusUpdateInterval()).isAfter(now)) {
                nextStart = now;
            }
            emissions.add(Emission.fired(startStatusUpdates(current, next, nextStart, current.statusUpdateInterval(),
                    current.statusUpdateNumber() + 1, missed.deadline()), breach.get()));
        }
    }

    private TimerStarted startStatusUpdates(CaseSla current, CaseSla.Builder next, Instant from, Duration interval,
            int updateNumber, Instant previousDeadline) {
        Target target = targets.statusUpdate(current.region(), from, interval);
        next.statusUpdate(TargetState.pending(target), updateNumber)
                .removeTimers(PendingTimer::isStatusUpdateTimer)
                .addTimer(PendingTimer.statusUpdateReminder(targets.statusUpdateReminder(target), updateNumber))
                .addTimer(PendingTimer.statusUpdateBreach(target.deadline(), updateNumber));
        return new TimerStarted(target, previousDeadline);
    }

    private void replaceResponseTarget(CaseSla.Builder next, Target target, Instant setAt) {
        next.response(TargetState.pending(target)).removeTimers(PendingTimer::isResponseTimer);
        responseTimers(target, setAt).forEach(next::addTimer);
    }

    private static boolean isPositive(Duration duration) {
        return duration != null && !duration.isNegative() && !duration.isZero();
    }

    /** Warnings still ahead of {@code setAt} (and before the deadline), then the breach at the deadline. */
    private List<PendingTimer> responseTimers(Target target, Instant setAt) {
        List<PendingTimer> timers = new ArrayList<>();
        for (int percent : policy.warningPercentages()) {
            Instant at = targets.elapsedFraction(target, percent);
            if (at.isAfter(setAt) && at.isBefore(target.deadline())) {
                timers.add(PendingTimer.warning(at, percent));
            }
        }
        timers.add(PendingTimer.responseBreach(target.deadline()));
        return timers;
    }
}
