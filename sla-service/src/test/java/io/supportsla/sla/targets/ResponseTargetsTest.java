package io.supportsla.sla.targets;

import static org.assertj.core.api.Assertions.assertThat;

import io.supportsla.calendar.BusinessCalendars;
import io.supportsla.calendar.Region;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Targets and deadlines on the business calendar: the worked examples of issue 4. */
class ResponseTargetsTest {

    private static final ResponseTargets TARGETS = new ResponseTargets(SlaPolicy.defaults(), BusinessCalendars.defaults());

    private static Instant deadline(Severity severity, Region region, String openedAt) {
        return TARGETS.response(severity, region, TargetBasis.CASE_CREATED, Instant.parse(openedAt)).deadline();
    }

    @Test
    void sev2OpenedFridayTwentyHundredGmtIsDueMondayFourHundredGmt() {
        assertThat(deadline(Severity.SEV2, Region.EMEA, "2025-03-07T20:00:00Z")).isEqualTo("2025-03-10T04:00:00Z");
    }

    @Test
    void apacCaseSkipsAustraliaDayObservedOnMondayInSydneyTime() {
        // 4 h on Friday; Monday 27 January is closed until 13:00 UTC (midnight in Sydney, AEDT); 8 h from then.
        assertThat(deadline(Severity.SEV3, Region.APAC, "2025-01-24T20:00:00Z")).isEqualTo("2025-01-27T21:00:00Z");
    }

    @Test
    void emeaCaseSkipsGoodFridayAndEasterMondayInLondonTime() {
        // 3 h Thursday until Good Friday begins (23:00 UTC, BST), 1 h late Friday UTC (Saturday in London),
        // Easter Monday closed until 23:00 UTC, then 4 h.
        assertThat(deadline(Severity.SEV2, Region.EMEA, "2025-04-17T20:00:00Z")).isEqualTo("2025-04-22T03:00:00Z");
    }

    @Test
    void amerCaseSkipsThanksgivingAndTheDayAfterInCaliforniaTime() {
        // 3 h until Thanksgiving begins in California (08:00 UTC), closed through the weekend, 5 h on Monday.
        assertThat(deadline(Severity.SEV2, Region.AMER, "2025-11-27T05:00:00Z")).isEqualTo("2025-12-01T05:00:00Z");
    }

    @Test
    void sameMomentIsAHolidayOnlyInItsOwnRegion() {
        assertThat(deadline(Severity.END_USER_ISSUE, Region.EMEA, "2025-01-27T01:00:00Z")).isEqualTo("2025-01-27T03:00:00Z");
        assertThat(deadline(Severity.END_USER_ISSUE, Region.APAC, "2025-01-27T01:00:00Z")).isEqualTo("2025-01-27T15:00:00Z");
    }

    @ParameterizedTest(name = "{0} {1} opened {2} is due {3}")
    @CsvSource({
            // London: BST begins Sunday 30 March, ends Sunday 26 October 2025
            "SEV2, EMEA, 2025-03-28T20:00:00Z, 2025-03-31T04:00:00Z",
            "SEV3, EMEA, 2025-10-24T12:00:00Z, 2025-10-25T00:00:00Z",
            // California: PDT begins Sunday 9 March, ends Sunday 2 November 2025
            "END_USER_ISSUE, AMER, 2025-03-07T23:00:00Z, 2025-03-10T01:00:00Z",
            "SEV3, AMER, 2025-10-31T18:00:00Z, 2025-11-03T06:00:00Z",
            // Sydney: AEDT ends Sunday 6 April; begins Sunday 5 October 2025, the eve of NSW Labour Day
            "SEV2, APAC, 2025-04-04T20:00:00Z, 2025-04-07T04:00:00Z",
            "SEV2, APAC, 2025-10-03T20:00:00Z, 2025-10-06T17:00:00Z",
    })
    void businessDeadlinesAcrossEachRegionsDaylightSavingWeekends(Severity severity, Region region, String opened,
            String due) {
        assertThat(deadline(severity, region, opened)).isEqualTo(Instant.parse(due));
    }

