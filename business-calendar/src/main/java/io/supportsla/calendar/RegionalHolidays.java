package io.supportsla.calendar;

import de.focus_shift.jollyday.core.CalendarHierarchy;
import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.time.LocalDate;
import java.time.Year;
import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The days on which one region's office is closed: the public holidays of its jollyday calendar
 * and subdivision, plus configured extra closure days, each a whole calendar day in the region's
 * own time zone. Only holidays typed {@link HolidayType#PUBLIC_HOLIDAY} count (California's
 * Lincoln's Birthday is an observance and does not), minus configured excluded holiday keys (by
 * default the NSW {@code BANK_HOLIDAY}, which closes banks only). A holiday counts on the date it
 * is observed: when jollyday moves it (US Independence Day on a Saturday is observed on the
 * Friday) only the observed date counts; when it reports both the date and a substitute day (NSW
 * Christmas on a Saturday and the additional Monday holiday) both count, as NSW law makes both
 * public holidays. Dates are computed once per year and cached; instances are thread-safe.
 */
public final class RegionalHolidays {

    private final Region region;
    private final String subdivision;
    private final String[] subdivisionPath;
    private final Set<LocalDate> extraClosureDays;
    private final Set<String> excludedHolidays;
    private final HolidayManager holidayManager;
    private final Map<Integer, Set<LocalDate>> publicHolidaysByYear = new ConcurrentHashMap<>();

    /**
     * @param region            the region whose office this is
     * @param subdivision       the jollyday subdivision, such as {@code "eng"}; nested ones as a path
     *                          ({@code "qld/br"}); blank for the country's holidays only
     * @param extraClosureDays  further local days on which the office is closed
     * @param excludedHolidays  jollyday holiday keys (such as {@code "BANK_HOLIDAY"}) not to count
     * @throws IllegalArgumentException naming the subdivision when the holiday calendar does not have it
     */
    public RegionalHolidays(Region region, String subdivision, Collection<LocalDate> extraClosureDays,
            Collection<String> excludedHolidays) {
        this.region = Objects.requireNonNull(region, "region");
        this.subdivision = Objects.requireNonNull(subdivision, "subdivision").trim().toLowerCase(Locale.ROOT);
        this.subdivisionPath = this.subdivision.isEmpty() ? new String[0] : this.subdivision.split("/");
        this.extraClosureDays = Set.copyOf(Objects.requireNonNull(extraClosureDays, "extraClosureDays"));
        this.excludedHolidays = Set.copyOf(Objects.requireNonNull(excludedHolidays, "excludedHolidays"));
        this.holidayManager = HolidayManager.getInstance(ManagerParameters.create(region.holidayCountry()));
        requireKnownSubdivision();
    }

    /** The region's default holidays: its default subdivision and exclusions, no extra closure days. */
    public static RegionalHolidays of(Region region) {
        return new RegionalHolidays(region, region.defaultHolidaySubdivision(), Set.of(), region.defaultExcludedHolidays());
    }

    public Region region() {
        return region;
    }

    /** The jollyday subdivision in use, lower case; empty for the whole country. */
    public String subdivision() {
        return subdivision;
    }

    public Set<LocalDate> extraClosureDays() {
        return extraClosureDays;
    }

    public Set<String> excludedHolidays() {
        return excludedHolidays;
    }

    /** Whether the office is closed all of this local calendar day for a holiday or closure day. */
    public boolean isHoliday(LocalDate localDate) {
        return extraClosureDays.contains(localDate) || publicHolidays(localDate.getYear()).contains(localDate);
    }

    /** Every counted holiday and extra closure day of {@code year}, in date order. */
    public NavigableSet<LocalDate> holidaysIn(Year year) {
        NavigableSet<LocalDate> days = new TreeSet<>(publicHolidays(year.getValue()));
        extraClosureDays.stream().filter(day -> day.getYear() == year.getValue()).forEach(days::add);
        return days;
    }

    private Set<LocalDate> publicHolidays(int year) {
        return publicHolidaysByYear.computeIfAbsent(year, this::loadPublicHolidays);
    }

    private Set<LocalDate> loadPublicHolidays(int year) {
        Set<LocalDate> dates = new HashSet<>();
        // A holiday of one year may be observed in the next or previous one (US New Year's Day
        // 2022, a Saturday, is observed on Friday 31 December 2021), so ask for the neighbours too.
        for (int queried = year - 1; queried <= year + 1; queried++) {
            Set<Holiday> holidays;
            synchronized (holidayManager) {
                holidays = holidayManager.getHolidays(Year.of(queried), subdivisionPath);
            }
            for (Holiday holiday : holidays) {
                if (holiday.getType() == HolidayType.PUBLIC_HOLIDAY
                        && !excludedHolidays.contains(holiday.getPropertiesKey())
                        && holiday.getDate().getYear() == year) {
                    dates.add(holiday.getDate());
                }
            }
        }
        return Set.copyOf(dates);
    }

    private void requireKnownSubdivision() {
        CalendarHierarchy level = holidayManager.getCalendarHierarchy();
        for (String part : subdivisionPath) {
            Map<String, CalendarHierarchy> children = level.getChildren();
            level = children.get(part);
            if (level == null) {
                throw new IllegalArgumentException("unknown holiday subdivision '" + subdivision + "' for region "
                        + region + " (holiday calendar " + region.holidayCountry() + "; known at this level: "
                        + new TreeSet<>(children.keySet()) + ")");
            }
        }
    }

    @Override
    public String toString() {
        return "RegionalHolidays[" + region + ", " + region.holidayCountry()
                + (subdivision.isEmpty() ? "" : "/" + subdivision)
                + ", extraClosureDays=" + new TreeSet<>(extraClosureDays)
                + ", excluded=" + new TreeSet<>(excludedHolidays) + "]";
    }
}
