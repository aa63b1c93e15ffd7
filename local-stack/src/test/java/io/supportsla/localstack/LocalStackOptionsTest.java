package io.supportsla.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

class LocalStackOptionsTest {

    @Test
    void commandLineDefaultsAreTheDocumentedPortsEveryServiceAndTheLocalProfile() {
        LocalStackOptions options = LocalStackOptions.parse(new String[0], Map.of());

        assertThat(options.dataDirectory()).isEqualTo(Path.of("data"));
        assertThat(options.kafkaPort()).isEqualTo(9092);
        assertThat(options.registryPort()).isEqualTo(8081);
        assertThat(options.smtpPort()).isEqualTo(2525);
        assertThat(options.mailWebPort()).isEqualTo(8025);
        assertThat(options.pagerPort()).isEqualTo(8086);
        assertThat(options.servicePort(PlatformService.INTAKE)).isEqualTo(8080);
        assertThat(options.servicePort(PlatformService.NOTIFICATION)).isEqualTo(8084);
        assertThat(options.services()).containsExactly(PlatformService.values());
        assertThat(options.profiles()).containsExactly("local");
        assertThat(options.externalKafka()).isEmpty();
    }

    @Test
    void flagsAndEnvironmentVariablesChooseDemoDataAndExternalParts() {
        LocalStackOptions options = LocalStackOptions.parse(new String[] {"--demo", "--clean", "--data-dir=/tmp/x"},
                Map.of("KAFKA_BOOTSTRAP_SERVERS", "kafka:9092", "SCHEMA_REGISTRY_URL", "http://registry:8081",
                        "SPRING_MAIL_HOST", "mail", "SPRING_MAIL_PORT", "1025", "PAGER_URL", "https://events.pagerduty.com"));

        assertThat(options.demo()).isTrue();
        assertThat(options.clean()).isTrue();
        assertThat(options.dataDirectory()).isEqualTo(Path.of("/tmp/x"));
        assertThat(options.profiles()).containsExactly("local", "demo");
        assertThat(options.externalKafka()).contains("kafka:9092");
        assertThat(options.externalRegistry()).contains("http://registry:8081");
        assertThat(options.externalMailHost()).contains("mail");
        assertThat(options.externalMailPort()).isEqualTo(1025);
        assertThat(options.externalPager()).contains("https://events.pagerduty.com");
    }

    @Test
    void unknownFlagIsRefusedNamingTheOnesThereAre() {
        assertThatThrownBy(() -> LocalStackOptions.parse(new String[] {"--fast"}, Map.of()))
                .hasMessageContaining("'--fast'").hasMessageContaining("--demo");
    }

    @Test
    void builderGivesFreePortsAndPerServiceSettingsAfterTheCommonOnes() {
        LocalStackOptions options = LocalStackOptions.builder()
                .freePorts()
                .services(PlatformService.CORE)
                .setting("logging.level.root", "WARN")
                .setting("support.sla.targets.sev1-case-only", "1h")
                .setting(PlatformService.SLA, "support.sla.targets.sev1-case-only", "45s")
                .build();

        assertThat(options.kafkaPort()).isZero();
        assertThat(options.servicePort(PlatformService.SLA)).isZero();
        assertThat(options.services()).containsExactlyElementsOf(PlatformService.CORE);
        assertThat(options.settingsFor(PlatformService.SLA))
                .containsEntry("logging.level.root", "WARN")
                .containsEntry("support.sla.targets.sev1-case-only", "45s");
        assertThat(options.settingsFor(PlatformService.INTAKE))
                .containsEntry("support.sla.targets.sev1-case-only", "1h");
    }
}
