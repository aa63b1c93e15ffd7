package io.supportsla.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.context.annotation.Configuration;

/** A wrong setting stops start-up with a message naming the key. */
class ConsolePropertiesTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(ConsoleProperties.class)
    static class Settings {
    }

    final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(Settings.class);

    @Test
    void theDefaultsAreTheDocumentedOnes() {
        context.run(started -> {
            ConsoleProperties properties = started.getBean(ConsoleProperties.class);
            assertThat(properties.escalationService().baseUrl()).hasToString("http://localhost:8083");
            assertThat(properties.view().resolvedCaseRetention()).isEqualTo(Duration.ofDays(7));
            assertThat(properties.view().latestNotifications()).isEqualTo(25);
            assertThat(properties.live().coalesce()).isEqualTo(Duration.ofMillis(250));
            assertThat(properties.kafka().clientId()).isEqualTo("ops-console");
        });
    }

    @Test
    void anEscalationServiceUrlThatIsNotHttpIsRefusedNamingTheKey() {
        context.withPropertyValues("console.escalation-service.base-url=ftp://escalation:21").run(started ->
                assertThat(started).getFailure().rootCause().hasMessageContaining("console.escalation-service.base-url"));
    }

    @Test
    void outOfRangeValuesAreRefusedNamingTheKey() {
        // Spring Boot's failure report turns "object 'console' on field 'view.latestNotifications'" into the property name.
        context.withPropertyValues("console.view.latest-notifications=0").run(started ->
                assertThat(started).getFailure().hasStackTraceContaining("object 'console' on field 'view.latestNotifications'"));
        context.withPropertyValues("console.live.coalesce=1ms").run(started ->
                assertThat(started).getFailure().hasStackTraceContaining("object 'console' on field 'live.coalesce'"));
    }

    @Test
    void resolvedCasesCannotBeShownLongerThanTheyAreKept() {
        context.withPropertyValues("console.view.resolved-cases-shown-for=2d", "console.view.resolved-case-retention=1d").run(started ->
                assertThat(started).getFailure().rootCause().hasMessageContaining("console.view.resolved-cases-shown-for"));
    }
}
