package io.supportsla.escalation.config;

import io.supportsla.calendar.BusinessCalendars;
import io.supportsla.calendar.Region;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The business calendar settings the escalation service uses, under {@code support.calendar}
 * (the keys the SLA service reads, plus the offices' local business hours): each region's holiday subdivision, extra closure days and
 * excluded holiday keys, and the offices' local business hours and workdays. Everything has the
 * process guide's default; the calendar module validates the values and start-up stops naming a
 * wrong one.
 */
@Validated
@ConfigurationProperties("support.calendar")
public record CalendarProperties(Map<Region, RegionSettings> regions, @DefaultValue LocalHours localBusinessHours) {

    public CalendarProperties {
        regions = regions == null ? Map.of() : Map.copyOf(regions);
    }

    /**
     * @param holidaySubdivision the jollyday subdivision (e.g. {@code eng}); null keeps the region's default
     * @param extraClosureDays local days on which the office is closed besides public holidays
     * @param excludedHolidays jollyday holiday keys that do not close the office; null keeps the default
     */
    public record RegionSettings(String holidaySubdivision, List<LocalDate> extraClosureDays, List<String> excludedHolidays) {
    }

    /**
     * @param opens when the offices open, local time (default 09:00)
     * @param closes when they close (default 17:00, exclusive)
     * @param workdays the offices' workdays (default Monday to Friday)
     */
    public record LocalHours(@DefaultValue("09:00") LocalTime opens, @DefaultValue("17:00") LocalTime closes,
            Set<DayOfWeek> workdays) {
    }

    public BusinessCalendars toCalendars() {
        BusinessCalendars.Builder builder = BusinessCalendars.builder();
        try {
            regions.forEach((region, settings) -> {
                if (settings.holidaySubdivision() != null) {
                    builder.holidaySubdivision(region, settings.holidaySubdivision());
                }
                if (settings.extraClosureDays() != null) {
                    builder.extraClosureDays(region, settings.extraClosureDays());
                }
                if (settings.excludedHolidays() != null) {
                    builder.excludedHolidays(region, settings.excludedHolidays());
                }
            });
            builder.localBusinessHours(localBusinessHours.opens(), localBusinessHours.closes());
            builder.localWorkdays(localBusinessHours.workdays() == null
                    ? EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY) : localBusinessHours.workdays());
            return builder.build();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("support.calendar: " + e.getMessage(), e);
        }
    }
}
