package io.supportsla.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.supportsla.registry.RegistryHttp.Reply;
import io.supportsla.testing.kafka.KafkaBroker;
import io.supportsla.testing.kafka.KafkaBrokers;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Without Kafka the registry answers, quickly and in Confluent's shape, rather than hanging. */
class KafkaOutageIT {

    @Test
    void aWriteWhileKafkaIsDownFailsWithABackendErrorWithinTheWriteTimeoutAndReadsStillWork() {
        KafkaBroker broker = KafkaBrokers.startDedicated();
        try (EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(broker.bootstrapServers(), 0,
                Map.of("schema-registry.kafkastore.write-timeout", "3s"))) {
            RegistryHttp http = new RegistryHttp(registry.url());
            int id = http.register("orders-value", Schemas.CUSTOMER).id();

            broker.close();
            Instant asked = Instant.now();
            Reply refused = http.register("orders-value", Schemas.CUSTOMER_WITH_OPTIONAL_NAME);

            assertThat(Duration.between(asked, Instant.now())).isLessThan(Duration.ofSeconds(15));
            assertThat(refused.status()).isEqualTo(500);
            assertThat(refused.errorCode()).isIn(50001, 50002);
            assertThat(http.get("/schemas/ids/" + id).status()).isEqualTo(200);
            assertThat(http.get("/subjects/orders-value/versions").body()).isEqualTo("[1]");
        }
    }

    @Test
    void startUpFailsWithinTheInitTimeoutNamingTheSettingWhenKafkaIsUnreachable() {
        Instant started = Instant.now();

        assertThatThrownBy(() -> EmbeddedSchemaRegistry.start("localhost:1", 0,
                Map.of("schema-registry.kafkastore.init-timeout", "2s")))
                .satisfies(failure -> assertThat(messagesOf(failure))
                        .contains("schema-registry.kafkastore.init-timeout")
                        .contains("localhost:1"));
        assertThat(Duration.between(started, Instant.now())).isLessThan(Duration.ofSeconds(20));
    }

    private static String messagesOf(Throwable failure) {
        StringBuilder messages = new StringBuilder();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            messages.append(cause.getMessage()).append('\n');
        }
        return messages.toString();
    }
}
