package io.supportsla.escalation.streams;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.supportsla.calendar.BusinessCalendars;
import io.supportsla.escalation.acknowledgement.AcknowledgementLinks;
import io.supportsla.escalation.acknowledgement.AcknowledgementRequest;
import io.supportsla.escalation.acknowledgement.AcknowledgementTokens;
import io.supportsla.escalation.rules.AcknowledgementTimeouts;
import io.supportsla.escalation.rules.RespectiveTimeZone;
import io.supportsla.escalation.testing.Directories;
import io.supportsla.schemas.Topics;
import io.supportsla.schemas.cases.CaseEvent;
import io.supportsla.schemas.escalation.EscalationEvent;
import io.supportsla.schemas.sla.SlaEvent;
import io.supportsla.serde.SpecificAvroSerde;
import io.supportsla.serde.registry.InMemorySchemaRegistryClient;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The escalation topology in a {@link TopologyTestDriver} with a virtual wall clock, the same
 * serdes as in production (Avro with an in-memory registry) and dead letters collected in a list.
 */
final class TopologyHarness implements AutoCloseable {

    static final String LINK_SECRET = "topology-test-secret-at-least-32-bytes-long";
    static final URI BASE_URL = URI.create("https://escalations.example.org");

    final TopologyTestDriver driver;
    final TestInputTopic<String, SlaEvent> slaEvents;
    final TestInputTopic<String, CaseEvent> caseEvents;
    final TestInputTopic<String, AcknowledgementRequest> acknowledgementRequests;
    final TestInputTopic<String, byte[]> rawSlaEvents;
    final TestOutputTopic<String, EscalationEvent> escalationEvents;
    final List<ProducerRecord<byte[], byte[]>> deadLetters = new ArrayList<>();
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final AcknowledgementTokens tokens = new AcknowledgementTokens(LINK_SECRET);

    private final String registryScope = "escalation-topology-" + UUID.randomUUID();
    private Instant now;

    TopologyHarness(Instant wallClock, Path stateDir) {
        this(wallClock, stateDir, AcknowledgementTimeouts.DEFAULTS);
    }

    TopologyHarness(Instant wallClock, Path stateDir, AcknowledgementTimeouts timeouts) {
        Map<String, Object> serdeConfig = Map.of("schema.registry.url", "mock://" + registryScope);
        SpecificAvroSerde<SlaEvent> slaSerde = avroSerde(serdeConfig);
        SpecificAvroSerde<CaseEvent> caseSerde = avroSerde(serdeConfig);
        SpecificAvroSerde<EscalationEvent> escalationSerde = avroSerde(serdeConfig);
        AcknowledgementRequestSerde requestSerde = new AcknowledgementRequestSerde();

        EscalationTopology topology = new EscalationTopology(Directories.processGuide(), timeouts,
                new RespectiveTimeZone(BusinessCalendars.defaults().localBusinessHours()),
                new EscalationEvents(new AcknowledgementLinks(BASE_URL, tokens, Duration.ofDays(1))),
                new EscalationMetrics(meters), Duration.ofSeconds(1));

        StreamsBuilder builder = new StreamsBuilder();
        EscalationStores.all().forEach(builder::addStateStore);
        KStream<String, SlaEvent> sla = builder.stream(Topics.SLA_EVENTS.name(), Consumed.with(Serdes.String(), slaSerde));
        KStream<String, CaseEvent> cases = builder.stream(Topics.CASE_EVENTS.name(), Consumed.with(Serdes.String(), caseSerde));
        KStream<String, AcknowledgementRequest> requests = builder.stream(EscalationBindings.ACKNOWLEDGEMENT_REQUESTS_TOPIC,
                Consumed.with(Serdes.String(), requestSerde));
        topology.escalate(sla, cases, requests)
                .to(Topics.ESCALATION_EVENTS.name(), Produced.with(Serdes.String(), escalationSerde));

        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "escalation-service");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterExceptionHandler.class.getName());
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterExceptionHandler.class.getName());
        props.put(DeadLetterExceptionHandler.SINK_CONFIG, (DeadLetterSink) deadLetters::add);
        driver = new TopologyTestDriver(builder.build(), props, wallClock);
        now = wallClock;

        slaEvents = driver.createInputTopic(Topics.SLA_EVENTS.name(), new StringSerializer(), slaSerde.serializer());
        caseEvents = driver.createInputTopic(Topics.CASE_EVENTS.name(), new StringSerializer(), caseSerde.serializer());
        acknowledgementRequests = driver.createInputTopic(EscalationBindings.ACKNOWLEDGEMENT_REQUESTS_TOPIC,
                new StringSerializer(), requestSerde.serializer());
        rawSlaEvents = driver.createInputTopic(Topics.SLA_EVENTS.name(), new StringSerializer(), new ByteArraySerializer());
        escalationEvents = driver.createOutputTopic(Topics.ESCALATION_EVENTS.name(), new StringDeserializer(),
                escalationSerde.deserializer());
    }

    /** The virtual wall clock. */
    Instant now() {
        return now;
    }

    /** Moves the virtual wall clock, firing the punctuator as Kafka Streams would. */
    void advance(Duration duration) {
        now = now.plus(duration);
        driver.advanceWallClockTime(duration);
    }

    /** Every escalation event published since the last call. */
    List<EscalationEvent> published() {
        return escalationEvents.readValuesToList();
    }

    KeyValueStore<String, String> dueTimersStore() {
        return driver.getKeyValueStore(EscalationStores.DUE_TIMERS);
    }

    private static <T extends SpecificRecord> SpecificAvroSerde<T> avroSerde(Map<String, Object> config) {
        SpecificAvroSerde<T> serde = new SpecificAvroSerde<>();
        serde.configure(config, false);
        return serde;
    }

    @Override
    public void close() {
        driver.close();
        InMemorySchemaRegistryClient.dropScope(registryScope);
    }
}
