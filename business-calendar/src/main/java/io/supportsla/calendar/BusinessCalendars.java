package io.supportsla.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Every region's business calendar and the local office hours, built once from configuration
 * (staffing window, holiday subdivisions, extra closure days, excluded holidays, office hours)
 * through {@link #builder()}; {@link #defaults()} is the process guide's setup. Invalid settings
 * fail at {@link Builder#build()} with an {@link IllegalArgumentException} naming the bad value,
 * so a service stops at start-up rather than computing wrong deadlines. Thread-safe.
 */
public final class BusinessCalendars {

    private final StaffingWindow staffingWindow;
    private final Map<Region, BusinessCalendar> calendars;
    private final LocalBusinessHours localBusinessHours;

    private BusinessCalendars(StaffingWindow staffingWindow, Map<Region, BusinessCalendar> calendars,
            LocalBusinessHours localBusinessHours) {
        this.staffingWindow = staffingWindow;
        this.calendars = calendars;
        this.localBusinessHours = localBusinessHours;
    }

    /** The follow-the-sun window, each region's default holidays and 09:00-17:00 office hours. */
    public static BusinessCalendars defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The business calendar of a case in {@code region}. */
    public BusinessCalendar forRegion(Region region) {
        return calendars.get(Objects.requireNonNull(region, "region"));
    }

    public RegionalHolidays holidays(Region region) {
        return forRegion(region).holidays();
    }

    public StaffingWindow staffingWindow() {
        return staffingWindow;
    }

    public LocalBusinessHours localBusinessHours() {
        return localBusinessHours;
    }

    /** Collects settings; anything not set keeps its default. Not thread-safe; build once at start-up. */
    public static final class Builder {

        private StaffingWindow staffingWindow = StaffingWindow.FOLLOW_THE_SUN;
        private final Map<Region, String> subdivisions = new EnumMap<>(Region.class);
        private final Map<Region, Set<LocalDate>> extraClosureDays = new EnumMap<>(Region.class);
        private final Map<Region, Set<String>> excludedHolidays = new EnumMap<>(Region.class);
        private LocalTime opens = LocalBusinessHours.DEFAULT_OPENS;
        private LocalTime closes = LocalBusinessHours.DEFAULT_CLOSES;
        private Set<DayOfWeek> workdays = LocalBusinessHours.DEFAULT_WORKDAYS;

        private Builder() {
        }

        public Builder staffingWindow(StaffingWindow window) {
            this.staffingWindow = Objects.requireNonNull(window, "window");
            return this;
        }

        /** The staffing window from text, see {@link StaffingWindow#parse}. */
        public Builder staffingWindow(String start, String end, String zone) {
            return staffingWindow(StaffingWindow.parse(start, end, zone));
        }

        /** Overrides the region's jollyday subdivision (blank: the whole country). */
        public Builder holidaySubdivision(Region region, String subdivision) {
            subdivisions.put(Objects.requireNonNull(region, "region"), Objects.requireNonNull(subdivision, "subdivision"));
            return this;
        }

        /** Local days on which the region's office is closed besides its public holidays. */
        public Builder extraClosureDays(Region region, Collection<LocalDate> days) {
            extraClosureDays.put(Objects.requireNonNull(region, "region"), Set.copyOf(days));
            return this;
        }

        /** Replaces the region's excluded jollyday holiday keys; an empty set counts every public holiday. */
        public Builder excludedHolidays(Region region, Collection<String> holidayKeys) {
            excludedHolidays.put(Objects.requireNonNull(region, "region"), Set.copyOf(holidayKeys));
            return this;
        }

        /** The offices' local business hours for escalation (default 09:00 to 17:00). */
        public Builder localBusinessHours(LocalTime opens, LocalTime closes) {
            this.opens = Objects.requireNonNull(opens, "opens");
            this.closes = Objects.requireNonNull(closes, "closes");
            return this;
        }

        /** The offices' local workdays for escalation (default Monday to Friday). */
        public Builder localWorkdays(Collection<DayOfWeek> days) {
            this.workdays = Set.copyOf(days);
            return this;
        }

        /** @throws IllegalArgumentException naming the first invalid setting */
        public BusinessCalendars build() {
            Map<Region, BusinessCalendar> calendars = new EnumMap<>(Region.class);
            Map<Region, RegionalHolidays> holidays = new EnumMap<>(Region.class);
            for (Region region : Region.values()) {
                RegionalHolidays regional = new RegionalHolidays(region,
                        subdivisions.getOrDefault(region, region.defaultHolidaySubdivision()),
                        extraClosureDays.getOrDefault(region, Set.of()),
                        excludedHolidays.getOrDefault(region, region.defaultExcludedHolidays()));
                holidays.put(region, regional);
                calendars.put(region, new BusinessCalendar(staffingWindow, regional));
            }
            LocalBusinessHours hours = new LocalBusinessHours(opens, closes, workdays, holidays);
            return new BusinessCalendars(staffingWindow, Map.copyOf(calendars), hours);
        }
    }
}
