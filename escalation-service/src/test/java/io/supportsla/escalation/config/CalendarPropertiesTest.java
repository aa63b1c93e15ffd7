package io.supportsla.escalation.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.supportsla.escalation.rules.RespectiveTimeZone;
import io.supportsla.schemas.common.Region;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The offices' calendar comes from {@code support.calendar}, the keys the SLA service reads too. */
class CalendarPropertiesTest {

    /** Tuesday 14 January 2025, 10:00 in Redwood Shores: the only office open. */
    private static final Instant REDWOOD_SHORES_MORNING = Instant.parse("2025-01-14T18:00:00Z");

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(CalendarProperties.class)
    static class CalendarOnly {

        @Bean
        RespectiveTimeZone respectiveTimeZone(CalendarProperties calendar) {
            return new RespectiveTimeZone(calendar.toCalendars().localBusinessHours());
        }
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(CalendarOnly.class);

    @Test
    void anExtraClosureDayClosesTheOffice() {
        runner.run(context -> assertThat(context.getBean(RespectiveTimeZone.class).regionFor(Region.APAC, REDWOOD_SHORES_MORNING))
                .isEqualTo(Region.AMER));
        runner.withPropertyValues("support.calendar.regions.AMER.extra-closure-days=2025-01-14").run(context ->
                assertThat(context.getBean(RespectiveTimeZone.class).regionFor(Region.APAC, REDWOOD_SHORES_MORNING))
                        .isEqualTo(Region.APAC));
    }

    @Test
    void officeHoursAreConfigurable() {
        runner.withPropertyValues("support.calendar.local-business-hours.closes=09:30").run(context ->
                assertThat(context.getBean(RespectiveTimeZone.class).regionFor(Region.APAC, REDWOOD_SHORES_MORNING))
                        .isEqualTo(Region.APAC));
    }

    @Test
    void anUnknownHolidaySubdivisionStopsStartUpNamingIt() {
        runner.withPropertyValues("support.calendar.regions.EMEA.holiday-subdivision=atlantis").run(context ->
                assertThat(context).getFailure().hasStackTraceContaining("support.calendar").hasStackTraceContaining("atlantis"));
    }
}
