package io.supportsla.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * Business time for one region: the weekly {@link StaffingWindow} minus the region's
 * {@link RegionalHolidays}, where each holiday removes its whole calendar day in the region's
 * time zone, whatever weekday it falls on. With the UTC window a London holiday in summer time
 * therefore closes from 23:00 UTC the evening before, a Sydney one from 13:00 or 14:00 UTC, and a
 * Sydney Saturday holiday (Easter Saturday) closes Friday afternoon UTC. Response targets counted
 * in business time use {@link #plusBusinessTime}; the arithmetic walks from opening to closing,
 * never minute by minute. {@link #isWeekendOrHoliday} answers the SEV1 call-target rule in the
 * region's own local time. Instances are immutable and thread-safe.
 */
public final class BusinessCalendar {

    /** How far ahead to look for the next opening before deciding the calendar has none. */
    private static final Duration SEARCH_HORIZON = Duration.ofDays(3660);

    private final StaffingWindow staffingWindow;
    private final RegionalHolidays holidays;
    private final ZoneId zone;

    public BusinessCalendar(StaffingWindow staffingWindow, RegionalHolidays holidays) {
        this.staffingWindow = Objects.requireNonNull(staffingWindow, "staffingWindow");
        this.holidays = Objects.requireNonNull(holidays, "holidays");
        this.zone = holidays.region().zone();
    }

    /** The default calendar of {@code region}: the follow-the-sun window and the region's default holidays. */
    public static BusinessCalendar of(Region region) {
        return new BusinessCalendar(StaffingWindow.FOLLOW_THE_SUN, RegionalHolidays.of(region));
    }

    public Region region() {
        return holidays.region();
    }

    public StaffingWindow staffingWindow() {
        return staffingWindow;
    }

    public RegionalHolidays holidays() {
        return holidays;
    }

    /** Whether {@code instant} is inside the staffing window and not on one of the region's holidays. */
    public boolean isBusinessTime(Instant instant) {
        return staffingWindow.contains(instant) && !holidays.isHoliday(localDate(instant));
    }

    /** {@code instant} itself when it is business time, otherwise the moment business time next begins. */
    public Instant nextBusinessTimeStart(Instant instant) {
        return nextOpenInterval(instant).start();
    }

    /**
     * The instant at which {@code businessDuration} of business time has elapsed since
     * {@code start}. Counting begins at {@code start} if that is business time, otherwise at the
     * next opening; a deadline that falls exactly on a closing is that closing instant. A zero
     * duration therefore returns {@code start} inside business time and the next opening outside it.
     *
     * @throws IllegalArgumentException if {@code businessDuration} is negative
     */
    public Instant plusBusinessTime(Instant start, Duration businessDuration) {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(businessDuration, "businessDuration");
        if (businessDuration.isNegative()) {
            throw new IllegalArgumentException("business duration " + businessDuration + " is negative");
        }
        Duration remaining = businessDuration;
        Instant cursor = start;
        while (true) {
            Interval open = nextOpenInterval(cursor);
            Duration length = open.length();
            if (remaining.compareTo(length) <= 0) {
                return open.start().plus(remaining);
            }
            remaining = remaining.minus(length);
            cursor = open.end();
        }
    }

    /**
     * The business time inside {@code [from, to)}; negative (the same amount) when {@code to} is
     * before {@code from}.
     */
    public Duration businessTimeBetween(Instant from, Instant to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            return businessTimeBetween(to, from).negated();
        }
        Duration total = Duration.ZERO;
        Instant cursor = from;
        while (cursor.isBefore(to)) {
            Interval open = nextOpenInterval(cursor, to);
            if (open == null) {
                break;
            }
            Instant end = open.end().isBefore(to) ? open.end() : to;
            total = total.plus(Duration.between(open.start(), end));
            cursor = open.end();
        }
        return total;
    }

    /** Whether the region's local calendar day containing {@code instant} is a holiday or closure day. */
    public boolean isHoliday(Instant instant) {
        return holidays.isHoliday(localDate(instant));
    }

    /**
     * Whether {@code instant} falls, in the region's own local time, on a Saturday, a Sunday or a
     * holiday: the moments when a SEV1 call target is 1 h instead of 15 min. This is the region's
     * local weekend, not the staffing window: Friday 23:30 UTC is already Saturday in Sydney.
     */
    public boolean isWeekendOrHoliday(Instant instant) {
        LocalDate day = localDate(instant);
        DayOfWeek dayOfWeek = day.getDayOfWeek();
        return dayOfWeek == DayOfWeek.SATURDAY || dayOfWeek == DayOfWeek.SUNDAY || holidays.isHoliday(day);
    }

    private Interval nextOpenInterval(Instant from) {
        Interval open = nextOpenInterval(from, from.plus(SEARCH_HORIZON));
        if (open == null) {
            throw new IllegalStateException("no business time for " + region() + " within " + SEARCH_HORIZON.toDays()
                    + " days after " + from + " (staffing window " + staffingWindow + ", " + holidays + ")");
        }
        return open;
    }

    /**
     * The stretch of business time containing {@code from} (starting at {@code from}) or, if
     * {@code from} is closed, the next one; {@code null} if none begins before {@code limit}. The
     * stretch ends at the window's closing or the next holiday, whichever comes first.
     */
    private Interval nextOpenInterval(Instant from, Instant limit) {
        Instant cursor = from;
        while (cursor.isBefore(limit)) {
            Interval occurrence = staffingWindow.occurrenceEndingAfter(cursor);
            Instant candidate = cursor.isAfter(occurrence.start()) ? cursor : occurrence.start();
            while (candidate.isBefore(occurrence.end())) {
                if (!candidate.isBefore(limit)) {
                    return null;
                }
                LocalDate day = localDate(candidate);
                if (!holidays.isHoliday(day)) {
                    Instant end = startOfDay(day.plusDays(1));
                    while (end.isBefore(occurrence.end()) && !holidays.isHoliday(localDate(end))) {
                        end = startOfDay(localDate(end).plusDays(1));
                    }
                    return new Interval(candidate, end.isBefore(occurrence.end()) ? end : occurrence.end());
                }
                candidate = startOfDay(day.plusDays(1));
            }
            cursor = occurrence.end();
        }
        return null;
    }

    private LocalDate localDate(Instant instant) {
        return instant.atZone(zone).toLocalDate();
    }

    private Instant startOfDay(LocalDate day) {
        return day.atStartOfDay(zone).toInstant();
    }

    @Override
    public String toString() {
        return "BusinessCalendar[" + staffingWindow + ", " + holidays + "]";
    }
}
