package io.supportsla.sla.config;

import io.supportsla.calendar.BusinessCalendars;
import io.supportsla.calendar.Region;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.validation.annotation.Validated;

/**
 * The business calendar under {@code support.calendar} (see business-calendar's README): the
 * staffing window and, per region, the jollyday subdivision, extra closure days and holidays that
 * do not count. Anything not set keeps the calendar's default.
 *
 * <pre>
 * support:
 *   calendar:
 *     staffing-window: { start: "MONDAY 00:00", end: "SATURDAY 00:00", zone: UTC }
 *     regions:
 *       EMEA: { holiday-subdivision: eng, extra-closure-days: [2025-12-24] }
 *       APAC: { excluded-holidays: [BANK_HOLIDAY] }
 * </pre>
 */
@Validated
@ConfigurationProperties("support.calendar")
public record CalendarProperties(
        @Valid @NotNull @DefaultValue StaffingWindow staffingWindow,
        Map<Region, RegionCalendar> regions) {

    private static final String PREFIX = "support.calendar";

    public record StaffingWindow(
            @NotBlank @DefaultValue("MONDAY 00:00") String start,
            @NotBlank @DefaultValue("SATURDAY 00:00") String end,
            @NotBlank @DefaultValue("UTC") String zone) {
    }

    /**
     * @param holidaySubdivision jollyday subdivision (null: the region's default, blank: the whole country)
     * @param extraClosureDays local days the office is closed besides public holidays
     * @param excludedHolidays jollyday holiday keys that do not close the office (null: the region's default)
     */
    public record RegionCalendar(String holidaySubdivision, List<LocalDate> extraClosureDays, List<String> excludedHolidays) {
    }

    /**
     * Builds every region's calendar.
     *
     * @throws InvalidConfigurationPropertyValueException naming the key of the first invalid setting
     */
    public BusinessCalendars toBusinessCalendars() {
        BusinessCalendars.Builder builder = BusinessCalendars.builder();
        try {
            builder.staffingWindow(staffingWindow.start(), staffingWindow.end(), staffingWindow.zone());
        } catch (RuntimeException e) {
            throw new InvalidConfigurationPropertyValueException(PREFIX + ".staffing-window",
                    staffingWindow.start() + " to " + staffingWindow.end() + " " + staffingWindow.zone(), e.getMessage());
        }
        if (regions != null) {
            regions.forEach((region, settings) -> {
                apply(builder, region, settings);
                try {
                    apply(BusinessCalendars.builder(), region, settings).build();
                } catch (RuntimeException e) {
                    throw new InvalidConfigurationPropertyValueException(
                            PREFIX + ".regions." + region.name().toLowerCase(Locale.ROOT), settings, e.getMessage());
                }
            });
        }
        return builder.build();
    }

    private static BusinessCalendars.Builder apply(BusinessCalendars.Builder builder, Region region, RegionCalendar settings) {
        if (settings == null) {
            return builder;
        }
        if (settings.holidaySubdivision() != null) {
            builder.holidaySubdivision(region, settings.holidaySubdivision());
        }
        if (settings.extraClosureDays() != null) {
            builder.extraClosureDays(region, settings.extraClosureDays());
        }
        if (settings.excludedHolidays() != null) {
            builder.excludedHolidays(region, settings.excludedHolidays());
        }
        return builder;
    }
}
