package io.supportsla.sla.targets;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Every duration and threshold of the SLA rules (SPEC 3.2), as plain values. The service maps its
 * validated configuration onto this record; {@link #defaults()} is the process guide's setup.
 *
 * @param endUserIssueTarget END_USER_ISSUE response target, business time (2 h)
 * @param sev2Target SEV2 response target, business time (8 h)
 * @param sev3Target SEV3 response target, business time (12 h)
 * @param sev1CaseOnlyTarget SEV1 response target without a hotline call, around the clock (1 h)
 * @param sev1HotlineCallTarget SEV1 target after a logged hotline call on a working day (15 min)
 * @param sev1HotlineCallWeekendOrHolidayTarget the same on a weekend or regional holiday (1 h)
 * @param warningPercentages fractions of a response target, in percent, at which a warning goes out (50, 75, 90)
 * @param defaultStatusUpdateInterval the SEV1 status-update interval when the case carries none (60 min)
 * @param statusUpdateReminderLead how long before an update is due the reminder goes out (10 min; zero: at the due time)
 * @param resolvedCaseRetention how long a resolved case stays queryable before its state is deleted (7 days)
 */
public record SlaPolicy(
        Duration endUserIssueTarget,
        Duration sev2Target,
        Duration sev3Target,
        Duration sev1CaseOnlyTarget,
        Duration sev1HotlineCallTarget,
        Duration sev1HotlineCallWeekendOrHolidayTarget,
        List<Integer> warningPercentages,
        Duration defaultStatusUpdateInterval,
        Duration statusUpdateReminderLead,
        Duration resolvedCaseRetention) {

    public SlaPolicy {
        requirePositive(endUserIssueTarget, "endUserIssueTarget");
        requirePositive(sev2Target, "sev2Target");
        requirePositive(sev3Target, "sev3Target");
        requirePositive(sev1CaseOnlyTarget, "sev1CaseOnlyTarget");
        requirePositive(sev1HotlineCallTarget, "sev1HotlineCallTarget");
        requirePositive(sev1HotlineCallWeekendOrHolidayTarget, "sev1HotlineCallWeekendOrHolidayTarget");
        requirePositive(defaultStatusUpdateInterval, "defaultStatusUpdateInterval");
        Objects.requireNonNull(statusUpdateReminderLead, "statusUpdateReminderLead");
        if (statusUpdateReminderLead.isNegative()) {
            throw new IllegalArgumentException("statusUpdateReminderLead must not be negative: " + statusUpdateReminderLead);
        }
        requirePositive(resolvedCaseRetention, "resolvedCaseRetention");
        Objects.requireNonNull(warningPercentages, "warningPercentages");
        List<Integer> sorted = new ArrayList<>(warningPercentages);
        sorted.sort(null);
        for (int i = 0; i < sorted.size(); i++) {
            int percent = sorted.get(i);
            if (percent < 1 || percent > 99) {
                throw new IllegalArgumentException("warning percentage " + percent + " is not between 1 and 99");
            }
            if (i > 0 && sorted.get(i - 1) == percent) {
                throw new IllegalArgumentException("warning percentage " + percent + " is listed twice");
            }
        }
        warningPercentages = List.copyOf(sorted);
    }

    /** The process guide's targets: 2 h / 8 h / 12 h business time, SEV1 1 h, 15 min after a call (1 h on weekends and holidays). */
    public static SlaPolicy defaults() {
        return new SlaPolicy(
                Duration.ofHours(2),
                Duration.ofHours(8),
                Duration.ofHours(12),
                Duration.ofHours(1),
                Duration.ofMinutes(15),
                Duration.ofHours(1),
                List.of(50, 75, 90),
                Duration.ofMinutes(60),
                Duration.ofMinutes(10),
                Duration.ofDays(7));
    }

    /** The response target of a severity when no hotline call shortens it. */
    public Duration responseTarget(Severity severity) {
        return switch (severity) {
            case SEV1 -> sev1CaseOnlyTarget;
            case SEV2 -> sev2Target;
            case SEV3 -> sev3Target;
            case END_USER_ISSUE -> endUserIssueTarget;
        };
    }

    private static void requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + duration);
        }
    }
}