    @Test
    void sev1CountsAroundTheClockEvenOverAHolidayWeekend() {
        assertThat(deadline(Severity.SEV1, Region.EMEA, "2025-04-20T23:30:00Z")).isEqualTo("2025-04-21T00:30:00Z");
    }

    @ParameterizedTest(name = "call at {1} in {0}: {2} min")
    @CsvSource({
            "EMEA, 2025-03-11T10:00:00Z, 15",   // Tuesday
            "EMEA, 2025-03-15T10:00:00Z, 60",   // Saturday
            "EMEA, 2025-04-21T10:00:00Z, 60",   // Easter Monday in England
            "AMER, 2025-04-21T10:00:00Z, 15",   // an ordinary Monday in California
            "APAC, 2025-03-14T23:30:00Z, 60",   // Friday in UTC, already Saturday in Sydney
            "AMER, 2025-11-28T20:00:00Z, 60",   // the day after Thanksgiving in California
            "EMEA, 2025-03-30T01:30:00Z, 60",   // the Sunday the clocks go forward in London
    })
    void hotlineCallTargetIsFifteenMinutesOrAnHourOnWeekendsAndRegionalHolidays(Region region, String calledAt,
            int minutes) {
        Instant call = Instant.parse(calledAt);
        Target target = TARGETS.hotlineCall(region, call.minusSeconds(600), call);
        assertThat(target.length()).isEqualTo(Duration.ofMinutes(minutes));
        assertThat(target.startsAt()).isEqualTo(call);
        assertThat(target.deadline()).isEqualTo(call.plus(Duration.ofMinutes(minutes)));
    }

    @Test
    void hotlineCallCountsFromTheLaterOfSev1StartAndCall() {
        Instant created = Instant.parse("2025-03-11T10:00:00Z");
        Target target = TARGETS.hotlineCall(Region.EMEA, created, created.minusSeconds(120));
        assertThat(target.startsAt()).isEqualTo(created);
        assertThat(target.basis()).isEqualTo(TargetBasis.HOTLINE_CALL);
    }

    @Test
    void warningInstantsOnABusinessClockSkipClosedTime() {
        Target sev2 = TARGETS.response(Severity.SEV2, Region.EMEA, TargetBasis.CASE_CREATED, Instant.parse("2025-03-07T20:00:00Z"));
        assertThat(TARGETS.elapsedFraction(sev2, 50)).isEqualTo("2025-03-08T00:00:00Z");
        assertThat(TARGETS.elapsedFraction(sev2, 75)).isEqualTo("2025-03-10T02:00:00Z");
        assertThat(TARGETS.elapsedFraction(sev2, 90)).isEqualTo("2025-03-10T03:12:00Z");
    }

    @Test
    void remainingTimeIsMeasuredOnTheTargetsClock() {
        Target sev2 = TARGETS.response(Severity.SEV2, Region.EMEA, TargetBasis.CASE_CREATED, Instant.parse("2025-03-07T20:00:00Z"));
        assertThat(TARGETS.remaining(sev2, Instant.parse("2025-03-09T12:00:00Z"))).isEqualTo(Duration.ofHours(4));
        assertThat(TARGETS.remaining(sev2, Instant.parse("2025-03-10T05:00:00Z"))).isZero();
    }

    @Test
    void statusUpdateReminderGoesOutTheLeadBeforeItIsDueButNotBeforeTheCycleStarts() {
        Instant start = Instant.parse("2025-03-11T10:00:00Z");
        assertThat(TARGETS.statusUpdateReminder(TARGETS.statusUpdate(Region.EMEA, start, Duration.ofMinutes(60))))
                .isEqualTo("2025-03-11T10:50:00Z");
        assertThat(TARGETS.statusUpdateReminder(TARGETS.statusUpdate(Region.EMEA, start, Duration.ofMinutes(5))))
                .isEqualTo(start);
    }
}
