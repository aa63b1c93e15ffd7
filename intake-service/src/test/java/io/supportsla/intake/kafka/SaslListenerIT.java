package io.supportsla.intake.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.supportsla.intake.IntakeApplication;
import io.supportsla.intake.testing.IntakeHttp;
import io.supportsla.intake.testing.IntakeHttp.Reply;
import io.supportsla.intake.testing.Keys;
import io.supportsla.intake.testing.Readiness;
import io.supportsla.registry.EmbeddedSchemaRegistry;
import io.supportsla.schemas.Topics;
import io.supportsla.schemas.cases.CaseCreated;
import io.supportsla.schemas.cases.CaseEvent;
import io.supportsla.serde.KafkaAvroDeserializer;
import io.supportsla.testing.kafka.KafkaBrokers;
import io.supportsla.testing.kafka.SaslKafkaBroker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A cluster whose only listener requires SASL_PLAINTEXT (PLAIN): intake reaches it through Spring
 * Boot's properties alone (producer, the portal topic's consumer, the topic readers, the admin
 * client and the registry's store alike), and a wrong password shows as "not ready" instead of
 * cases that were never published.
 */
class SaslListenerIT {

    private static final String USER = "intake-service";
    private static final String PASSWORD = "sasl-" + UUID.randomUUID();

    private static SaslKafkaBroker broker;
    private static EmbeddedSchemaRegistry registry;

    @BeforeAll
    static void startSecuredCluster() {
        broker = KafkaBrokers.startDedicatedWithSasl(USER, PASSWORD);
        Map<String, String> registrySettings = new HashMap<>();
        broker.clientProperties().forEach((key, value) -> registrySettings.put("spring.kafka.properties." + key, value));
        registry = EmbeddedSchemaRegistry.start(broker.bootstrapServers(), 0, registrySettings);
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
    void withTheRightCredentialsCasesGoInOverHttpAndTheTopicAndAreReadBack() throws Exception {
        try (ConfigurableApplicationContext intake = start(PASSWORD)) {
            IntakeHttp http = http(intake);
            Readiness.awaitReady(http);

            Reply created = http.post("/api/v1/cases", Keys.ACME_HELPDESK, caseRequest());
            assertThat(created.status()).as("%s", created).isEqualTo(201);
            String caseNumber = created.json().get("caseNumber").asString();
            assertThat(http.get("/api/v1/cases/" + caseNumber, Keys.ACME_HELPDESK).status()).isEqualTo(200);

            String submissionId = UUID.randomUUID().toString();
            try (KafkaProducer<String, String> portal = new KafkaProducer<>(clientConfig(), new StringSerializer(), new StringSerializer())) {
                portal.send(new ProducerRecord<>(Topics.PORTAL_CASE_SUBMISSIONS, "sasl", "{\"submissionId\": \"" + submissionId
                        + "\", \"submittedBy\": \"acme-helpdesk\", \"case\": " + caseJson() + "}")).get(30, TimeUnit.SECONDS);
            }

            List<CaseEvent> read = readCaseEvents(events -> events.stream().anyMatch(event -> event.getPayload() instanceof CaseCreated c
                    && submissionId.equals(c.getSubmissionId())));
            assertThat(read).extracting(CaseEvent::getCaseNumber).contains(caseNumber);
        }
    }

    @Test
    void withAWrongPasswordTheServiceIsNotReadyAndCreatesNothing() {
        try (ConfigurableApplicationContext intake = start("wrong-password")) {
            IntakeHttp http = http(intake);

            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(20))
                    .until(() -> http.get("/actuator/health/readiness", null).status() == 503);
            Reply readiness = http.get("/actuator/health/readiness", null);
            assertThat(readiness.json().get("components").get("kafka").get("status").asString()).isEqualTo("DOWN");

            Reply refused = http.post("/api/v1/cases", Keys.ACME_HELPDESK, caseRequest());
            assertThat(refused.status()).as("%s", refused).isEqualTo(503);
        }
    }

    /** intake with nothing but properties pointing it at the secured cluster. */
    private static ConfigurableApplicationContext start(String password) {
        return new SpringApplicationBuilder(IntakeApplication.class)
                .profiles("local", "it")
                .run("--server.port=0", "--spring.main.banner-mode=off",
                        "--spring.kafka.bootstrap-servers=" + broker.bootstrapServers(),
                        "--spring.kafka.security.protocol=SASL_PLAINTEXT",
                        "--spring.kafka.properties.sasl.mechanism=PLAIN",
                        "--spring.kafka.properties.sasl.jaas.config=" + SaslKafkaBroker.jaasConfig(USER, password),
                        "--spring.kafka.properties.schema.registry.url=" + registry.url(),
                        "--intake.kafka.delivery-timeout=3s", "--intake.kafka.request-timeout=2s", "--intake.kafka.max-block=2s",
                        "--intake.idempotency.lease=20s", "--intake.view.consistency-timeout=2s");
    }

    private static IntakeHttp http(ConfigurableApplicationContext intake) {
        return new IntakeHttp(intake.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
    }

    private static List<CaseEvent> readCaseEvents(java.util.function.Predicate<List<CaseEvent>> until) {
        Map<String, Object> config = clientConfig();
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "sasl-it-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put("schema.registry.url", registry.url());
        config.put("specific.avro.reader", true);
        KafkaAvroDeserializer values = new KafkaAvroDeserializer();
        values.configure(config, false);
        List<CaseEvent> read = new ArrayList<>();
        try (KafkaConsumer<String, Object> consumer = new KafkaConsumer<>(config, new StringDeserializer(), values)) {
            consumer.subscribe(List.of(Topics.CASE_EVENTS.name()));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> read.add((CaseEvent) record.value()));
                return until.test(read);
            });
        }
        return read;
    }

    private static Map<String, Object> clientConfig() {
        Map<String, Object> config = new HashMap<>(broker.clientProperties());
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        return config;
    }

    private static Map<String, Object> caseRequest() {
        return Map.of("customerId", "acme", "category", "VIP_USER", "severity", "SEV1", "title", "CEO offline " + UUID.randomUUID(),
                "description", "The CEO cannot connect from the airport");
    }

    private static String caseJson() {
        return "{\"customerId\": \"acme\", \"category\": \"VIP_USER\", \"severity\": \"SEV1\", \"title\": \"From the portal\","
                + " \"description\": \"Submitted over a SASL listener\"}";
    }
}
