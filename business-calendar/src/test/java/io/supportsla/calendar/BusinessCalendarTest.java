package io.supportsla.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeout;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Behaviour common to every region's calendar; the regions' worked examples are in their own tests. */
class BusinessCalendarTest {

    private static final BusinessCalendar EMEA = BusinessCalendar.of(Region.EMEA);

    @Test
    void returnsTheStartForZeroDurationInsideBusinessTime() {
        Instant tuesday = Instant.parse("2025-03-11T10:15:00Z");

        assertThat(EMEA.plusBusinessTime(tuesday, Duration.ZERO)).isEqualTo(tuesday);
    }

    @Test
    void returnsTheNextOpeningForZeroDurationOutsideBusinessTime() {
        Instant saturday = Instant.parse("2025-03-15T10:15:00Z");

        assertThat(EMEA.plusBusinessTime(saturday, Duration.ZERO)).isEqualTo(Instant.parse("2025-03-17T00:00:00Z"));
    }

    @Test
    void endsExactlyAtTheClosingWhenTheTargetFillsTheRemainingTime() {
        Instant fridayEvening = Instant.parse("2025-03-14T22:00:00Z");

        assertThat(EMEA.plusBusinessTime(fridayEvening, Duration.ofHours(2))).isEqualTo(Instant.parse("2025-03-15T00:00:00Z"));
    }

    @Test
    void findsTheNextBusinessTimeStart() {
        assertThat(EMEA.nextBusinessTimeStart(Instant.parse("2025-03-11T10:15:00Z"))).as("inside")
                .isEqualTo(Instant.parse("2025-03-11T10:15:00Z"));
        assertThat(EMEA.nextBusinessTimeStart(Instant.parse("2025-12-25T00:00:00Z"))).as("on Christmas Day")
                .isEqualTo(Instant.parse("2025-12-29T00:00:00Z"));
    }

    @Test
    void measuresBusinessTimeBetweenTwoInstants() {
        // Friday 20:00 UTC to Monday 03:00 UTC: 4 h on Friday, 3 h on Monday
        Instant friday = Instant.parse("2025-03-14T20:00:00Z");
        Instant monday = Instant.parse("2025-03-17T03:00:00Z");

        assertThat(EMEA.businessTimeBetween(friday, monday)).isEqualTo(Duration.ofHours(7));
        assertThat(EMEA.businessTimeBetween(monday, friday)).isEqualTo(Duration.ofHours(-7));
        assertThat(EMEA.businessTimeBetween(friday, friday)).isZero();
    }

    @Test
    void rejectsANegativeDuration() {
        assertThatThrownBy(() -> EMEA.plusBusinessTime(Instant.parse("2025-03-11T10:15:00Z"), Duration.ofMinutes(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PT-1M");
    }

    @Test
    void addsTwelveHoursQuicklyAcrossTheLongestHolidaySeasons() {
        // given every region's calendar, holidays loaded, and a start at 22:00 UTC on each day
        // from 15 December to 15 January over ten winters
        BusinessCalendars calendars = BusinessCalendars.defaults();
        List<Instant> starts = Stream.iterate(LocalDate.of(2020, 12, 15), day -> day.isBefore(LocalDate.of(2031, 1, 16)),
                        day -> day.plusDays(1))
                .filter(BusinessCalendarTest::isInHolidaySeason)
                .map(day -> day.atTime(22, 0).toInstant(ZoneOffset.UTC))
                .toList();
        for (Region region : Region.values()) {
            calendars.forRegion(region).businessTimeBetween(starts.get(0), starts.get(starts.size() - 1));
        }

        // when each start gets a 12 h target in each region, then it all takes well under the limit
        assertTimeout(Duration.ofSeconds(2), () -> {
            for (Region region : Region.values()) {
                BusinessCalendar calendar = calendars.forRegion(region);
                for (Instant start : starts) {
                    Instant deadline = calendar.plusBusinessTime(start, Duration.ofHours(12));
                    assertThat(calendar.businessTimeBetween(start, deadline)).isEqualTo(Duration.ofHours(12));
                }
            }
        });
    }

    private static boolean isInHolidaySeason(LocalDate day) {
        return day.getMonth() == Month.DECEMBER && day.getDayOfMonth() >= 15
                || day.getMonth() == Month.JANUARY && day.getDayOfMonth() <= 15;
    }
}
