package io.supportsla.notification.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.context.annotation.Configuration;

class NotificationPropertiesTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(NotificationProperties.class)
    static class PropertiesOnly {
    }

    /** The packaged application.yml, as the service starts with it. */
    final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withInitializer(new ConfigDataApplicationContextInitializer())
            .withUserConfiguration(PropertiesOnly.class);

    @Test
    void packagedDefaultsAreValid() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            NotificationProperties properties = context.getBean(NotificationProperties.class);
            assertThat(properties.recipients().consultingTeam().email()).endsWith("@support.example.com");
            assertThat(properties.recipients().hotlineOnCall().pagerRoutingKey()).isNotBlank();
            assertThat(properties.retry().maxBackoff()).isEqualTo(Duration.ofSeconds(30));
            assertThat(properties.kafka().deadLetterTopicPartitions()).isEqualTo(1);
        });
    }

    @Test
    void invalidEmailAddressStopsStartUpNamingTheKey() {
        assertFailureNames("notification.recipients.consulting-team.email=not-an-address",
                "notification.recipients.consultingTeam.email", "must be a well-formed email address");
    }

    @Test
    void missingRoutingKeyStopsStartUpNamingTheKey() {
        assertFailureNames("notification.recipients.hotline-on-call.pager-routing-key=",
                "notification.recipients.hotlineOnCall.pagerRoutingKey", "must not be blank");
    }

    @Test
    void pagerUrlMustBeHttp() {
        assertFailureNames("notification.pager.base-url=ftp://pager.example.com", "notification.pager.baseUrl",
                "must be an http or https URL");
    }

    @Test
    void retryBudgetIsChecked() {
        assertFailureNames("notification.retry.max-attempts=0", "notification.retry.maxAttempts", "must be greater than or equal to 1");
        assertFailureNames("notification.retry.jitter=1.5", "notification.retry.jitter", "must be less than or equal to 1.0");
    }

    @Test
    void consultantAddressesAreChecked() {
        assertFailureNames("notification.recipients.consultants.jane=jane-at-example",
                "notification.recipients.consultants", "must be a well-formed email address");
    }

    @Test
    void unknownHolidaySubdivisionStopsStartUpNamingTheKey() {
        runner.withPropertyValues("notification.calendar.regions.EMEA.holiday-subdivision=atlantis").run(context -> {
            NotificationProperties properties = context.getBean(NotificationProperties.class);
            assertThatThrownBy(() -> new NotificationConfiguration().businessCalendars(properties))
                    .hasMessageStartingWith("notification.calendar.regions: ")
                    .hasMessageContaining("atlantis");
        });
    }

    /** Spring Boot names the key in its canonical camel-case form, with the value's origin. */
    private void assertFailureNames(String property, String key, String reason) {
        runner.withPropertyValues(property).run(context -> {
            assertThat(context).hasFailed();
            String explanation = ValidationFailures.describe(context.getStartupFailure());
            assertThat(explanation).contains("Property: " + key).contains("Reason: " + reason);
        });
    }
}
