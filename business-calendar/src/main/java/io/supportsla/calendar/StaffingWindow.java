package io.supportsla.calendar;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Objects;

/**
 * The weekly follow-the-sun staffing window: from a start day and time to an end day and time
 * of the same Monday-to-Sunday week, read in one time zone. The default,
 * {@link #FOLLOW_THE_SUN}, is Monday 00:00 to Saturday 00:00 UTC (Sydney's Monday morning to
 * Redwood Shores' Friday afternoon). The start is inside the window, the end is not. A window
 * that would wrap from Sunday into Monday is rejected as "end before start"; in a zone with
 * daylight saving a boundary inside a clock gap moves forward by the gap's length.
 */
public record StaffingWindow(DayOfWeek startDay, LocalTime startTime, DayOfWeek endDay, LocalTime endTime,
        ZoneId zone) {

    /** Monday 00:00 to Saturday 00:00 UTC. */
    public static final StaffingWindow FOLLOW_THE_SUN =
            new StaffingWindow(DayOfWeek.MONDAY, LocalTime.MIDNIGHT, DayOfWeek.SATURDAY, LocalTime.MIDNIGHT, ZoneOffset.UTC);

    public StaffingWindow {
        Objects.requireNonNull(startDay, "startDay");
        Objects.requireNonNull(startTime, "startTime");
        Objects.requireNonNull(endDay, "endDay");
        Objects.requireNonNull(endTime, "endTime");
        Objects.requireNonNull(zone, "zone");
        Boundary start = new Boundary(startDay, startTime);
        Boundary end = new Boundary(endDay, endTime);
        if (end.compareTo(start) <= 0) {
            throw new IllegalArgumentException("staffing window end '" + end + "' is not after its start '" + start
                    + "' (both in one Monday-to-Sunday week)");
        }
    }

    /**
     * Reads a window from configuration text: {@code start} and {@code end} as
     * {@code "<DAY> <HH:mm>"} (for example {@code "MONDAY 00:00"}), {@code zone} as a time-zone id
     * (for example {@code "UTC"}).
     *
     * @throws IllegalArgumentException naming the value that cannot be read, or when the end is not
     *                                  after the start
     */
    public static StaffingWindow parse(String start, String end, String zone) {
        Boundary from = Boundary.parse("start", start);
        Boundary to = Boundary.parse("end", end);
        ZoneId zoneId;
        try {
            zoneId = ZoneId.of(Objects.requireNonNull(zone, "zone").trim());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("staffing window zone '" + zone + "' is not a known time zone", e);
        }
        return new StaffingWindow(from.day(), from.time(), to.day(), to.time(), zoneId);
    }

    /** Whether {@code instant} is inside the window (start inclusive, end exclusive). */
    public boolean contains(Instant instant) {
        return occurrenceEndingAfter(instant).contains(instant);
    }

    /** The first weekly occurrence of the window that ends after {@code instant}. */
    Interval occurrenceEndingAfter(Instant instant) {
        LocalDate monday = instant.atZone(zone).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        // Starting a week early keeps clock-change edge cases simple; the loop ends within three weeks
        // unless a daylight-saving gap swallows a tiny window.
        for (LocalDate week = monday.minusWeeks(1); week.isBefore(monday.plusWeeks(60)); week = week.plusWeeks(1)) {
            Interval occurrence = occurrenceInWeekOf(week);
            if (!occurrence.isEmpty() && occurrence.end().isAfter(instant)) {
                return occurrence;
            }
        }
        throw new IllegalStateException("staffing window " + this + " has no occurrence after " + instant);
    }

    private Interval occurrenceInWeekOf(LocalDate monday) {
        Instant start = monday.plusDays(startDay.getValue() - 1L).atTime(startTime).atZone(zone).toInstant();
        Instant end = monday.plusDays(endDay.getValue() - 1L).atTime(endTime).atZone(zone).toInstant();
        return new Interval(start, end);
    }

    /** A day and time of the Monday-to-Sunday week, ordered within that week. */
    private record Boundary(DayOfWeek day, LocalTime time) implements Comparable<Boundary> {

        @Override
        public int compareTo(Boundary other) {
            int byDay = day.compareTo(other.day);
            return byDay != 0 ? byDay : time.compareTo(other.time);
        }

        static Boundary parse(String name, String text) {
            String[] parts = Objects.requireNonNull(text, name).trim().split("\\s+");
            try {
                if (parts.length != 2) {
                    throw new IllegalArgumentException("expected two parts");
                }
                return new Boundary(DayOfWeek.valueOf(parts[0].toUpperCase(Locale.ROOT)), LocalTime.parse(parts[1]));
            } catch (IllegalArgumentException | DateTimeParseException e) {
                throw new IllegalArgumentException(
                        "staffing window " + name + " '" + text + "' is not of the form '<DAY> <HH:mm>', e.g. 'MONDAY 00:00'", e);
            }
        }

        @Override
        public String toString() {
            return day + " " + time;
        }
    }
}
