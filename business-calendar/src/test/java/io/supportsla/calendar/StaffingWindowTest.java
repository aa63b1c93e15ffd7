package io.supportsla.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class StaffingWindowTest {

    @Test
    void runsFromMondayMidnightToSaturdayMidnightUtcByDefault() {
        StaffingWindow window = StaffingWindow.FOLLOW_THE_SUN;

        assertThat(window.contains(Instant.parse("2025-03-17T00:00:00Z"))).as("Monday 00:00").isTrue();
        assertThat(window.contains(Instant.parse("2025-03-21T23:59:59Z"))).as("Friday 23:59:59").isTrue();
        assertThat(window.contains(Instant.parse("2025-03-22T00:00:00Z"))).as("Saturday 00:00").isFalse();
        assertThat(window.contains(Instant.parse("2025-03-16T23:59:59Z"))).as("Sunday 23:59:59").isFalse();
    }

    @Test
    void readsAWindowFromConfigurationText() {
        StaffingWindow window = StaffingWindow.parse("monday 08:00", "FRIDAY 18:00", "Europe/London");

        assertThat(window).isEqualTo(new StaffingWindow(DayOfWeek.MONDAY, LocalTime.of(8, 0), DayOfWeek.FRIDAY,
                LocalTime.of(18, 0), ZoneId.of("Europe/London")));
        // 08:00 BST is 07:00 UTC
        assertThat(window.contains(Instant.parse("2025-07-14T07:00:00Z"))).isTrue();
        assertThat(window.contains(Instant.parse("2025-07-14T06:59:59Z"))).isFalse();
        assertThat(window.contains(Instant.parse("2025-07-18T16:59:59Z"))).isTrue();
        assertThat(window.contains(Instant.parse("2025-07-18T17:00:00Z"))).isFalse();
    }

    @Test
    void rejectsAnEndBeforeTheStartNamingBoth() {
        assertThatThrownBy(() -> new StaffingWindow(DayOfWeek.FRIDAY, LocalTime.NOON, DayOfWeek.MONDAY,
                LocalTime.NOON, ZoneOffset.UTC))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'MONDAY 12:00'")
                .hasMessageContaining("'FRIDAY 12:00'");
        assertThatThrownBy(() -> StaffingWindow.parse("MONDAY 09:00", "MONDAY 09:00", "UTC"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not after its start");
    }

    @Test
    void rejectsUnreadableConfigurationTextNamingIt() {
        assertThatThrownBy(() -> StaffingWindow.parse("FUNDAY 00:00", "SATURDAY 00:00", "UTC"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'FUNDAY 00:00'");
        assertThatThrownBy(() -> StaffingWindow.parse("MONDAY 25:00", "SATURDAY 00:00", "UTC"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'MONDAY 25:00'");
        assertThatThrownBy(() -> StaffingWindow.parse("MONDAY 00:00", "SATURDAY", "UTC"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'SATURDAY'");
        assertThatThrownBy(() -> StaffingWindow.parse("MONDAY 00:00", "SATURDAY 00:00", "Mars/Olympus_Mons"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'Mars/Olympus_Mons'");
    }
}
