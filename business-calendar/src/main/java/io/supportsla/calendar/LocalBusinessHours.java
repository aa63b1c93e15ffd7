package io.supportsla.calendar;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Each regional office's own business hours, for escalation: by default 09:00 to 17:00 local time,
 * Monday to Friday, minus the region's holidays (opening inclusive, closing exclusive).
 * {@link #respectiveRegion} picks the "respective time zone" of an escalation: the case's own
 * region if its office is open at that moment, else the first open one in the fixed order EMEA,
 * AMER, APAC, else the case's own region. Immutable and thread-safe.
 */
public final class LocalBusinessHours {

    /** The order in which the other regions are tried when the case's own office is closed. */
    public static final List<Region> FALLBACK_ORDER = List.of(Region.EMEA, Region.AMER, Region.APAC);
    public static final LocalTime DEFAULT_OPENS = LocalTime.of(9, 0);
    public static final LocalTime DEFAULT_CLOSES = LocalTime.of(17, 0);
    public static final Set<DayOfWeek> DEFAULT_WORKDAYS = Set.copyOf(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));

    private final LocalTime opens;
    private final LocalTime closes;
    private final Set<DayOfWeek> workdays;
    private final Map<Region, RegionalHolidays> holidays;

    /**
     * @param holidays every region's holidays
     * @throws IllegalArgumentException if {@code closes} is not after {@code opens}, there are no
     *                                  workdays, or a region's holidays are missing or misfiled
     */
    public LocalBusinessHours(LocalTime opens, LocalTime closes, Collection<DayOfWeek> workdays,
            Map<Region, RegionalHolidays> holidays) {
        this.opens = Objects.requireNonNull(opens, "opens");
        this.closes = Objects.requireNonNull(closes, "closes");
        if (!closes.isAfter(opens)) {
            throw new IllegalArgumentException("local business hours close at " + closes + ", not after they open at " + opens);
        }
        if (Objects.requireNonNull(workdays, "workdays").isEmpty()) {
            throw new IllegalArgumentException("local business hours need at least one workday");
        }
        this.workdays = Set.copyOf(workdays);
        Map<Region, RegionalHolidays> byRegion = new EnumMap<>(Region.class);
        for (Region region : Region.values()) {
            RegionalHolidays regional = Objects.requireNonNull(holidays, "holidays").get(region);
            if (regional == null || regional.region() != region) {
                throw new IllegalArgumentException("local business hours need the holidays of region " + region
                        + ", got " + regional);
            }
            byRegion.put(region, regional);
        }
        this.holidays = byRegion;
    }

    /** 09:00 to 17:00, Monday to Friday, with every region's default holidays. */
    public static LocalBusinessHours defaults() {
        Map<Region, RegionalHolidays> holidays = new EnumMap<>(Region.class);
        for (Region region : Region.values()) {
            holidays.put(region, RegionalHolidays.of(region));
        }
        return new LocalBusinessHours(DEFAULT_OPENS, DEFAULT_CLOSES, DEFAULT_WORKDAYS, holidays);
    }

    public LocalTime opens() {
        return opens;
    }

    public LocalTime closes() {
        return closes;
    }

    public Set<DayOfWeek> workdays() {
        return workdays;
    }

    /** Whether {@code region}'s office is open at {@code moment}, judged in the office's local time. */
    public boolean isOpen(Region region, Instant moment) {
        ZonedDateTime local = moment.atZone(region.zone());
        LocalTime time = local.toLocalTime();
        return workdays.contains(local.getDayOfWeek())
                && !time.isBefore(opens)
                && time.isBefore(closes)
                && !holidays.get(region).isHoliday(local.toLocalDate());
    }

    /**
     * The region whose office hours contain {@code moment}: {@code caseRegion} first, then the others
     * in {@link #FALLBACK_ORDER}; {@code caseRegion} when no office is open.
     */
    public Region respectiveRegion(Region caseRegion, Instant moment) {
        Objects.requireNonNull(caseRegion, "caseRegion");
        if (isOpen(caseRegion, moment)) {
            return caseRegion;
        }
        for (Region region : FALLBACK_ORDER) {
            if (region != caseRegion && isOpen(region, moment)) {
                return region;
            }
        }
        return caseRegion;
    }
}
