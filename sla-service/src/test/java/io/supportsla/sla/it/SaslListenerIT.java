package io.supportsla.sla.it;

import static io.supportsla.sla.testing.SlaEventAssertions.describe;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.supportsla.registry.EmbeddedSchemaRegistry;
import io.supportsla.schemas.Topics;
import io.supportsla.schemas.common.Region;
import io.supportsla.schemas.common.Severity;
import io.supportsla.sla.testing.CaseEvents;
import io.supportsla.sla.testing.CaseEventsProducer;
import io.supportsla.sla.testing.SlaEventsCollector;
import io.supportsla.sla.testing.SlaServiceInstance;
import io.supportsla.testing.kafka.KafkaBrokers;
import io.supportsla.testing.kafka.SaslKafkaBroker;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A cluster whose only listener requires SASL_PLAINTEXT (PLAIN): the Kafka Streams service reaches
 * it through properties alone (the Streams binder's {@code configuration.*} and Spring Boot's
 * {@code spring.kafka.*}), creates its topics, times a case and publishes; a wrong password keeps
 * it from ever reporting ready.
 */
class SaslListenerIT {

    private static final String USER = "sla-service";
    private static final String PASSWORD = "sasl-" + UUID.randomUUID();

    private static SaslKafkaBroker broker;
    private static EmbeddedSchemaRegistry registry;

    @BeforeAll
    static void startSecuredCluster() {
        broker = KafkaBrokers.startDedicatedWithSasl(USER, PASSWORD);
        Map<String, String> registrySettings = new HashMap<>();
        broker.clientProperties().forEach((key, value) -> registrySettings.put("spring.kafka.properties." + key, value));
        registry = EmbeddedSchemaRegistry.start(broker.bootstrapServers(), 0, registrySettings);
        broker.createTopic(Topics.CASE_EVENTS.name(), 2);
    }

    @AfterAll
    static void stopSecuredCluster() {
        if (registry != null) {
            registry.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void withTheRightCredentialsACaseIsTimedAndItsEventsPublished() {
        String caseNumber = "C-0007-0001";
        try (SlaServiceInstance sla = SlaServiceInstance.start(settings(PASSWORD));
                CaseEventsProducer intake = new CaseEventsProducer(broker.bootstrapServers(), registry.url(),
                        Topics.CASE_EVENTS.name(), broker.clientProperties());
                SlaEventsCollector analytics = new SlaEventsCollector(broker.bootstrapServers(), registry.url(),
                        Topics.SLA_EVENTS.name(), broker.clientProperties())) {
            await().atMost(Duration.ofSeconds(60)).until(() -> sla.get("/actuator/health/readiness").statusCode() == 200);

            intake.send(CaseEvents.created(caseNumber, Severity.SEV1, Region.EMEA, Instant.now()));

            await().atMost(Duration.ofSeconds(60)).until(() -> !analytics.eventsOf(caseNumber).isEmpty());
            assertThat(describe(analytics.eventsOf(caseNumber)).get(0)).startsWith("started RESPONSE CASE_CREATED");
            assertThat(sla.get("/api/v1/sla/cases/" + caseNumber).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void withAWrongPasswordTheServiceNeverReportsReady() {
        try (SlaServiceInstance sla = SlaServiceInstance.start(settings("wrong-password"))) {
            await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(20))
                    .until(() -> sla.get("/actuator/health/readiness").statusCode() == 503);
            // The Kafka Streams client failed on the authentication error: readiness says so.
            assertThat(sla.get("/actuator/health/readiness").body()).contains("\"slaStreams\":{", "\"ERROR\"", "\"status\":\"DOWN\"");
            assertThat(sla.isRunning()).isFalse();
        }
    }

    /** Nothing but properties: where the cluster is and how to log in, for Boot's clients and for Kafka Streams. */
    private static Map<String, String> settings(String password) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("spring.kafka.bootstrap-servers", broker.bootstrapServers());
        settings.put("spring.cloud.stream.kafka.binder.brokers", broker.bootstrapServers());
        settings.put("spring.cloud.stream.kafka.streams.binder.brokers", broker.bootstrapServers());
        settings.put("spring.kafka.security.protocol", "SASL_PLAINTEXT");
        settings.put("spring.kafka.properties.sasl.mechanism", "PLAIN");
        settings.put("spring.kafka.properties.sasl.jaas.config", SaslKafkaBroker.jaasConfig(USER, password));
        String streams = "spring.cloud.stream.kafka.streams.binder.configuration.";
        settings.put(streams + "security.protocol", "SASL_PLAINTEXT");
        settings.put(streams + "sasl.mechanism", "PLAIN");
        settings.put(streams + "sasl.jaas.config", SaslKafkaBroker.jaasConfig(USER, password));
        settings.put(streams + "schema.registry.url", registry.url());
        settings.put("spring.cloud.stream.kafka.streams.binder.functions.slaTimers.application-id", "sla-service-sasl-" + UUID.randomUUID());
        return settings;
    }
}
