package io.supportsla.sla.it;

import static io.supportsla.sla.testing.SlaEventAssertions.describe;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.supportsla.registry.EmbeddedSchemaRegistry;
import io.supportsla.schemas.Topics;
import io.supportsla.schemas.common.Region;
import io.supportsla.schemas.common.Severity;
import io.supportsla.schemas.sla.SlaBreached;
import io.supportsla.schemas.sla.SlaEvent;
import io.supportsla.schemas.sla.SlaTimerStarted;
import io.supportsla.sla.streams.UndecodableCaseEventException;
import io.supportsla.sla.testing.CaseEvents;
import io.supportsla.sla.testing.CaseEventsProducer;
import io.supportsla.sla.testing.SlaEventsCollector;
import io.supportsla.sla.testing.SlaServiceInstance;
import io.supportsla.testing.kafka.KafkaBroker;
import io.supportsla.testing.kafka.WithKafkaBroker;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One sla-service against a real Kafka broker and the real schema registry: a case with a short
 * configured target breaches exactly once, also across a stop before and a start after its
 * deadline; bad records reach the dead-letter topic; the query API answers.
 */
@WithKafkaBroker
class SlaServiceIT {

    /** The SEV1 target of the shared instance: short, so the test is quick. */
    private static final Duration SHORT_SEV1_TARGET = Duration.ofSeconds(6);
    /** The SEV1 target of the restart test: long enough that the service can be stopped before it runs out. */
    private static final Duration SEV1_TARGET = Duration.ofSeconds(15);

    private static EmbeddedSchemaRegistry registry;
    private static KafkaBroker broker;
    /** Closed after each test, instances first. */
    private static final List<AutoCloseable> resources = new CopyOnWriteArrayList<>();
    /** Closed after all tests: the instance the tests that need no restart share. */
    private static final List<AutoCloseable> sharedResources = new CopyOnWriteArrayList<>();
    private static Setup shared;
    private static SlaServiceInstance sharedService;

    @BeforeAll
    static void startRegistryAndSharedService(KafkaBroker kafka) {
        broker = kafka;
        registry = EmbeddedSchemaRegistry.start(kafka.bootstrapServers(), 0);
        shared = new Setup("shared", sharedResources, SHORT_SEV1_TARGET);
        sharedService = shared.startInstance();
    }

    @AfterAll
    static void stopSharedServiceAndRegistry() throws Exception {
        closeAll(sharedResources);
        if (registry != null) {
            registry.close();
        }
    }

    @AfterEach
    void closeResources() throws Exception {
        closeAll(resources);
    }

    private static void closeAll(List<AutoCloseable> closeables) throws Exception {
        for (AutoCloseable closeable : closeables) {
            closeable.close();
        }
        closeables.clear();
    }

    @Test
    void breachesExactlyOnceWhenNoResponseBeforeDeadline() {
        Setup setup = shared;
        SlaServiceInstance service = sharedService;
        String caseNumber = "IT-" + UUID.randomUUID();

        setup.producer.send(CaseEvents.created(caseNumber, Severity.SEV1, Region.EMEA, Instant.now()));

        await().atMost(Duration.ofSeconds(60)).until(() -> breaches(setup.events.eventsOf(caseNumber)) == 1);
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                .until(() -> breaches(setup.events.eventsOf(caseNumber)) == 1);
        assertThat(describe(setup.events.eventsOf(caseNumber)))
                .startsWith("started RESPONSE CASE_CREATED until " + deadlineOf(setup.events.eventsOf(caseNumber)))
                .containsSubsequence("warning 50%", "warning 75%", "warning 90%", "breached RESPONSE")
                .hasSize(5);

        HttpResponse<String> caseView = service.get("/api/v1/sla/cases/" + caseNumber);
        assertThat(caseView.statusCode()).isEqualTo(200);
        assertThat(caseView.body()).contains("\"caseNumber\":\"" + caseNumber + "\"", "\"status\":\"BREACHED\"",
                "\"state\":\"AWAITING_RESPONSE\"");
    }

