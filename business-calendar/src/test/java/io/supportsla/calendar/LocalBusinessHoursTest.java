package io.supportsla.calendar;

import static io.supportsla.calendar.Region.AMER;
import static io.supportsla.calendar.Region.APAC;
import static io.supportsla.calendar.Region.EMEA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LocalBusinessHoursTest {

    private static final LocalBusinessHours HOURS = BusinessCalendars.defaults().localBusinessHours();

    @Test
    void picksLondonAtTenOnATuesdayMorning() {
        // given Tuesday 11 March 2025, 10:00 GMT
        Instant moment = Instant.parse("2025-03-11T10:00:00Z");

        // then an EMEA case stays in EMEA, and an APAC case (21:00 in Sydney) goes to EMEA too
        assertThat(HOURS.respectiveRegion(EMEA, moment)).isEqualTo(EMEA);
        assertThat(HOURS.respectiveRegion(APAC, moment)).isEqualTo(EMEA);
    }

    @Test
    void picksRedwoodShoresForAnApacCaseAtEighteenHundredUtcOnAWinterTuesday() {
        // given Tuesday 14 January 2025, 18:00 UTC: 18:00 in London, 10:00 PST, Wednesday 05:00 AEDT
        Instant moment = Instant.parse("2025-01-14T18:00:00Z");

        // then Sydney and London are closed and Redwood Shores is open
        assertThat(HOURS.isOpen(APAC, moment)).isFalse();
        assertThat(HOURS.isOpen(EMEA, moment)).isFalse();
        assertThat(HOURS.isOpen(AMER, moment)).isTrue();
        assertThat(HOURS.respectiveRegion(APAC, moment)).isEqualTo(AMER);
    }

    @Test
    void prefersTheCasesOwnRegionWhenTwoOfficesAreOpen() {
        // given Tuesday 18 March 2025, 16:30 UTC: the US is on PDT, the UK not yet on BST
        // London 16:30 GMT (open), Redwood Shores 09:30 PDT (open), Sydney Wednesday 03:30 AEDT
        Instant moment = Instant.parse("2025-03-18T16:30:00Z");

        assertThat(HOURS.respectiveRegion(AMER, moment)).isEqualTo(AMER);
        assertThat(HOURS.respectiveRegion(EMEA, moment)).isEqualTo(EMEA);
        // and falls back in the fixed order, EMEA before AMER, for a case whose office is closed
        assertThat(HOURS.respectiveRegion(APAC, moment)).isEqualTo(EMEA);
    }

    @Test
    void fallsBackToLondonForAnAmerCaseBeforeRedwoodShoresOpensInWinter() {
        // Tuesday 14 January 2025, 16:30 UTC is 08:30 PST
        assertThat(HOURS.respectiveRegion(AMER, Instant.parse("2025-01-14T16:30:00Z"))).isEqualTo(EMEA);
    }

    @Test
    void picksRedwoodShoresBeforeSydneyForAnEmeaCaseWhenBothAreOpen() {
        // Monday 20 October 2025, 22:30 UTC: 23:30 BST, 15:30 PDT, Tuesday 09:30 AEDT
        Instant moment = Instant.parse("2025-10-20T22:30:00Z");

        assertThat(HOURS.isOpen(AMER, moment)).isTrue();
        assertThat(HOURS.isOpen(APAC, moment)).isTrue();
        assertThat(HOURS.respectiveRegion(EMEA, moment)).isEqualTo(AMER);
        assertThat(HOURS.respectiveRegion(APAC, moment)).isEqualTo(APAC);
    }

    @Test
    void keepsTheCasesOwnRegionWhenNoOfficeIsOpen() {
        // Saturday 15 March 2025, 12:00 UTC
        assertThat(HOURS.respectiveRegion(APAC, Instant.parse("2025-03-15T12:00:00Z"))).isEqualTo(APAC);
        // Tuesday 14 January 2025, 07:30 UTC: 07:30 GMT, Monday 23:30 PST, 18:30 AEDT
        assertThat(HOURS.respectiveRegion(AMER, Instant.parse("2025-01-14T07:30:00Z"))).isEqualTo(AMER);
    }

    @Test
    void treatsAnOfficeAsClosedOnItsHolidays() {
        // Thanksgiving, Thursday 27 November 2025, 18:00 UTC is 10:00 PST; London and Sydney are closed too
        Instant thanksgiving = Instant.parse("2025-11-27T18:00:00Z");

        assertThat(HOURS.isOpen(AMER, thanksgiving)).isFalse();
        assertThat(HOURS.isOpen(AMER, Instant.parse("2025-11-25T18:00:00Z"))).isTrue();
        assertThat(HOURS.respectiveRegion(EMEA, thanksgiving)).isEqualTo(EMEA);
    }

    @Test
    void opensAtNineAndClosesAtFiveLocalTime() {
        assertThat(HOURS.isOpen(EMEA, Instant.parse("2025-01-14T09:00:00Z"))).isTrue();
        assertThat(HOURS.isOpen(EMEA, Instant.parse("2025-01-14T16:59:59Z"))).isTrue();
        assertThat(HOURS.isOpen(EMEA, Instant.parse("2025-01-14T17:00:00Z"))).isFalse();
        assertThat(HOURS.isOpen(EMEA, Instant.parse("2025-01-14T08:59:59Z"))).isFalse();
        // in summer 16:00 UTC is 17:00 BST: London has closed and Redwood Shores (09:00 PDT) has opened
        Instant summer = Instant.parse("2025-07-15T16:00:00Z");
        assertThat(HOURS.isOpen(EMEA, summer)).isFalse();
        assertThat(HOURS.respectiveRegion(EMEA, summer)).isEqualTo(AMER);
    }

    @Test
    void usesConfiguredHoursAndWorkdays() {
        LocalBusinessHours longer = BusinessCalendars.builder()
                .localBusinessHours(LocalTime.of(8, 0), LocalTime.of(18, 0))
                .localWorkdays(Set.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                        DayOfWeek.FRIDAY, DayOfWeek.SATURDAY))
                .build()
                .localBusinessHours();

        assertThat(longer.isOpen(EMEA, Instant.parse("2025-01-14T17:30:00Z"))).isTrue();
        assertThat(longer.isOpen(EMEA, Instant.parse("2025-03-15T12:00:00Z"))).as("Saturday").isTrue();
    }

    @Test
    void rejectsClosingBeforeOpeningNamingBoth() {
        assertThatThrownBy(() -> BusinessCalendars.builder().localBusinessHours(LocalTime.of(17, 0), LocalTime.of(9, 0)).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("09:00")
                .hasMessageContaining("17:00");
        assertThatThrownBy(() -> new LocalBusinessHours(LocalTime.of(9, 0), LocalTime.of(17, 0), Set.of(),
                Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("workday");
    }
}
