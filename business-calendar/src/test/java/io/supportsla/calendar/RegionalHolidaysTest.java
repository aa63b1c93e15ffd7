package io.supportsla.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.Year;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RegionalHolidaysTest {

    private static final RegionalHolidays ENGLAND = RegionalHolidays.of(Region.EMEA);
    private static final RegionalHolidays CALIFORNIA = RegionalHolidays.of(Region.AMER);
    private static final RegionalHolidays NEW_SOUTH_WALES = RegionalHolidays.of(Region.APAC);

    @Test
    void listsEnglandsEightBankHolidaysIncludingEasterMondayAndTheSummerBankHoliday() {
        assertThat(ENGLAND.holidaysIn(Year.of(2025))).containsExactly(
                LocalDate.of(2025, 1, 1), LocalDate.of(2025, 4, 18), LocalDate.of(2025, 4, 21),
                LocalDate.of(2025, 5, 5), LocalDate.of(2025, 5, 26), LocalDate.of(2025, 8, 25),
                LocalDate.of(2025, 12, 25), LocalDate.of(2025, 12, 26));
    }

    @Test
    void missesEasterMondayWithoutTheEnglandSubdivision() {
        // the jollyday quirk the default subdivision "eng" exists for
        RegionalHolidays wholeUnitedKingdom = new RegionalHolidays(Region.EMEA, "", Set.of(), Set.of());

        assertThat(wholeUnitedKingdom.isHoliday(LocalDate.of(2025, 4, 21))).isFalse();
        assertThat(ENGLAND.isHoliday(LocalDate.of(2025, 4, 21))).isTrue();
    }

    @Test
    void excludesCaliforniaObservancesSuchAsLincolnsBirthday() {
        assertThat(CALIFORNIA.isHoliday(LocalDate.of(2026, 2, 12))).isFalse();
        assertThat(CALIFORNIA.isHoliday(LocalDate.of(2026, 3, 31))).as("César Chávez Day").isTrue();
        assertThat(CALIFORNIA.isHoliday(LocalDate.of(2026, 11, 27))).as("Day after Thanksgiving").isTrue();
    }

    @Test
    void countsOnlyTheObservedDateOfAMovedUsHoliday() {
        assertThat(CALIFORNIA.isHoliday(LocalDate.of(2026, 7, 3))).isTrue();
        assertThat(CALIFORNIA.isHoliday(LocalDate.of(2026, 7, 4))).isFalse();
    }

    @Test
    void filesAHolidayObservedInThePreviousYearUnderTheYearOfItsDate() {
        // New Year's Day 2022 is a Saturday, observed on Friday 31 December 2021
        assertThat(CALIFORNIA.holidaysIn(Year.of(2021))).contains(LocalDate.of(2021, 12, 31));
        assertThat(CALIFORNIA.holidaysIn(Year.of(2022))).doesNotContain(LocalDate.of(2022, 1, 1));
        assertThat(CALIFORNIA.isHoliday(LocalDate.of(2021, 12, 31))).isTrue();
    }

    @Test
    void countsBothTheWeekendDateAndTheNswSubstituteDay() {
        assertThat(NEW_SOUTH_WALES.holidaysIn(Year.of(2021)).tailSet(LocalDate.of(2021, 12, 1))).containsExactly(
                LocalDate.of(2021, 12, 25), LocalDate.of(2021, 12, 26),
                LocalDate.of(2021, 12, 27), LocalDate.of(2021, 12, 28));
        assertThat(NEW_SOUTH_WALES.isHoliday(LocalDate.of(2022, 1, 1))).as("New Year's Day, Saturday").isTrue();
        assertThat(NEW_SOUTH_WALES.isHoliday(LocalDate.of(2022, 1, 3))).as("its substitute Monday").isTrue();
    }

    @Test
    void leavesOutTheNswBankHolidayUnlessConfiguredIn() {
        LocalDate bankHoliday = LocalDate.of(2025, 8, 4);

        assertThat(NEW_SOUTH_WALES.isHoliday(bankHoliday)).isFalse();
        assertThat(new RegionalHolidays(Region.APAC, "nsw", Set.of(), Set.of()).isHoliday(bankHoliday)).isTrue();
    }

    @Test
    void addsConfiguredExtraClosureDays() {
        LocalDate companyDay = LocalDate.of(2025, 6, 13);
        RegionalHolidays holidays = new RegionalHolidays(Region.EMEA, "eng", Set.of(companyDay), Set.of());

        assertThat(holidays.isHoliday(companyDay)).isTrue();
        assertThat(holidays.holidaysIn(Year.of(2025))).contains(companyDay).hasSize(9);
        assertThat(holidays.holidaysIn(Year.of(2026))).doesNotContain(companyDay);
    }

    @Test
    void acceptsANestedSubdivisionPath() {
        // the Royal Queensland Show (Ekka) is a holiday in the Brisbane area only
        RegionalHolidays brisbane = new RegionalHolidays(Region.APAC, "QLD/br", Set.of(), Set.of());

        assertThat(brisbane.subdivision()).isEqualTo("qld/br");
        assertThat(brisbane.isHoliday(LocalDate.of(2025, 8, 13))).isTrue();
    }

    @Test
    void rejectsAnUnknownSubdivisionNamingIt() {
        assertThatThrownBy(() -> new RegionalHolidays(Region.AMER, "zz", Set.of(), Set.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'zz'")
                .hasMessageContaining("AMER");
        assertThatThrownBy(() -> new RegionalHolidays(Region.APAC, "nsw/sydney", Set.of(), Set.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'nsw/sydney'");
    }

    @Test
    void answersConsistentlyWhenManyThreadsLoadYearsAtOnce() {
        RegionalHolidays fresh = new RegionalHolidays(Region.APAC, "nsw", Set.of(), Region.APAC.defaultExcludedHolidays());

        List<Integer> counts = IntStream.range(0, 400).parallel()
                .mapToObj(i -> fresh.holidaysIn(Year.of(2000 + i % 40)).size())
                .toList();

        for (int i = 0; i < counts.size(); i++) {
            assertThat(counts.get(i)).isEqualTo(NEW_SOUTH_WALES.holidaysIn(Year.of(2000 + i % 40)).size());
        }
    }
}
