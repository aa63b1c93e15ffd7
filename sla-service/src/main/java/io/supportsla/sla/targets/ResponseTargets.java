package io.supportsla.sla.targets;

import io.supportsla.calendar.BusinessCalendar;
import io.supportsla.calendar.BusinessCalendars;
import io.supportsla.calendar.Region;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Computes targets and their instants on the right clock (SPEC 3.2): business-time targets on the
 * case region's {@link BusinessCalendar}, SEV1 targets around the clock; the hotline-call target is
 * 15 min, or 1 h when the call target starts on a weekend or holiday in the region's local time.
 */
public final class ResponseTargets {

    private final SlaPolicy policy;
    private final BusinessCalendars calendars;

    public ResponseTargets(SlaPolicy policy, BusinessCalendars calendars) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.calendars = Objects.requireNonNull(calendars, "calendars");
    }

    public SlaPolicy policy() {
        return policy;
    }

    /** The response target of {@code severity} counted from {@code startsAt} (creation, upgrade or original creation). */
    public Target response(Severity severity, Region region, TargetBasis basis, Instant startsAt) {
        Duration length = policy.responseTarget(severity);
        TargetClock clock = severity.responseClock();
        return new Target(TargetKind.RESPONSE, severity, region, clock, basis, startsAt, length,
                instantAfter(clock, region, startsAt, length));
    }

    /**
     * The SEV1 hotline-call target: counted from the later of {@code sev1Since} (creation, or the
     * upgrade to SEV1) and the call; 15 min, or 1 h if that moment is on a weekend or holiday of the
     * case's region. The caller keeps whichever of this and the current deadline is earlier.
     */
    public Target hotlineCall(Region region, Instant sev1Since, Instant calledAt) {
        Instant startsAt = Instants.later(sev1Since, calledAt);
        Duration length = calendar(region).isWeekendOrHoliday(startsAt)
                ? policy.sev1HotlineCallWeekendOrHolidayTarget()
                : policy.sev1HotlineCallTarget();
        return new Target(TargetKind.RESPONSE, Severity.SEV1, region, TargetClock.AROUND_THE_CLOCK, TargetBasis.HOTLINE_CALL,
                startsAt, length, instantAfter(TargetClock.AROUND_THE_CLOCK, region, startsAt, length));
    }

    /** The next SEV1 status update: due one interval after {@code startsAt} (the first response or the last update), around the clock. */
    public Target statusUpdate(Region region, Instant startsAt, Duration interval) {
        return new Target(TargetKind.STATUS_UPDATE, Severity.SEV1, region, TargetClock.AROUND_THE_CLOCK,
                TargetBasis.LAST_STATUS_UPDATE, startsAt, interval,
                instantAfter(TargetClock.AROUND_THE_CLOCK, region, startsAt, interval));
    }

    /** When {@code percent} of the target's length has elapsed, on the target's clock. */
    public Instant elapsedFraction(Target target, int percent) {
        Duration part = target.length().multipliedBy(percent).dividedBy(100);
        return instantAfter(target.clock(), target.region(), target.startsAt(), part);
    }

    /** When the reminder for a status update goes out: the configured lead before it is due, but not before the cycle starts. */
    public Instant statusUpdateReminder(Target target) {
        return Instants.later(target.startsAt(), target.deadline().minus(policy.statusUpdateReminderLead()));
    }

    /** Time left until the deadline on the target's clock; zero once it has passed. */
    public Duration remaining(Target target, Instant now) {
        if (!now.isBefore(target.deadline())) {
            return Duration.ZERO;
        }
        return target.clock() == TargetClock.BUSINESS_TIME
                ? calendar(target.region()).businessTimeBetween(now, target.deadline())
                : Duration.between(now, target.deadline());
    }

    private Instant instantAfter(TargetClock clock, Region region, Instant start, Duration length) {
        Instant end = clock == TargetClock.BUSINESS_TIME
                ? calendar(region).plusBusinessTime(start, length)
                : start.plus(length);
        return Instants.ceilToMillis(end);
    }

    private BusinessCalendar calendar(Region region) {
        return calendars.forRegion(region);
    }
}
