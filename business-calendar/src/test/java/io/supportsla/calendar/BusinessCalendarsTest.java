package io.supportsla.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class BusinessCalendarsTest {

    @Test
    void buildsTheProcessGuidesSetupByDefault() {
        BusinessCalendars calendars = BusinessCalendars.defaults();

        assertThat(calendars.staffingWindow()).isEqualTo(StaffingWindow.FOLLOW_THE_SUN);
        for (Region region : Region.values()) {
            assertThat(calendars.forRegion(region).region()).isEqualTo(region);
            assertThat(calendars.holidays(region).subdivision()).isEqualTo(region.defaultHolidaySubdivision());
        }
        assertThat(calendars.localBusinessHours().opens()).hasHour(9);
        assertThat(calendars.localBusinessHours().closes()).hasHour(17);
    }

    @Test
    void appliesAConfiguredStaffingWindowToEveryRegion() {
        // given a window of Monday 08:00 to Friday 18:00 UTC
        BusinessCalendars calendars = BusinessCalendars.builder()
                .staffingWindow("MONDAY 08:00", "FRIDAY 18:00", "UTC")
                .build();

        // when a 2 h target is opened on Friday at 17:00 UTC
        Instant deadline = calendars.forRegion(Region.EMEA)
                .plusBusinessTime(Instant.parse("2025-03-14T17:00:00Z"), Duration.ofHours(2));

        // then the second hour is Monday's first
        assertThat(deadline).isEqualTo(Instant.parse("2025-03-17T09:00:00Z"));
    }

    @Test
    void appliesAConfiguredSubdivision() {
        // César Chávez Day is a California holiday, not a Texas one
        BusinessCalendars texas = BusinessCalendars.builder().holidaySubdivision(Region.AMER, "tx").build();

        assertThat(texas.holidays(Region.AMER).isHoliday(LocalDate.of(2025, 3, 31))).isFalse();
        assertThat(BusinessCalendars.defaults().holidays(Region.AMER).isHoliday(LocalDate.of(2025, 3, 31))).isTrue();
    }

    @Test
    void rejectsAnUnknownSubdivisionNamingIt() {
        assertThatThrownBy(() -> BusinessCalendars.builder().holidaySubdivision(Region.EMEA, "atlantis").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'atlantis'");
    }

    @Test
    void rejectsAStaffingWindowEndingBeforeItStartsNamingIt() {
        assertThatThrownBy(() -> BusinessCalendars.builder().staffingWindow("SATURDAY 00:00", "MONDAY 00:00", "UTC"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'MONDAY 00:00'");
    }
}