    @Test
    void breachesExactlyOnceWhenStoppedBeforeTheDeadlineAndStartedAfterIt() {
        Setup setup = new Setup("restart", resources, SEV1_TARGET);
        SlaServiceInstance first = setup.startInstance();
        String caseNumber = "IT-" + UUID.randomUUID();

        setup.producer.send(CaseEvents.created(caseNumber, Severity.SEV1, Region.EMEA, Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> !setup.events.eventsOf(caseNumber).isEmpty());
        Instant deadline = Instant.parse(deadlineOf(setup.events.eventsOf(caseNumber)));
        first.close();
        Instant stoppedAt = Instant.now();
        assertThat(stoppedAt).as("the service stopped before the deadline").isBefore(deadline);

        await().atMost(SEV1_TARGET.plusSeconds(10)).until(() -> Instant.now().isAfter(deadline.plusSeconds(1)));
        assertThat(breaches(setup.events.eventsOf(caseNumber))).as("nothing fires while the service is down").isZero();
        setup.startInstance();

        await().atMost(Duration.ofSeconds(60)).until(() -> breaches(setup.events.eventsOf(caseNumber)) == 1);
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                .until(() -> breaches(setup.events.eventsOf(caseNumber)) == 1);
        SlaEvent breach = setup.events.eventsOf(caseNumber).stream()
                .filter(e -> e.getPayload() instanceof SlaBreached).findFirst().orElseThrow();
        assertThat(((SlaBreached) breach.getPayload()).getBreachedAt()).isAfter(deadline);
        assertThat(describe(setup.events.eventsOf(caseNumber))).as("warnings superseded by the late breach are not sent")
                .doesNotContain("warning 90%");
    }

    @Test
    void poisonRecordsOfEveryKindGoToTheDeadLetterTopicAndTheNextRecordIsProcessed() {
        Setup setup = shared;
        String caseNumber = "IT-" + UUID.randomUUID();
        byte[] key = caseNumber.getBytes(StandardCharsets.UTF_8);
        byte[] notWireFormat = "{\"json\":true}".getBytes(StandardCharsets.UTF_8);
        byte[] unknownSchemaId = {0, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff, 2, 'x'};
        byte[] emptyCaseNumber = setup.producer.serialize(CaseEvents.created("", Severity.SEV2, Region.EMEA, Instant.now()));

        // All on one partition, in this order: the good record comes after every poison record.
        setup.producer.sendRaw(0, key, notWireFormat);
        setup.producer.sendRaw(0, key, unknownSchemaId);
        setup.producer.sendRaw(0, new byte[0], emptyCaseNumber);
        setup.producer.send(0, CaseEvents.created(caseNumber, Severity.SEV2, Region.EMEA, Instant.now()));

        await().atMost(Duration.ofSeconds(30)).until(() -> !setup.events.eventsOf(caseNumber).isEmpty());
        List<ConsumerRecord<byte[], byte[]>> letters = readAll(Topics.deadLetterTopic(setup.caseEventsTopic), 3);
        assertThat(letters).extracting(ConsumerRecord::value).containsExactly(notWireFormat, unknownSchemaId, emptyCaseNumber);
        assertThat(letters).extracting(letter -> header(letter, "kafka_dlt-exception-message")).satisfiesExactly(
                message -> assertThat(message).contains("not a readable Avro record"),
                message -> assertThat(message).startsWith("the record's schema is unknown to the registry").contains("40403"),
                message -> assertThat(message).isEqualTo("record has no key (expected the case number)"));
        assertThat(letters).allSatisfy(letter -> {
            assertThat(header(letter, "kafka_dlt-original-topic")).isEqualTo(setup.caseEventsTopic);
            assertThat(header(letter, "kafka_dlt-exception-fqcn")).isEqualTo(UndecodableCaseEventException.class.getName());
            assertThat(header(letter, "kafka_dlt-original-consumer-group")).isEqualTo(setup.applicationId);
        });
    }

    @Test
    void unknownCaseIsA404Problem() {
        SlaServiceInstance service = sharedService;

        HttpResponse<String> answer = service.get("/api/v1/sla/cases/NO-SUCH-CASE");

        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(answer.body()).contains("\"status\":404", "NO-SUCH-CASE");
        HttpResponse<String> health = service.get("/actuator/health/readiness");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(service.get("/actuator/prometheus").body()).contains("sla_timers_pending");
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static long breaches(List<SlaEvent> events) {
        return events.stream().filter(event -> event.getPayload() instanceof SlaBreached).count();
    }

    private static String deadlineOf(List<SlaEvent> events) {
        return ((SlaTimerStarted) events.get(0).getPayload()).getTarget().getDeadline().toString();
    }

    private static List<ConsumerRecord<byte[], byte[]>> readAll(String topic, int expected) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "it-dlq-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<ConsumerRecord<byte[], byte[]>> records = new CopyOnWriteArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return records.size() >= expected;
            });
        }
        return records;
    }

    /** Topics, registry client, producer and collector of one test, isolated from the others by name. */
    private static final class Setup {
        final String caseEventsTopic;
        final String slaEventsTopic;
        final String applicationId;
        final CaseEventsProducer producer;
        final SlaEventsCollector events;

        private final List<AutoCloseable> owner;
        private final Duration sev1Target;

        Setup(String name, List<AutoCloseable> owner, Duration sev1Target) {
            this.owner = owner;
            this.sev1Target = sev1Target;
            String suffix = name + "-" + UUID.randomUUID().toString().substring(0, 8);
            caseEventsTopic = "it." + suffix + ".case-events";
            slaEventsTopic = "it." + suffix + ".sla-events";
            applicationId = "sla-service-it-" + suffix;
            broker.createTopic(caseEventsTopic, 3);
            broker.createTopic(slaEventsTopic, 3);
            broker.createTopic(Topics.deadLetterTopic(caseEventsTopic), 1);
            producer = new CaseEventsProducer(broker.bootstrapServers(), registry.url(), caseEventsTopic);
            events = new SlaEventsCollector(broker.bootstrapServers(), registry.url(), slaEventsTopic);
            owner.add(events);
            owner.add(producer);
        }

        SlaServiceInstance startInstance() {
            SlaServiceInstance instance = SlaServiceInstance.start(Map.of(
                    "spring.cloud.stream.bindings.slaTimers-in-0.destination", caseEventsTopic,
                    "spring.cloud.stream.bindings.slaTimers-out-0.destination", slaEventsTopic,
                    "spring.cloud.stream.kafka.streams.binder.functions.slaTimers.application-id", applicationId,
                    "spring.cloud.stream.kafka.streams.binder.configuration.schema.registry.url", registry.url(),
                    // A restarted instance gets its partitions once the group drops the stopped member.
                    "spring.cloud.stream.kafka.streams.binder.configuration.session.timeout.ms", "6000",
                    "spring.cloud.stream.kafka.streams.binder.configuration.heartbeat.interval.ms", "1500",
                    "support.sla.targets.sev1-case-only", sev1Target.toString(),
                    "support.sla.timers.punctuation-interval", "100ms"));
            owner.add(0, instance);
            await().atMost(Duration.ofSeconds(60)).until(instance::isRunning);
            return instance;
        }
    }
}
