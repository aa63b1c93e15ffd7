package io.supportsla.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * The laws of business-time arithmetic, checked for every region's calendar (on the default UTC
 * window and on a local-time window in a daylight-saving zone) with starts spread over 2019-2031,
 * concentrated around the daylight-saving changes of London, Sydney and California, around year
 * ends and on whole hours (where closings and openings are).
 */
class BusinessCalendarLawsTest {

    private static final BusinessCalendars CALENDARS = BusinessCalendars.defaults();
    private static final BusinessCalendars LOCAL_WINDOW_CALENDARS = BusinessCalendars.builder()
            .staffingWindow("MONDAY 08:30", "FRIDAY 17:30", "America/Los_Angeles")
            .extraClosureDays(Region.EMEA, List.of(LocalDate.of(2025, 12, 24), LocalDate.of(2026, 3, 30)))
            .extraClosureDays(Region.APAC, List.of(LocalDate.of(2025, 4, 7), LocalDate.of(2030, 1, 2)))
            .build();
    private static final List<BusinessCalendar> CALENDAR_VARIANTS = Stream.of(CALENDARS, LOCAL_WINDOW_CALENDARS)
            .flatMap(calendars -> Stream.of(Region.values()).map(calendars::forRegion))
            .toList();
    private static final Instant FROM = Instant.parse("2019-01-01T00:00:00Z");
    private static final Instant UNTIL = Instant.parse("2031-12-31T00:00:00Z");
    private static final List<Instant> DST_CHANGES = dstChanges();
    private static final List<Instant> YEAR_ENDS = IntStream.rangeClosed(2019, 2031)
            .mapToObj(year -> LocalDate.of(year, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC))
            .toList();

    @Property
    void neverEndsBeforeTheStart(@ForAll("calendars") BusinessCalendar calendar, @ForAll("instants") Instant start,
            @ForAll("durations") Duration duration) {
        assertThat(calendar.plusBusinessTime(start, duration)).isAfterOrEqualTo(start);
    }

    @Property
    void isMonotonicInTheDuration(@ForAll("calendars") BusinessCalendar calendar, @ForAll("instants") Instant start,
            @ForAll("durations") Duration shorter, @ForAll("durations") Duration extra) {
        assertThat(calendar.plusBusinessTime(start, shorter.plus(extra)))
                .isAfterOrEqualTo(calendar.plusBusinessTime(start, shorter));
    }

    @Property
    void isMonotonicInTheStart(@ForAll("calendars") BusinessCalendar calendar, @ForAll("instants") Instant earlier,
            @ForAll("durations") Duration gap, @ForAll("durations") Duration duration) {
        assertThat(calendar.plusBusinessTime(earlier.plus(gap), duration))
                .isAfterOrEqualTo(calendar.plusBusinessTime(earlier, duration));
    }

    @Property
    void measuresBackExactlyTheDurationAdded(@ForAll("calendars") BusinessCalendar calendar, @ForAll("instants") Instant start,
            @ForAll("durations") Duration duration) {
        Instant deadline = calendar.plusBusinessTime(start, duration);

        assertThat(calendar.businessTimeBetween(start, deadline)).isEqualTo(duration);
    }

    @Property
    void addsInStepsAsInOne(@ForAll("calendars") BusinessCalendar calendar, @ForAll("instants") Instant start,
            @ForAll("durations") Duration first, @ForAll("durations") Duration second) {
        // a zero second step would return the next opening when the first ends exactly at a closing
        Assume.that(!second.isZero());

        assertThat(calendar.plusBusinessTime(calendar.plusBusinessTime(start, first), second))
                .isEqualTo(calendar.plusBusinessTime(start, first.plus(second)));
    }

    @Property
    void addsATinyDurationPlainlyWhenNoBoundaryIsCrossed(@ForAll("calendars") BusinessCalendar calendar, @ForAll("instants") Instant start,
            @ForAll("tinyDurations") Duration tiny) {
        Instant plain = start.plus(tiny);
        // closings and holidays last hours, so both ends being business time means none lies between
        Assume.that(calendar.isBusinessTime(start) && calendar.isBusinessTime(plain));

        assertThat(calendar.plusBusinessTime(start, tiny)).isEqualTo(plain);
    }

