package io.supportsla.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Worked examples for Redwood Shores (America/Los_Angeles, US and California public holidays). */
class AmerBusinessCalendarTest {

    private static final BusinessCalendar AMER = BusinessCalendars.defaults().forRegion(Region.AMER);

    @Test
    void skipsThanksgivingAndTheDayAfterInCalifornia() {
        // given a SEV3 opened on Wednesday 26 November 2025 at 22:00 UTC (14:00 PST)
        Instant opened = Instant.parse("2025-11-26T22:00:00Z");

        // when
        Instant deadline = AMER.plusBusinessTime(opened, Duration.ofHours(12));

        // then 10 h until Thanksgiving starts in California (08:00 UTC), 2 h on Monday
        assertThat(deadline).isEqualTo(Instant.parse("2025-12-01T02:00:00Z"));
    }

    @Test
    void skipsIndependenceDayObservedOnFriday() {
        // given 4 July 2026 is a Saturday, observed on Friday 3 July; a 2 h target opened at 06:00 UTC that Friday
        Instant opened = Instant.parse("2026-07-03T06:00:00Z");

        // when
        Instant deadline = AMER.plusBusinessTime(opened, Duration.ofHours(2));

        // then 1 h before Friday starts in California (07:00 UTC, PDT), 1 h on Monday
        assertThat(deadline).isEqualTo(Instant.parse("2026-07-06T01:00:00Z"));
    }

    @Test
    void countsLincolnsBirthdayAsBusinessTimeBecauseItIsOnlyAnObservance() {
        // given Thursday 12 February 2026, Lincoln's Birthday in California
        Instant localMidnight = Instant.parse("2026-02-12T08:00:00Z");

        // when / then the whole local day counts, unlike Presidents' Day the Monday after
        assertThat(AMER.isHoliday(localMidnight)).isFalse();
        assertThat(AMER.businessTimeBetween(localMidnight, localMidnight.plus(Duration.ofDays(1))))
                .isEqualTo(Duration.ofHours(24));
        Instant presidentsDay = Instant.parse("2026-02-16T08:00:00Z");
        assertThat(AMER.businessTimeBetween(presidentsDay, presidentsDay.plus(Duration.ofDays(1)))).isZero();
    }

    @Test
    void countsMondayMorningUtcBeforeLaborDayBeginsInCalifornia() {
        // given a 2 h target opened on Friday 29 August 2025 at 23:00 UTC; Labor Day is Monday 1 September
        Instant opened = Instant.parse("2025-08-29T23:00:00Z");

        // when
        Instant deadline = AMER.plusBusinessTime(opened, Duration.ofHours(2));

        // then Monday 00:00-07:00 UTC is still Sunday in California, so it counts
        assertThat(deadline).isEqualTo(Instant.parse("2025-09-01T01:00:00Z"));
        assertThat(AMER.businessTimeBetween(Instant.parse("2025-09-01T00:00:00Z"), Instant.parse("2025-09-02T00:00:00Z")))
                .isEqualTo(Duration.ofHours(7));
    }

    @Test
    void skipsNewYearsDayObservedOnTheLastFridayOfThePreviousYear() {
        // given 1 January 2022 is a Saturday, observed on Friday 31 December 2021; a 2 h target opened at 07:00 UTC
        Instant opened = Instant.parse("2021-12-31T07:00:00Z");

        // when
        Instant deadline = AMER.plusBusinessTime(opened, Duration.ofHours(2));

        // then 1 h before the observed holiday starts (08:00 UTC, PST), 1 h on Monday 3 January 2022
        assertThat(deadline).isEqualTo(Instant.parse("2022-01-03T01:00:00Z"));
    }

    @Test
    void movesHolidayBoundariesWithPacificTimeAfterTheClocksGoBack() {
        // given a SEV2 opened at 04:00 UTC on Veterans Day, Tuesday 11 November 2025 (PST, so the holiday starts 08:00 UTC)
        Instant opened = Instant.parse("2025-11-11T04:00:00Z");

        // when
        Instant deadline = AMER.plusBusinessTime(opened, Duration.ofHours(8));

        // then 4 h before the holiday, 4 h after it ends at 08:00 UTC on Wednesday
        assertThat(deadline).isEqualTo(Instant.parse("2025-11-12T12:00:00Z"));
    }

    @Test
    void addsBusinessTimeAcrossTheWeekendTheClocksGoBack() {
        // given a SEV2 opened on Friday 31 October 2025 at 20:00 UTC; PDT ends on Sunday 2 November
        Instant opened = Instant.parse("2025-10-31T20:00:00Z");

        // when
        Instant deadline = AMER.plusBusinessTime(opened, Duration.ofHours(8));

        // then 4 h on Friday, 4 h on Monday
        assertThat(deadline).isEqualTo(Instant.parse("2025-11-03T04:00:00Z"));
    }

    @Test
    void judgesTheSev1WeekendByCaliforniaLocalTime() {
        // Friday 2025-03-14 23:30 UTC is Friday afternoon in California; Monday 03:00 UTC is still Sunday there
        assertThat(AMER.isWeekendOrHoliday(Instant.parse("2025-03-14T23:30:00Z"))).isFalse();
        assertThat(AMER.isWeekendOrHoliday(Instant.parse("2025-03-17T03:00:00Z"))).isTrue();
        assertThat(AMER.isWeekendOrHoliday(Instant.parse("2025-11-27T20:00:00Z"))).as("Thanksgiving").isTrue();
    }
}
