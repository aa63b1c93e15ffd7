package io.supportsla.calendar;

import java.time.ZoneId;
import java.util.Set;

/**
 * The three support regions of the follow-the-sun organisation, each with its office, the
 * office's time zone and where its public holidays come from: a jollyday holiday calendar (ISO
 * 3166 country code) and a default subdivision ({@code eng}, {@code ca}, {@code nsw}), which
 * configuration may override (see {@link BusinessCalendars.Builder#holidaySubdivision}), and the
 * jollyday holiday keys that do not close the office.
 */
public enum Region {

    EMEA("London", ZoneId.of("Europe/London"), "GB", "eng", Set.of()),
    AMER("Redwood Shores", ZoneId.of("America/Los_Angeles"), "US", "ca", Set.of()),
    /*
     * The NSW "Bank Holiday" (first Monday in August) closes banks and financial institutions
     * only; it is not a general public holiday, although jollyday types it as one.
     */
    APAC("Sydney", ZoneId.of("Australia/Sydney"), "AU", "nsw", Set.of("BANK_HOLIDAY"));

    private final String officeName;
    private final ZoneId zone;
    private final String holidayCountry;
    private final String defaultHolidaySubdivision;
    private final Set<String> defaultExcludedHolidays;

    Region(String officeName, ZoneId zone, String holidayCountry, String defaultHolidaySubdivision,
            Set<String> defaultExcludedHolidays) {
        this.officeName = officeName;
        this.zone = zone;
        this.holidayCountry = holidayCountry;
        this.defaultHolidaySubdivision = defaultHolidaySubdivision;
        this.defaultExcludedHolidays = defaultExcludedHolidays;
    }

    /** The regional office, as named in the process guide. */
    public String officeName() {
        return officeName;
    }

    /** The office's time zone; a holiday is a whole calendar day in this zone. */
    public ZoneId zone() {
        return zone;
    }

    /** The jollyday holiday calendar: an ISO 3166 country code such as {@code GB}. */
    public String holidayCountry() {
        return holidayCountry;
    }

    /** The jollyday subdivision used unless configuration overrides it. */
    public String defaultHolidaySubdivision() {
        return defaultHolidaySubdivision;
    }

    /** jollyday holiday keys that are typed as public holidays but do not close the office. */
    public Set<String> defaultExcludedHolidays() {
        return defaultExcludedHolidays;
    }
}
