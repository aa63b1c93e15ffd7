package io.supportsla.escalation.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.supportsla.schemas.common.Severity;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

class AcknowledgementPropertiesTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(AcknowledgementProperties.class)
    static class AcknowledgementOnly {
    }

    private final ApplicationContextRunner shipped = new ApplicationContextRunner()
            .withInitializer(new ConfigDataApplicationContextInitializer())
            .withUserConfiguration(AcknowledgementOnly.class);

    @Test
    void defaultsAreFifteenMinutesOnSev1AndTwoHoursOtherwise() {
        shipped.withPropertyValues("supportsla.escalation.acknowledgement.link-secret=" + "s".repeat(32)).run(context -> {
            AcknowledgementProperties properties = context.getBean(AcknowledgementProperties.class);
            assertThat(properties.timeouts().forSeverity(Severity.SEV1)).isEqualTo(Duration.ofMinutes(15));
            assertThat(properties.timeouts().forSeverity(Severity.SEV2)).isEqualTo(Duration.ofHours(2));
            assertThat(properties.timeouts().forSeverity(Severity.END_USER_ISSUE)).isEqualTo(Duration.ofHours(2));
            assertThat(properties.linkValidity()).isEqualTo(Duration.ofDays(1));
        });
    }

    @Test
    void withoutALinkSecretStartUpStopsNamingIt() {
        shipped.run(context -> assertThat(context).getFailure()
                .hasStackTraceContaining("linkSecret")
                .hasStackTraceContaining("SUPPORTSLA_ESCALATION_ACKNOWLEDGEMENT_LINKSECRET"));
    }

    @Test
    void aShortLinkSecretStopsStartUpNamingIt() {
        shipped.withPropertyValues("supportsla.escalation.acknowledgement.link-secret=short").run(context ->
                assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("supportsla.escalation.acknowledgement.link-secret must be at least 32 bytes"));
    }

    @Test
    void theLocalProfileHasAClearlyLocalOnlyDemoSecret() {
        shipped.withPropertyValues("spring.profiles.active=local").run(context ->
                assertThat(context.getBean(AcknowledgementProperties.class).linkSecret()).startsWith("local-demo-only"));
    }

    @Test
    void aZeroTimeoutStopsStartUpNamingIt() {
        shipped.withPropertyValues("supportsla.escalation.acknowledgement.link-secret=" + "s".repeat(32),
                "supportsla.escalation.acknowledgement.timeout-by-severity.SEV1=0s").run(context ->
                assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("supportsla.escalation.acknowledgement.timeout-by-severity.SEV1 must be a positive duration"));
    }
}
