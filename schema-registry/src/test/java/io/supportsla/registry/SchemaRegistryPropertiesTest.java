package io.supportsla.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.supportsla.registry.compatibility.CompatibilityLevel;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

class SchemaRegistryPropertiesTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(PropertiesOnly.class);

    @Test
    void defaultsMatchConfluentsRegistry() {
        context.run(started -> {
            SchemaRegistryProperties properties = started.getBean(SchemaRegistryProperties.class);
            assertThat(properties.compatibilityLevel()).isEqualTo(CompatibilityLevel.BACKWARD);
            assertThat(properties.kafkastore().topic()).isEqualTo("_schemas");
            assertThat(properties.kafkastore().topicReplicationFactor()).isEqualTo(1);
            assertThat(properties.kafkastore().initTimeout()).isEqualTo(Duration.ofSeconds(60));
        });
    }

    @Test
    void levelsAreReadInAnyCase() {
        context.withPropertyValues("schema-registry.compatibility-level=full_transitive").run(started ->
                assertThat(started.getBean(SchemaRegistryProperties.class).compatibilityLevel())
                        .isEqualTo(CompatibilityLevel.FULL_TRANSITIVE));
    }

    @Test
    void anInvalidTopicNameStopsStartUpNamingTheKey() {
        assertStartUpFailsNaming("schema-registry.kafkastore.topic=my schemas!", "schema-registry.kafkastore.topic");
    }

    @Test
    void anUnknownLevelStopsStartUpNamingTheKey() {
        assertStartUpFailsNaming("schema-registry.compatibility-level=SIDEWAYS", "schema-registry.compatibility-level");
    }

    @Test
    void aReplicationFactorBelowOneStopsStartUpNamingTheKey() {
        assertStartUpFailsNaming("schema-registry.kafkastore.topic-replication-factor=0",
                "schema-registry.kafkastore.topicReplicationFactor");
    }

    @Test
    void aTooShortInitTimeoutStopsStartUpNamingTheKey() {
        assertStartUpFailsNaming("schema-registry.kafkastore.init-timeout=0s", "schema-registry.kafkastore.initTimeout");
    }

    private void assertStartUpFailsNaming(String property, String key) {
        context.withPropertyValues(property).run(started -> {
            assertThat(started).hasFailed();
            assertThat(started.getStartupFailure()).rootCause().isNotNull();
            assertThat(fullMessage(started.getStartupFailure())).contains(key);
        });
    }

    private static String fullMessage(Throwable failure) {
        StringBuilder message = new StringBuilder();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            message.append(cause.getMessage()).append('\n');
        }
        return message.toString();
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(SchemaRegistryProperties.class)
    static class PropertiesOnly {
    }
}