    @Property
    void returnsTheStartForZeroDurationInsideBusinessTime(@ForAll("calendars") BusinessCalendar calendar, @ForAll("instants") Instant start) {
        Instant result = calendar.plusBusinessTime(start, Duration.ZERO);

        if (calendar.isBusinessTime(start)) {
            assertThat(result).isEqualTo(start);
        } else {
            assertThat(result).isAfter(start).isEqualTo(calendar.nextBusinessTimeStart(start));
        }
    }

    @Property
    void findsTheNextBusinessTimeStartWithNothingCountedBefore(@ForAll("calendars") BusinessCalendar calendar, @ForAll("instants") Instant moment) {
        Instant next = calendar.nextBusinessTimeStart(moment);

        assertThat(next).isAfterOrEqualTo(moment);
        assertThat(calendar.isBusinessTime(next)).isTrue();
        assertThat(calendar.businessTimeBetween(moment, next)).isZero();
    }

    @Property
    void countsTheLastMomentBeforeADeadlineAsBusinessTime(@ForAll("calendars") BusinessCalendar calendar, @ForAll("instants") Instant start,
            @ForAll("durations") Duration duration) {
        Assume.that(!duration.isZero());

        Instant deadline = calendar.plusBusinessTime(start, duration);

        assertThat(calendar.isBusinessTime(deadline.minusNanos(1))).isTrue();
    }

    @Property
    void neverCountsAHoliday(@ForAll("calendars") BusinessCalendar calendar, @ForAll("years") int year,
            @ForAll("indexes") int index) {
        List<LocalDate> holidays = List.copyOf(calendar.holidays().holidaysIn(Year.of(year)));
        LocalDate holiday = holidays.get(index % holidays.size());
        ZoneId zone = calendar.region().zone();

        Instant dayStart = holiday.atStartOfDay(zone).toInstant();
        Instant dayEnd = holiday.plusDays(1).atStartOfDay(zone).toInstant();

        assertThat(calendar.businessTimeBetween(dayStart, dayEnd)).isZero();
        assertThat(calendar.isBusinessTime(dayStart)).isFalse();
        assertThat(calendar.plusBusinessTime(dayStart, Duration.ZERO)).isAfterOrEqualTo(dayEnd);
    }

    @Property
    void agreesWithTheRuleAsWritten(@ForAll Region region, @ForAll("instants") Instant moment) {
        // business time = Monday 00:00 to Saturday 00:00 UTC, minus the region's holidays as local days
        LocalDate localDay = moment.atZone(region.zone()).toLocalDate();
        DayOfWeek utcDay = moment.atZone(ZoneOffset.UTC).getDayOfWeek();
        boolean expected = utcDay.getValue() <= DayOfWeek.FRIDAY.getValue()
                && !calendar(region).holidays().holidaysIn(Year.of(localDay.getYear())).contains(localDay);

        assertThat(calendar(region).isBusinessTime(moment)).isEqualTo(expected);
    }

    @Property
    void agreesWithALocalTimeWindowAsWritten(@ForAll Region region, @ForAll("instants") Instant moment) {
        // Monday 08:30 to Friday 17:30 in Los Angeles, whatever its offset from UTC that week
        ZonedDateTime windowTime = moment.atZone(ZoneId.of("America/Los_Angeles"));
        int minuteOfWeek = (windowTime.getDayOfWeek().getValue() - 1) * 24 * 60
                + windowTime.getHour() * 60 + windowTime.getMinute();
        LocalDate localDay = moment.atZone(region.zone()).toLocalDate();
        BusinessCalendar calendar = LOCAL_WINDOW_CALENDARS.forRegion(region);
        boolean expected = minuteOfWeek >= 8 * 60 + 30 && minuteOfWeek < (4 * 24 + 17) * 60 + 30
                && !calendar.holidays().holidaysIn(Year.of(localDay.getYear())).contains(localDay);

        assertThat(calendar.isBusinessTime(moment)).isEqualTo(expected);
    }

