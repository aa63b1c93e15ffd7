package io.supportsla.sla.testing;

import io.supportsla.serde.registry.InMemorySchemaRegistryClient;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.supportsla.calendar.BusinessCalendars;
import io.supportsla.schemas.Topics;
import io.supportsla.schemas.cases.CaseEvent;
import io.supportsla.schemas.sla.SlaEvent;
import io.supportsla.serde.AvroSerdeConfig;
import io.supportsla.serde.KafkaAvroDeserializer;
import io.supportsla.serde.SpecificAvroSerde;
import io.supportsla.sla.streams.CaseEventDecoder;
import io.supportsla.sla.streams.SlaProcessorSettings;
import io.supportsla.sla.streams.SlaProcessorSupplier;
import io.supportsla.sla.streams.SlaTopology;
import io.supportsla.sla.targets.CaseSla;
import io.supportsla.sla.targets.ResponseTargets;
import io.supportsla.sla.targets.SlaPolicy;
import io.supportsla.sla.targets.SlaRules;
import io.supportsla.sla.timers.TimerMetrics;
import io.supportsla.sla.timers.TimerStores;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;

/**
 * The service's topology in a TopologyTestDriver, exactly as the binder wires it (raw bytes in,
 * SlaEvent out through the avro-serde serde, dead letters as bytes), with an in-memory registry,
 * persistent stores, and a virtual wall clock that the test moves.
 */
public final class SlaTopologyFixture implements AutoCloseable {

    public static final String CASE_EVENTS = Topics.CASE_EVENTS.name();
    public static final String SLA_EVENTS = Topics.SLA_EVENTS.name();
    public static final String DEAD_LETTERS = Topics.CASE_EVENTS.deadLetterTopic();

    private final Path stateDir;
    private final TopologyTestDriver driver;
    private final TestInputTopic<byte[], byte[]> caseEvents;
    private final TestOutputTopic<String, SlaEvent> slaEvents;
    private final TestOutputTopic<byte[], byte[]> deadLetters;
    private final SpecificAvroSerde<CaseEvent> caseEventSerde;
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private Instant now;

    public SlaTopologyFixture(Instant wallClockStart) {
        this(wallClockStart, SlaPolicy.defaults());
    }

    public SlaTopologyFixture(Instant wallClockStart, SlaPolicy policy) {
        this(wallClockStart, policy, BusinessCalendars.defaults(), new SlaProcessorSettings(Duration.ofMillis(250), 1_000));
    }

    public SlaTopologyFixture(Instant wallClockStart, SlaPolicy policy, BusinessCalendars calendars,
            SlaProcessorSettings settings) {
        InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
        caseEventSerde = new SpecificAvroSerde<>(registry);
        SpecificAvroSerde<SlaEvent> slaEventSerde = new SpecificAvroSerde<>(registry);
        Supplier<CaseEventDecoder> decoders = () -> new CaseEventDecoder(new KafkaAvroDeserializer(registry,
                Map.of(AvroSerdeConfig.SPECIFIC_AVRO_READER_CONFIG, true), false));
        SlaRules rules = new SlaRules(new ResponseTargets(policy, calendars));
        SlaTopology topology = new SlaTopology(
                new SlaProcessorSupplier(rules, decoders, settings, new TimerMetrics(meters)), DEAD_LETTERS);

        StreamsBuilder builder = new StreamsBuilder();
        topology.apply(builder.stream(CASE_EVENTS, Consumed.with(Serdes.ByteArray(), Serdes.ByteArray())))
                .to(SLA_EVENTS, Produced.with(Serdes.String(), slaEventSerde));

        try {
            Path parent = Files.createDirectories(Path.of("target", "ttd-state"));
            stateDir = Files.createTempDirectory(parent, "sla-ttd-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "sla-service-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        now = wallClockStart;
        driver = new TopologyTestDriver(builder.build(), props, wallClockStart);
        caseEvents = driver.createInputTopic(CASE_EVENTS, new ByteArraySerializer(), new ByteArraySerializer());
        slaEvents = driver.createOutputTopic(SLA_EVENTS, new StringDeserializer(), slaEventSerde.deserializer());
        deadLetters = driver.createOutputTopic(DEAD_LETTERS, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** The event in the wire format, as intake writes it (schema registered in the fixture's registry). */
    public byte[] serialize(CaseEvent event) {
        return caseEventSerde.serializer().serialize(CASE_EVENTS, event);
    }

    /** Publishes a case event as intake does: keyed by case number, timestamped when it occurred. */
    public SlaTopologyFixture send(CaseEvent event) {
        byte[] value = serialize(event);
        caseEvents.pipeInput(new TestRecord<>(event.getCaseNumber().getBytes(StandardCharsets.UTF_8), value, null,
                event.getOccurredAt()));
        return this;
    }

    public SlaTopologyFixture sendRaw(byte[] key, byte[] value) {
        caseEvents.pipeInput(new TestRecord<>(key, value, null, now));
        return this;
    }

    /** Moves the virtual wall clock to {@code instant}; the punctuator runs once if it is due. */
    public SlaTopologyFixture advanceTo(Instant instant) {
        if (instant.isBefore(now)) {
            throw new IllegalArgumentException("the wall clock cannot go back from " + now + " to " + instant);
        }
        driver.advanceWallClockTime(Duration.between(now, instant));
        now = instant;
        return this;
    }

    public SlaTopologyFixture advanceBy(Duration duration) {
        return advanceTo(now.plus(duration));
    }

    public Instant now() {
        return now;
    }

    /** SLA events published since the last call. */
    public List<SlaEvent> events() {
        return slaEvents.readValuesToList();
    }

    public List<TestRecord<String, SlaEvent>> eventRecords() {
        return slaEvents.readRecordsToList();
    }

    public List<TestRecord<byte[], byte[]>> deadLetters() {
        return deadLetters.readRecordsToList();
    }

    public KeyValueStore<String, CaseSla> cases() {
        return driver.getKeyValueStore(TimerStores.CASES);
    }

    public CaseSla caseSla(String caseNumber) {
        return cases().get(caseNumber);
    }

    public SimpleMeterRegistry meters() {
        return meters;
    }

    @Override
    public void close() {
        driver.close();
        deleteRecursively(stateDir);
    }

    private static void deleteRecursively(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // temp directory: leave it
        }
    }
}
