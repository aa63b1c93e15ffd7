package io.supportsla.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.supportsla.registry.EmbeddedSchemaRegistry;
import io.supportsla.schemas.cases.CaseEvent;
import io.supportsla.schemas.cases.CaseResponded;
import io.supportsla.schemas.common.Actor;
import io.supportsla.schemas.common.ActorRole;
import io.supportsla.serde.registry.SchemaRegistryException;
import io.supportsla.testing.kafka.KafkaBroker;
import io.supportsla.testing.kafka.WithKafkaBroker;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The serde against a real broker and the project's real schema registry: the bytes on the topic
 * are Confluent wire format that plain Avro and the registry's REST API agree on, generated classes
 * come back, unknown ids fail clearly, and Kafka Streams uses the serde by class name.
 */
@WithKafkaBroker
class KafkaAvroSerdeIT {

    private static final Schema CASE_NOTE = SchemaBuilder.record("CaseNote").namespace("io.supportsla.serde.it")
            .fields()
            .requiredString("caseNumber")
            .requiredLong("writtenAtMillis")
            .name("text").type().nullable().stringType().noDefault()
            .endRecord();

    private static EmbeddedSchemaRegistry registry;
    private static KafkaBroker broker;

    @BeforeAll
    static void startRegistry(KafkaBroker kafka) {
        broker = kafka;
        registry = EmbeddedSchemaRegistry.start(kafka.bootstrapServers(), 0);
    }

    @AfterAll
    static void stopRegistry() {
        if (registry != null) {
            registry.close();
        }
    }

    @Test
    void producesConfluentWireFormatThatTheRegistryAndPlainAvroAgreeOn() throws Exception {
        String topic = newTopic("wire");
        GenericRecord note = new GenericData.Record(CASE_NOTE);
        note.put("caseNumber", "C-1001");
        note.put("writtenAtMillis", 1_700_000_000_000L);
        note.put("text", "Customer confirmed the workaround");

        try (KafkaProducer<String, Object> producer = new KafkaProducer<>(producerConfig())) {
            producer.send(new ProducerRecord<>(topic, "C-1001", note)).get();
        }
        byte[] bytes = KafkaAvroSerdeIT.<byte[]>consumeOne(topic, ByteArrayDeserializer.class, Map.of()).value();

        assertThat(bytes[0]).as("magic byte").isEqualTo((byte) 0);
        int schemaId = ByteBuffer.wrap(bytes, 1, 4).getInt();
        Schema registered = schemaFromRegistryRestApi(schemaId);
        assertThat(SchemaNormalization.toParsingForm(registered)).isEqualTo(SchemaNormalization.toParsingForm(CASE_NOTE));
        GenericRecord decoded = new GenericDatumReader<GenericRecord>(registered)
                .read(null, DecoderFactory.get().binaryDecoder(Arrays.copyOfRange(bytes, 5, bytes.length), null));
        assertThat(decoded).isEqualTo(note);
    }

    @Test
    void generatedClassesComeBackWithTheSpecificReader() throws Exception {
        String topic = newTopic("specific");
        CaseEvent responded = caseResponded("C-2002", "We are looking into it");

        try (KafkaProducer<String, Object> producer = new KafkaProducer<>(producerConfig())) {
            producer.send(new ProducerRecord<>(topic, "C-2002", responded)).get();
        }
        Object value = consumeOne(topic, KafkaAvroDeserializer.class, Map.of(
                AvroSerdeConfig.SPECIFIC_AVRO_READER_CONFIG, "true")).value();

        assertThat(value).isInstanceOf(CaseEvent.class).isEqualTo(responded);
        assertThat(((CaseEvent) value).getPayload()).isInstanceOf(CaseResponded.class);
    }

    @Test
    void aRecordWithAnIdTheRegistryDoesNotKnowFailsNamingIdAndRegistry() throws Exception {
        String topic = newTopic("unknown-id");
        byte[] handBuilt = ByteBuffer.allocate(8).put((byte) 0).putInt(99_999).put((byte) 2).put((byte) 'x').put((byte) 0).array();
        Map<String, Object> rawProducer = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(rawProducer)) {
            producer.send(new ProducerRecord<>(topic, "C-3003", handBuilt)).get();
        }

