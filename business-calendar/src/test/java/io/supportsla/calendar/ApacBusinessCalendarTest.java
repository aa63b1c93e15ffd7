package io.supportsla.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Worked examples for Sydney (Australia/Sydney, Australian and New South Wales public holidays). */
class ApacBusinessCalendarTest {

    private static final BusinessCalendar APAC = BusinessCalendars.defaults().forRegion(Region.APAC);

    @Test
    void skipsAustraliaDayObservedOnMonday() {
        // given Australia Day 2025 is a Sunday, observed on Monday 27 January; a 2 h target opened Friday 23:00 UTC
        Instant opened = Instant.parse("2025-01-24T23:00:00Z");

        // when
        Instant deadline = APAC.plusBusinessTime(opened, Duration.ofHours(2));

        // then 1 h on Friday; Monday is closed until 13:00 UTC (midnight AEDT), then 1 h
        assertThat(deadline).isEqualTo(Instant.parse("2025-01-27T14:00:00Z"));
    }

    @Test
    void skipsNswLabourDayOnTheWeekendDaylightSavingStarts() {
        // given AEDT starts on Sunday 5 October 2025 and Monday 6 October is Labour Day in NSW
        Instant opened = Instant.parse("2025-10-03T23:00:00Z");

        // when a 2 h target opened on Friday 23:00 UTC (Saturday 09:00 AEST) is counted
        Instant deadline = APAC.plusBusinessTime(opened, Duration.ofHours(2));

        // then Labour Day ends at 13:00 UTC (midnight AEDT), not 14:00
        assertThat(deadline).isEqualTo(Instant.parse("2025-10-06T14:00:00Z"));
    }

    @Test
    void skipsChristmasAndBoxingDayInSydney() {
        // given a SEV2 opened on Wednesday 24 December 2025 at 09:00 UTC (20:00 AEDT)
        Instant opened = Instant.parse("2025-12-24T09:00:00Z");

        // when
        Instant deadline = APAC.plusBusinessTime(opened, Duration.ofHours(8));

        // then 4 h until Christmas starts in Sydney (13:00 UTC); Boxing Day ends Friday 13:00 UTC; 4 h more
        assertThat(deadline).isEqualTo(Instant.parse("2025-12-26T17:00:00Z"));
    }

    @Test
    void skipsBothNswSubstituteDaysWhenChristmasFallsOnAWeekend() {
        // given Christmas 2021 is a Saturday and Boxing Day a Sunday; NSW adds Monday 27 and Tuesday 28 December
        Instant opened = Instant.parse("2021-12-24T12:00:00Z");

        // when a 2 h target is opened at 12:00 UTC on Friday 24 December (23:00 AEDT)
        Instant deadline = APAC.plusBusinessTime(opened, Duration.ofHours(2));

        // then 1 h until Saturday (Christmas Day) starts in Sydney, then nothing until Wednesday starts there
        assertThat(deadline).isEqualTo(Instant.parse("2021-12-28T14:00:00Z"));
    }

    @Test
    void countsTheNswBankHolidayAsBusinessTimeByDefault() {
        // given Monday 4 August 2025, the NSW Bank Holiday (banks only), 00:00 AEST is 14:00 UTC on Sunday
        Instant mondayUtc = Instant.parse("2025-08-04T00:00:00Z");
        Instant sydneyTuesday = Instant.parse("2025-08-04T14:00:00Z");

        // when / then the default calendar keeps the office open
        assertThat(APAC.isHoliday(mondayUtc)).isFalse();
        assertThat(APAC.businessTimeBetween(mondayUtc, sydneyTuesday)).isEqualTo(Duration.ofHours(14));

        // and a configuration that excludes nothing counts it as a holiday
        BusinessCalendar everyPublicHoliday = BusinessCalendars.builder()
                .excludedHolidays(Region.APAC, Set.of())
                .build()
                .forRegion(Region.APAC);
        assertThat(everyPublicHoliday.isHoliday(mondayUtc)).isTrue();
        assertThat(everyPublicHoliday.businessTimeBetween(mondayUtc, sydneyTuesday)).isZero();
    }

    @Test
    void closesFridayAfternoonUtcForEasterSaturdayInSydney() {
        // given Good Friday (18 April 2025) and Easter Saturday are NSW public holidays (AEST, UTC+10)
        Instant thursdayUtc = Instant.parse("2025-04-17T00:00:00Z");
        Instant saturdayUtc = Instant.parse("2025-04-19T00:00:00Z");

        // when / then only Thursday 00:00-14:00 UTC is business time: the rest is Sydney's Friday and Saturday
        assertThat(APAC.businessTimeBetween(thursdayUtc, saturdayUtc)).isEqualTo(Duration.ofHours(14));
    }

    @Test
    void addsBusinessTimeAcrossTheWeekendDaylightSavingEnds() {
        // given a SEV2 opened Friday 4 April 2025 at 20:00 UTC; AEDT ends on Sunday 6 April
        Instant opened = Instant.parse("2025-04-04T20:00:00Z");

        // when
        Instant deadline = APAC.plusBusinessTime(opened, Duration.ofHours(8));

        // then 4 h on Friday, 4 h on Monday
        assertThat(deadline).isEqualTo(Instant.parse("2025-04-07T04:00:00Z"));
    }

    @Test
    void judgesTheSev1WeekendBySydneyLocalTime() {
        // Friday 23:30 UTC is already Saturday in Sydney; Sunday 23:30 UTC is Monday morning there
        assertThat(APAC.isWeekendOrHoliday(Instant.parse("2025-03-14T23:30:00Z"))).isTrue();
        assertThat(APAC.isWeekendOrHoliday(Instant.parse("2025-03-16T23:30:00Z"))).isFalse();
        assertThat(APAC.isWeekendOrHoliday(Instant.parse("2025-01-26T20:00:00Z")))
                .as("Monday 27 January 07:00 AEDT, Australia Day observed").isTrue();
    }
}
