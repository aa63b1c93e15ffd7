package io.supportsla.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.supportsla.serde.registry.SchemaRegistrySettings;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

/** Parsing and validation of the Confluent-compatible keys. */
class AvroSerdeConfigTest {

    @Test
    void missingRegistryUrlNamesTheKey() {
        assertThatThrownBy(() -> new KafkaAvroSerializer().configure(Map.of(), false))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("Missing required configuration \"schema.registry.url\"");
    }

    @Test
    void registryUrlIsOptionalWhenAClientIsGiven() {
        AvroSerdeConfig config = new AvroSerdeConfig(Map.of(), false);

        assertThat(config.registryUrls()).isEmpty();
    }

    @Test
    void acceptsCommaSeparatedUrlsAndDefaultsLikeConfluent() {
        AvroSerdeConfig config = new AvroSerdeConfig(Map.of(
                "schema.registry.url", "http://registry-a:8081, https://registry-b:8081/"));

        assertThat(config.registryUrls()).containsExactly(URI.create("http://registry-a:8081"), URI.create("https://registry-b:8081/"));
        assertThat(config.autoRegisterSchemas()).isTrue();
        assertThat(config.useLatestVersion()).isFalse();
        assertThat(config.specificAvroReader()).isFalse();
        SchemaRegistrySettings settings = config.registrySettings();
        assertThat(settings.basicAuthUserInfo()).isNull();
        assertThat(settings.maxAttempts()).isEqualTo(3);
        assertThat(settings.requestTimeout()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void acceptsAListValueAsConfluentDoes() {
        AvroSerdeConfig config = new AvroSerdeConfig(Map.of("schema.registry.url", List.of("http://a:8081", "http://b:8081")));

        assertThat(config.registryUrls()).hasSize(2);
    }

    @Test
    void rejectsAUrlThatIsNotHttp() {
        assertThatThrownBy(() -> new AvroSerdeConfig(Map.of("schema.registry.url", "registry:8081")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("schema.registry.url")
                .hasMessageContaining("http://");
    }

    @Test
    void rejectsAMistypedBooleanNamingTheKey() {
        assertThatThrownBy(() -> new AvroSerdeConfig(Map.of("schema.registry.url", "http://r:8081", "auto.register.schemas", "yes")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("auto.register.schemas");
    }

    @Test
    void userInfoSourceNeedsUserInfo() {
        assertThatThrownBy(() -> new AvroSerdeConfig(Map.of(
                        "schema.registry.url", "http://r:8081", "basic.auth.credentials.source", "USER_INFO")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("basic.auth.user.info");
    }

    @Test
    void userInfoMustBeUserColonPasswordAndIsNeverEchoed() {
        assertThatThrownBy(() -> new AvroSerdeConfig(Map.of("schema.registry.url", "http://r:8081",
                        "basic.auth.credentials.source", "USER_INFO", "basic.auth.user.info", "justapassword")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("basic.auth.user.info")
                .hasMessageNotContaining("justapassword");
    }

    @Test
    void credentialsInTheUrlBecomeBasicAuthAndLeaveTheUrl() {
        AvroSerdeConfig config = new AvroSerdeConfig(Map.of("schema.registry.url", "http://bob:hunter2@registry:8081"));

        assertThat(config.registryUrls()).containsExactly(URI.create("http://registry:8081"));
        assertThat(config.registrySettings().basicAuthUserInfo()).isEqualTo("bob:hunter2");
        assertThat(config.registrySettings().toString()).doesNotContain("hunter2");
    }

    @Test
    void rejectsUnsupportedCredentialSources() {
        assertThatThrownBy(() -> new AvroSerdeConfig(Map.of(
                        "schema.registry.url", "http://r:8081", "basic.auth.credentials.source", "SASL_INHERIT")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("basic.auth.credentials.source")
                .hasMessageContaining("USER_INFO");
    }

    @Test
    void rejectsSubjectNameStrategiesOtherThanTopicName() {
        assertThatThrownBy(() -> new AvroSerdeConfig(Map.of("schema.registry.url", "http://r:8081",
                        "value.subject.name.strategy", "io.confluent.kafka.serializers.subject.RecordNameStrategy")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("value.subject.name.strategy");
        assertThat(new AvroSerdeConfig(Map.of("schema.registry.url", "http://r:8081",
                "value.subject.name.strategy", AvroSerdeConfig.TOPIC_NAME_STRATEGY)).registryUrls()).hasSize(1);
    }

    @Test
    void retrySettingsAreOurOwnPrefixedKeys() {
        SchemaRegistrySettings settings = new AvroSerdeConfig(Map.of("schema.registry.url", "http://r:8081",
                "schema.registry.retry.max.attempts", "5", "schema.registry.retry.backoff.ms", "50",
                "schema.registry.request.timeout.ms", "2500")).registrySettings();

        assertThat(settings.maxAttempts()).isEqualTo(5);
        assertThat(settings.retryBackoff()).isEqualTo(Duration.ofMillis(50));
        assertThat(settings.requestTimeout()).isEqualTo(Duration.ofMillis(2500));
        assertThatThrownBy(() -> new AvroSerdeConfig(Map.of("schema.registry.url", "http://r:8081",
                        "schema.registry.retry.max.attempts", "0")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("schema.registry.retry.max.attempts");
    }
}