        try (KafkaConsumer<String, Object> consumer = new KafkaConsumer<>(consumerConfig(KafkaAvroDeserializer.class, Map.of()))) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThatThrownBy(() -> consumer.poll(Duration.ofMillis(200)))
                            .isInstanceOf(RecordDeserializationException.class)
                            .cause()
                            .isInstanceOf(SchemaRegistryException.class)
                            .hasMessageStartingWith("Schema id 99999 not found in schema registry " + registry.url() + ": 40403")
                            .satisfies(e -> assertThat(((SchemaRegistryException) e).errorCode())
                                    .isEqualTo(SchemaRegistryException.SCHEMA_NOT_FOUND)));
        }
    }

    @Test
    void kafkaStreamsReadsAndWritesGeneratedClassesWithTheSerdeByClassName(@TempDir Path stateDir) throws Exception {
        String input = newTopic("streams-in");
        String output = newTopic("streams-out");
        StreamsBuilder builder = new StreamsBuilder();
        // No serdes here: both come from the default.*.serde settings below, instantiated by class name.
        builder.<String, CaseEvent>stream(input)
                .filter((caseNumber, event) -> event.getPayload() instanceof CaseResponded)
                .mapValues(event -> CaseEvent.newBuilder(event).setCausationEventId(event.getEventId())
                        .setEventId("derived-" + event.getEventId()).build())
                .to(output);
        Map<String, Object> streamsConfig = new HashMap<>();
        streamsConfig.put(StreamsConfig.APPLICATION_ID_CONFIG, "serde-it-" + UUID.randomUUID());
        streamsConfig.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        streamsConfig.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        streamsConfig.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.StringSerde.class);
        streamsConfig.put(StreamsConfig.DEFAULT_VALUE_SERDE_CLASS_CONFIG, SpecificAvroSerde.class);
        streamsConfig.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG, registry.url());
        streamsConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        CaseEvent responded = caseResponded("C-4004", "Fixed in 4.2.1");

        try (KafkaStreams streams = new KafkaStreams(builder.build(), new StreamsConfig(streamsConfig));
                KafkaProducer<String, Object> producer = new KafkaProducer<>(producerConfig())) {
            streams.start();
            producer.send(new ProducerRecord<>(input, "C-4004", responded)).get();
            CaseEvent derived = (CaseEvent) consumeOne(output, KafkaAvroDeserializer.class,
                    Map.of(AvroSerdeConfig.SPECIFIC_AVRO_READER_CONFIG, true)).value();

            assertThat(derived.getEventId()).isEqualTo("derived-" + responded.getEventId());
            assertThat(derived.getCausationEventId()).isEqualTo(responded.getEventId());
            assertThat(derived.getPayload()).isEqualTo(responded.getPayload());
            assertThat(latestSchemaOf(output + "-value")).isEqualTo(SchemaNormalization.toParsingForm(CaseEvent.getClassSchema()));
        }
    }

    private static CaseEvent caseResponded(String caseNumber, String message) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return CaseEvent.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOccurredAt(now)
                .setCaseNumber(caseNumber)
                .setCausationEventId(null)
                .setPayload(CaseResponded.newBuilder()
                        .setRespondedAt(now)
                        .setConsultant(Actor.newBuilder()
                                .setPrincipal("consultant-17")
                                .setOrganisation("support")
                                .setRole(ActorRole.CONSULTANT)
                                .build())
                        .setFirstResponse(true)
                        .setMessage(message)
                        .build())
                .build();
    }

    private static String newTopic(String purpose) {
        String topic = "serde-it-" + purpose + "-" + UUID.randomUUID();
        broker.createTopic(topic, 1);
        return topic;
    }

    private static Map<String, Object> producerConfig() {
        return Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                // By class name, as Spring Cloud Stream's native encoding and plain producers configure it.
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, KafkaAvroSerializer.class.getName(),
                AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG, registry.url());
    }

    private static Map<String, Object> consumerConfig(Class<?> valueDeserializer, Map<String, Object> extra) {
        Map<String, Object> config = new HashMap<>(extra);
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "serde-it-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, valueDeserializer);
        config.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG, registry.url());
        return config;
    }

    private static <V> ConsumerRecord<String, V> consumeOne(String topic, Class<?> valueDeserializer, Map<String, Object> extra) {
        List<ConsumerRecord<String, V>> received = new ArrayList<>();
        try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(consumerConfig(valueDeserializer, extra))) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(received::add);
                return !received.isEmpty();
            });
        }
        assertThat(received).hasSize(1);
        return received.get(0);
    }

    /** {@code GET /schemas/ids/{id}} over plain HTTP, as any non-Java consumer would. */
    private static Schema schemaFromRegistryRestApi(int id) throws Exception {
        JsonNode answer = getJson("/schemas/ids/" + id);
        return new Schema.Parser().parse(answer.get("schema").asText());
    }

    private static String latestSchemaOf(String subject) throws Exception {
        JsonNode answer = getJson("/subjects/" + subject + "/versions/latest");
        return SchemaNormalization.toParsingForm(new Schema.Parser().parse(answer.get("schema").asText()));
    }

    private static JsonNode getJson(String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(registry.url() + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
        return new ObjectMapper().readTree(response.body());
    }
}
