package io.supportsla.sla.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.supportsla.calendar.BusinessCalendars;
import io.supportsla.calendar.Region;
import io.supportsla.sla.targets.SlaPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Settings bind with the process guide's defaults, and a wrong value stops start-up naming its key. */
class SlaPropertiesTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(SettingsOnly.class);

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({SlaProperties.class, CalendarProperties.class})
    static class SettingsOnly {
        @Bean
        BusinessCalendars businessCalendars(CalendarProperties calendar) {
            return calendar.toBusinessCalendars();
        }
    }

    @Test
    void defaultsAreTheProcessGuidesTargets() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            SlaProperties properties = context.getBean(SlaProperties.class);
            assertThat(properties.toPolicy()).isEqualTo(SlaPolicy.defaults());
            assertThat(properties.timers().punctuationInterval()).isEqualTo(Duration.ofMillis(250));
            assertThat(properties.api().advertisedHost()).isEqualTo("localhost");
        });
    }

    @Test
    void everyDurationIsConfiguration() {
        runner.withPropertyValues(
                        "support.sla.targets.sev2=4h",
                        "support.sla.targets.sev1-hotline-call=10m",
                        "support.sla.warnings.percentages=25,80",
                        "support.sla.status-updates.reminder-lead=0s")
                .run(context -> {
                    SlaPolicy policy = context.getBean(SlaProperties.class).toPolicy();
                    assertThat(policy.sev2Target()).isEqualTo(Duration.ofHours(4));
                    assertThat(policy.sev1HotlineCallTarget()).isEqualTo(Duration.ofMinutes(10));
                    assertThat(policy.warningPercentages()).containsExactly(25, 80);
                    assertThat(policy.statusUpdateReminderLead()).isZero();
                });
    }

    @Test
    void negativeTargetStopsStartUpNamingTheKey() {
        assertFailsNaming("support.sla.targets.sev2=-1h", "support.sla.targets", "sev2");
    }

    @Test
    void unreadableDurationStopsStartUpNamingTheKey() {
        assertFailsNaming("support.sla.targets.end-user-issue=two hours", "support.sla.targets.end-user-issue");
    }

    @Test
    void warningPercentageOutOfRangeOrRepeatedStopsStartUp() {
        assertFailsNaming("support.sla.warnings.percentages=50,100", "support.sla.warnings", "percentages");
        assertFailsNaming("support.sla.warnings.percentages=50,50", "support.sla.warnings", "eachPercentageOnce");
    }

    @Test
    void negativeReminderLeadStopsStartUp() {
        assertFailsNaming("support.sla.status-updates.reminder-lead=-5m", "support.sla", "statusUpdates.reminderLead");
    }

    @Test
    void tooShortPunctuationIntervalStopsStartUp() {
        assertFailsNaming("support.sla.timers.punctuation-interval=1ms", "support.sla.timers", "punctuationInterval");
    }

    @Test
    void badStaffingWindowStopsStartUpNamingTheKey() {
        assertFailsNaming("support.calendar.staffing-window.end=SUNDAY 25:00", "support.calendar.staffing-window");
    }

    @Test
    void unknownHolidaySubdivisionStopsStartUpNamingTheRegion() {
        assertFailsNaming("support.calendar.regions.EMEA.holiday-subdivision=atlantis", "support.calendar.regions.emea");
    }

    @Test
    void calendarSettingsReachTheBusinessCalendar() {
        runner.withPropertyValues("support.calendar.regions.EMEA.extra-closure-days=2025-03-12")
                .run(context -> {
                    BusinessCalendars calendars = context.getBean(BusinessCalendars.class);
                    assertThat(calendars.forRegion(Region.EMEA).isHoliday(Instant.parse("2025-03-12T12:00:00Z"))).isTrue();
                    assertThat(calendars.forRegion(Region.AMER).isHoliday(Instant.parse("2025-03-12T12:00:00Z"))).isFalse();
                });
    }

    @Test
    void shippedConfigurationAndTheDemoProfileAreValid() {
        runner.withInitializer(new org.springframework.boot.test.context.ConfigDataApplicationContextInitializer())
                .run(context -> assertThat(context.getBean(SlaProperties.class).toPolicy()).isEqualTo(SlaPolicy.defaults()));
        runner.withInitializer(new org.springframework.boot.test.context.ConfigDataApplicationContextInitializer())
                .withPropertyValues("spring.profiles.active=demo")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(SlaProperties.class).toPolicy().sev1CaseOnlyTarget()).isEqualTo(Duration.ofMinutes(1));
                    BusinessCalendars calendars = context.getBean(BusinessCalendars.class);
                    assertThat(calendars.forRegion(Region.EMEA).isBusinessTime(Instant.parse("2025-03-15T12:00:00Z")))
                            .as("a Saturday is business time in the demo").isTrue();
                });
    }

    private void assertFailsNaming(String property, String... fragments) {
        runner.withPropertyValues(property).run(context -> {
            assertThat(context).hasFailed();
            assertThat(messages(context.getStartupFailure())).contains(fragments);
        });
    }

    /** The messages of the failure and its causes, as Spring Boot's failure analysis shows them. */
    private static String messages(Throwable failure) {
        List<String> messages = new ArrayList<>();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            messages.add(String.valueOf(cause.getMessage()));
            if (cause instanceof org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException invalid) {
                messages.add(invalid.getName());
            }
        }
        return String.join("\n", messages);
    }
}
