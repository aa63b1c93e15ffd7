package io.supportsla.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.supportsla.intake.customers.CustomerDirectory;
import io.supportsla.intake.customers.DirectoryProperties;
import io.supportsla.intake.rules.CategoryPolicy;
import io.supportsla.intake.rules.ClassificationProperties;
import io.supportsla.schemas.common.Category;
import io.supportsla.schemas.common.Region;
import io.supportsla.schemas.common.Severity;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * The configuration as shipped binds, and a wrong value stops start-up with a message naming the
 * key: the customer directory, the classification and intake's own settings.
 */
class IntakeConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(Settings.class);

    @Test
    void theShippedClassificationFollowsTheSpecification() throws Exception {
        runner.withInitializer(context -> context.getEnvironment().getPropertySources().addFirst(yaml("application.yml")))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    CategoryPolicy policy = context.getBean(ClassificationProperties.class).toPolicy();
                    assertThat(policy.allowedSeverities(Category.ALL_USERS_CANNOT_CONNECT)).containsExactly(Severity.SEV1);
                    assertThat(policy.allows(Category.ALL_USERS_CANNOT_CONNECT, Severity.SEV3)).isFalse();
                    assertThat(policy.allows(Category.QUESTION_OR_SERVICE_REQUEST, Severity.SEV1)).isFalse();
                    assertThat(policy.allowedSeverities(Category.END_USER_BILLING)).containsExactly(Severity.END_USER_ISSUE);
                    assertThat(policy.isConfigurationChange(Category.ROAMSERVER_CONFIGURATION)).isTrue();
                    assertThat(context.getBean(IntakeProperties.class).kafka().publishBound()).isEqualTo(Duration.ofSeconds(15));
                });
    }

    @Test
    void theLocalDemoDirectoryBinds() {
        runner.withInitializer(context -> {
                    context.getEnvironment().getPropertySources().addFirst(yaml("application.yml"));
                    context.getEnvironment().getPropertySources().addFirst(yaml("application-local.yml"));
                })
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    CustomerDirectory directory = context.getBean(DirectoryProperties.class).toDirectory();
                    assertThat(directory.customer("globex").orElseThrow().partner().orElseThrow().name())
                            .isEqualTo("Northwind Support Partners");
                    assertThat(directory.customer("acme").orElseThrow().region()).isEqualTo(Region.EMEA);
                    assertThat(directory.customer("acme").orElseThrow().directEndUserSupport()).isTrue();
                    assertThat(directory.customer("globex").orElseThrow().statusUpdateInterval()).isEqualTo(Duration.ofMinutes(30));
                });
    }

    @Test
    void anUnknownRegionStopsStartUpNamingTheKey() {
        runner.withPropertyValues(classification())
                .withPropertyValues("intake.directory.customers.acme.name=Acme", "intake.directory.customers.acme.region=MARS")
                .run(context -> assertThat(context).getFailure().hasStackTraceContaining("intake.directory.customers.acme.region"));
    }

    @Test
    void aPartnerThatIsNotConfiguredStopsStartUpNamingTheKey() {
        runner.withPropertyValues(classification())
                .withPropertyValues("intake.directory.customers.globex.name=Globex", "intake.directory.customers.globex.region=AMER",
                        "intake.directory.customers.globex.partner=northwind")
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("intake.directory.customers.globex.partner: 'northwind' is not a configured partner"));
    }

    @Test
    void anIntervalOutOfRangeStopsStartUpNamingTheKey() {
        runner.withPropertyValues(classification())
                .withPropertyValues("intake.directory.customers.acme.name=Acme", "intake.directory.customers.acme.region=EMEA",
                        "intake.directory.customers.acme.status-update-interval=2m")
                .run(context -> assertThat(context).getFailure().hasStackTraceContaining("customers[acme].statusUpdateInterval"));
    }

    @Test
    void aCategoryWithoutSeveritiesStopsStartUpNamingIt() {
        runner.withPropertyValues("intake.classification.categories.VIP_USER=SEV1")
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("intake.classification.categories")
                        .hasMessageContaining("ALL_USERS_CANNOT_CONNECT"));
    }

    @Test
    void aLeaseShorterThanAPublishCanTakeStopsStartUpNamingTheKeys() {
        runner.withPropertyValues(classification())
                .withPropertyValues("intake.idempotency.lease=10s")
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("intake.idempotency.lease (PT10S) must be at least intake.kafka.max-block"));
    }

    private static String[] classification() {
        return java.util.Arrays.stream(Category.values())
                .map(category -> "intake.classification.categories." + category.name() + "=SEV2")
                .toArray(String[]::new);
    }

    private static PropertySource<?> yaml(String name) {
        try {
            return new YamlPropertySourceLoader().load(name, new ClassPathResource(name)).get(0);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @EnableConfigurationProperties({IntakeProperties.class, DirectoryProperties.class, ClassificationProperties.class})
    static class Settings {
    }
}
