package io.supportsla.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Worked examples for London (Europe/London, England's public holidays) on the default UTC window. */
class EmeaBusinessCalendarTest {

    private static final BusinessCalendar EMEA = BusinessCalendars.defaults().forRegion(Region.EMEA);
    private static final Duration END_USER_TARGET = Duration.ofHours(2);
    private static final Duration SEV2_TARGET = Duration.ofHours(8);
    private static final Duration SEV3_TARGET = Duration.ofHours(12);

    @Test
    void addsTwoBusinessHoursAcrossTheWeekend() {
        // given an END_USER_ISSUE opened on Friday 23:00 UTC, one hour before the window closes
        Instant opened = Instant.parse("2025-03-14T23:00:00Z");

        // when its 2 h target is counted in business time
        Instant deadline = EMEA.plusBusinessTime(opened, END_USER_TARGET);

        // then the second hour is Monday's first
        assertThat(deadline).isEqualTo(Instant.parse("2025-03-17T01:00:00Z"));
    }

    @Test
    void skipsChristmasAndBoxingDayForASev2OpenedOnChristmasEve() {
        // given a SEV2 opened on Wednesday 24 December 2025 at 18:00 UTC (6 h before Christmas Day)
        Instant opened = Instant.parse("2025-12-24T18:00:00Z");

        // when
        Instant deadline = EMEA.plusBusinessTime(opened, SEV2_TARGET);

        // then Thursday and Friday are holidays, the weekend is outside the window: 2 h on Monday
        assertThat(deadline).isEqualTo(Instant.parse("2025-12-29T02:00:00Z"));
    }

    @Test
    void closesFromTwentyThreeHundredUtcForGoodFridayAndEasterMondayInSummerTime() {
        // given a SEV2 opened on Thursday 17 April 2025 at 20:00 UTC (21:00 BST)
        Instant opened = Instant.parse("2025-04-17T20:00:00Z");

        // when
        Instant deadline = EMEA.plusBusinessTime(opened, SEV2_TARGET);

        // then it counts Thu 20-23 (3 h), Fri 23-24 (1 h, already Saturday in London),
        // Easter Monday's last UTC hour 23-24 (1 h, already Tuesday in London) and 3 h on Tuesday
        assertThat(deadline).isEqualTo(Instant.parse("2025-04-22T03:00:00Z"));
    }

    @Test
    void countsNoBusinessTimeOnEasterMondayInLondon() {
        // given Easter Monday 21 April 2025 in England
        Instant mondayMorning = Instant.parse("2025-04-21T00:00:00Z");
        Instant tuesdayMidnightUtc = Instant.parse("2025-04-22T00:00:00Z");

        // when / then only the UTC hour that is already Tuesday in London counts
        assertThat(EMEA.isHoliday(Instant.parse("2025-04-21T12:00:00Z"))).isTrue();
        assertThat(EMEA.businessTimeBetween(mondayMorning, tuesdayMidnightUtc)).isEqualTo(Duration.ofHours(1));
        assertThat(EMEA.nextBusinessTimeStart(mondayMorning)).isEqualTo(Instant.parse("2025-04-21T23:00:00Z"));
    }

    @Test
    void startsCountingOnMondayForACaseOpenedOnSunday() {
        // given a SEV2 opened on Sunday 16 March 2025 at 15:00 UTC
        Instant opened = Instant.parse("2025-03-16T15:00:00Z");

        // when
        Instant deadline = EMEA.plusBusinessTime(opened, SEV2_TARGET);

        // then counting begins at Monday 00:00 UTC
        assertThat(deadline).isEqualTo(Instant.parse("2025-03-17T08:00:00Z"));
    }

    @Test
    void keepsUtcHoursOverTheWeekendTheClocksGoForward() {
        // given an END_USER_ISSUE opened on Friday 28 March 2025 at 23:00 UTC; BST starts on Sunday 30 March
        Instant opened = Instant.parse("2025-03-28T23:00:00Z");

        // when
        Instant deadline = EMEA.plusBusinessTime(opened, END_USER_TARGET);

        // then the UTC window is unaffected by London's clock change
        assertThat(deadline).isEqualTo(Instant.parse("2025-03-31T01:00:00Z"));
    }

    @Test
    void keepsUtcHoursOverTheWeekendTheClocksGoBack() {
        // given a SEV3 opened on Friday 24 October 2025 at 22:30 UTC; BST ends on Sunday 26 October
        Instant opened = Instant.parse("2025-10-24T22:30:00Z");

        // when
        Instant deadline = EMEA.plusBusinessTime(opened, SEV3_TARGET);

        // then 1.5 h on Friday and 10.5 h on Monday
        assertThat(deadline).isEqualTo(Instant.parse("2025-10-27T10:30:00Z"));
    }

    @Test
    void crossesTheYearEndSkippingNewYearsDay() {
        // given a SEV3 opened on Wednesday 31 December 2025 at 20:00 UTC
        Instant opened = Instant.parse("2025-12-31T20:00:00Z");

        // when
        Instant deadline = EMEA.plusBusinessTime(opened, SEV3_TARGET);

        // then 4 h on New Year's Eve, none on New Year's Day, 8 h on Friday 2 January
        assertThat(deadline).isEqualTo(Instant.parse("2026-01-02T08:00:00Z"));
    }

    @Test
    void skipsConfiguredExtraClosureDays() {
        // given the London office also closes on Christmas Eve 2025
        BusinessCalendar withShutdown = BusinessCalendars.builder()
                .extraClosureDays(Region.EMEA, Set.of(LocalDate.of(2025, 12, 24)))
                .build()
                .forRegion(Region.EMEA);
        Instant opened = Instant.parse("2025-12-23T20:00:00Z");

        // when
        Instant deadline = withShutdown.plusBusinessTime(opened, SEV2_TARGET);

        // then 4 h on Tuesday and the rest after Christmas, Boxing Day and the weekend
        assertThat(deadline).isEqualTo(Instant.parse("2025-12-29T04:00:00Z"));
        assertThat(withShutdown.isHoliday(Instant.parse("2025-12-24T10:00:00Z"))).isTrue();
        assertThat(EMEA.isHoliday(Instant.parse("2025-12-24T10:00:00Z"))).isFalse();
    }

    @Test
    void treatsLondonWeekendsAndHolidaysAsCallOutTimeForSev1() {
        assertThat(EMEA.isWeekendOrHoliday(Instant.parse("2025-03-15T12:00:00Z"))).as("Saturday").isTrue();
        assertThat(EMEA.isWeekendOrHoliday(Instant.parse("2025-03-16T23:30:00Z"))).as("Sunday night").isTrue();
        assertThat(EMEA.isWeekendOrHoliday(Instant.parse("2025-12-25T12:00:00Z"))).as("Christmas Day").isTrue();
        assertThat(EMEA.isWeekendOrHoliday(Instant.parse("2025-03-17T10:00:00Z"))).as("a plain Monday").isFalse();
        assertThat(EMEA.isWeekendOrHoliday(Instant.parse("2025-04-20T23:30:00Z")))
                .as("Sunday 23:30 UTC is Easter Monday 00:30 in London").isTrue();
    }
}