    @Property(tries = 100)
    void measuresWhatCountingMinuteByMinuteGives(@ForAll("calendars") BusinessCalendar calendar, @ForAll("instants") Instant anyStart,
            @ForAll("spansInMinutes") int minutes) {
        Instant start = anyStart.truncatedTo(ChronoUnit.MINUTES);

        long counted = IntStream.range(0, minutes)
                .filter(minute -> calendar.isBusinessTime(start.plus(Duration.ofMinutes(minute))))
                .count();

        assertThat(calendar.businessTimeBetween(start, start.plus(Duration.ofMinutes(minutes))))
                .isEqualTo(Duration.ofMinutes(counted));
    }

    /**
     * Every region's default calendar, and each with a local-time window in a daylight-saving zone
     * and a few extra closure days, so window boundaries move against UTC as well.
     */
    @Provide
    Arbitrary<BusinessCalendar> calendars() {
        return Arbitraries.of(CALENDAR_VARIANTS);
    }

    @Provide
    Arbitrary<Instant> instants() {
        Arbitrary<Instant> anywhere = Arbitraries.longs()
                .between(FROM.getEpochSecond(), UNTIL.getEpochSecond())
                .map(Instant::ofEpochSecond);
        Arbitrary<Instant> onTheHour = anywhere.map(instant -> instant.truncatedTo(ChronoUnit.HOURS));
        Arbitrary<Instant> aroundDstChanges = near(DST_CHANGES, Duration.ofDays(4));
        Arbitrary<Instant> aroundYearEnds = near(YEAR_ENDS, Duration.ofDays(6));
        // the ranges' own edge cases say nothing about calendars; the anchors above are the interesting points
        return Arbitraries.frequencyOf(
                Tuple.of(3, anywhere),
                Tuple.of(2, onTheHour),
                Tuple.of(3, aroundDstChanges),
                Tuple.of(2, aroundYearEnds))
                .withoutEdgeCases();
    }

    @Provide
    Arbitrary<Duration> durations() {
        return Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just(Duration.ZERO)),
                Tuple.of(3, Arbitraries.of(2L, 8L, 12L, 24L).map(Duration::ofHours)),
                Tuple.of(6, Arbitraries.longs().between(1, 400L * 3600).map(Duration::ofSeconds)));
    }

    @Provide
    Arbitrary<Duration> tinyDurations() {
        return Arbitraries.longs().between(1, 60_000_000_000L).map(Duration::ofNanos);
    }

    @Provide
    Arbitrary<Integer> spansInMinutes() {
        return Arbitraries.integers().between(0, 4 * 24 * 60);
    }

    @Provide
    Arbitrary<Integer> years() {
        return Arbitraries.integers().between(2019, 2031);
    }

    @Provide
    Arbitrary<Integer> indexes() {
        return Arbitraries.integers().between(0, 1000);
    }

    private static Arbitrary<Instant> near(List<Instant> anchors, Duration reach) {
        return Arbitraries.of(anchors).flatMap(anchor -> Arbitraries.longs()
                .between(-reach.toSeconds(), reach.toSeconds())
                .map(anchor::plusSeconds));
    }

    private static BusinessCalendar calendar(Region region) {
        return CALENDARS.forRegion(region);
    }

    private static List<Instant> dstChanges() {
        List<Instant> changes = new ArrayList<>();
        for (Region region : Region.values()) {
            ZoneOffsetTransition transition = region.zone().getRules().nextTransition(FROM);
            while (transition != null && transition.getInstant().isBefore(UNTIL)) {
                changes.add(transition.getInstant());
                transition = region.zone().getRules().nextTransition(transition.getInstant());
            }
        }
        return List.copyOf(changes);
    }
}
