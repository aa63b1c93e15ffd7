package io.supportsla.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.supportsla.serde.registry.SchemaRegistryException;
import io.supportsla.serde.testing.FakeSchemaRegistry;
import io.supportsla.serde.testing.Greeting;
import io.supportsla.serde.testing.TrustedAvroClasses;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The serializer and deserializer against a fake registry: wire format, readers and serializer modes. */
class KafkaAvroSerdeTest {

    private static final String TOPIC = "case-events";
    private static final Schema CASE_OPENED = SchemaBuilder.record("CaseOpened").namespace("io.supportsla.test")
            .fields()
            .requiredString("caseNumber")
            .requiredInt("priority")
            .endRecord();

    private final FakeSchemaRegistry registry = FakeSchemaRegistry.start();

    @AfterEach
    void stopRegistry() {
        registry.close();
    }

    @Test
    void writesMagicByteSchemaIdAndPlainAvroBinary() throws Exception {
        GenericRecord opened = caseOpened("C-1001", 2);

        byte[] bytes = serializer(Map.of()).serialize(TOPIC, opened);

        assertThat(bytes[0]).isEqualTo((byte) 0);
        int id = ByteBuffer.wrap(bytes, 1, 4).getInt();
        assertThat(id).isEqualTo(1);
        assertThat(bytes).endsWith(plainAvro(opened));
        assertThat(registry.requests()).singleElement()
                .satisfies(request -> assertThat(request.path()).isEqualTo("/subjects/case-events-value/versions"));
    }

    @Test
    void genericRecordRoundTripsToAnEqualGenericRecord() {
        GenericRecord opened = caseOpened("C-1001", 2);

        Object read = deserializer(Map.of()).deserialize(TOPIC, serializer(Map.of()).serialize(TOPIC, opened));

        assertThat(read).isInstanceOf(GenericRecord.class).isEqualTo(opened);
    }

    @Test
    void specificRecordRoundTripsToTheGeneratedClassWhenSpecificReaderIsOn() {
        byte[] bytes = serializer(Map.of()).serialize(TOPIC, new Greeting("hello", 3));

        try (var trusted = TrustedAvroClasses.trust(Greeting.class)) {
            Object read = deserializer(Map.of(AvroSerdeConfig.SPECIFIC_AVRO_READER_CONFIG, "true")).deserialize(TOPIC, bytes);

            assertThat(read).isInstanceOf(Greeting.class);
            assertThat(((Greeting) read).text()).isEqualTo("hello");
            assertThat(((Greeting) read).count()).isEqualTo(3);
        }
    }

    @Test
    void specificRecordReadsAsGenericRecordByDefault() {
        byte[] bytes = serializer(Map.of()).serialize(TOPIC, new Greeting("hello", 3));

        Object read = deserializer(Map.of()).deserialize(TOPIC, bytes);

        assertThat(read).isInstanceOf(GenericRecord.class);
        assertThat(((GenericRecord) read).get("text").toString()).isEqualTo("hello");
    }

    @Test
    void primitiveKeysRoundTripUnderTheKeySubject() {
        KafkaAvroSerializer keys = new KafkaAvroSerializer();
        keys.configure(config(Map.of()), true);
        KafkaAvroDeserializer keyReader = new KafkaAvroDeserializer();
        keyReader.configure(config(Map.of()), true);

        Object read = keyReader.deserialize(TOPIC, keys.serialize(TOPIC, "C-1001"));

        assertThat(read).isEqualTo("C-1001");
        assertThat(registry.requests().get(0).path()).isEqualTo("/subjects/case-events-key/versions");
    }

    @Test
    void nullStaysNullBothWays() {
        assertThat(serializer(Map.of()).serialize(TOPIC, null)).isNull();
        assertThat(deserializer(Map.of()).deserialize(TOPIC, null)).isNull();
        assertThat(registry.requestCount()).isZero();
    }

    @Test
    void rejectsARecordWhoseFirstByteIsNotTheMagicByte() {
        byte[] json = "{\"caseNumber\":\"C-1\"}".getBytes();

        assertThatThrownBy(() -> deserializer(Map.of()).deserialize(TOPIC, json))
                .isInstanceOf(InvalidWireFormatException.class)
                .hasMessage("Unknown magic byte 0x7b at offset 0: not Confluent wire format (topic case-events)");
    }

    @Test
    void rejectsARecordTooShortToHoldASchemaId() {
        assertThatThrownBy(() -> deserializer(Map.of()).deserialize(TOPIC, new byte[] {0, 0, 1}))
                .isInstanceOf(InvalidWireFormatException.class)
                .hasMessageContaining("Record of 3 bytes is too short for Confluent wire format")
                .hasMessageContaining("topic case-events");
    }

    @Test
    void namesTheUnknownSchemaIdAndTheRegistry() {
        byte[] record = ByteBuffer.allocate(6).put((byte) 0).putInt(42).put((byte) 2).array();

        assertThatThrownBy(() -> deserializer(Map.of()).deserialize(TOPIC, record))
                .isInstanceOf(SchemaRegistryException.class)
                .hasMessage("Schema id 42 not found in schema registry " + registry.url() + ": 40403 Schema 42 not found")
                .satisfies(e -> assertThat(((SchemaRegistryException) e).errorCode()).isEqualTo(40403));
    }

    @Test
    void explainsAvrosTrustedPackagesWhenTheGeneratedClassIsNotTrusted() {
        byte[] bytes = serializer(Map.of()).serialize(TOPIC, new Greeting("hello", 3));

        assertThatThrownBy(() -> deserializer(Map.of(AvroSerdeConfig.SPECIFIC_AVRO_READER_CONFIG, true)).deserialize(TOPIC, bytes))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("Avro refused to instantiate generated class io.supportsla.serde.testing.Greeting")
                .hasMessageContaining("-Dorg.apache.avro.SERIALIZABLE_PACKAGES=io.supportsla.serde.testing")
                .hasMessageContaining(currentTrustedPackages())
                .hasCauseInstanceOf(SecurityException.class);
    }

    @Test
    void specificReaderNamesTheMissingGeneratedClass() {
        byte[] bytes = serializer(Map.of()).serialize(TOPIC, caseOpened("C-1", 1));

        assertThatThrownBy(() -> deserializer(Map.of(AvroSerdeConfig.SPECIFIC_AVRO_READER_CONFIG, true)).deserialize(TOPIC, bytes))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("no generated class io.supportsla.test.CaseOpened is on the classpath");
    }

    @Test
    void withoutAutoRegisterLooksUpTheAlreadyRegisteredSchema() {
        int id = registry.preRegister("case-events-value", CASE_OPENED);

        byte[] bytes = serializer(Map.of(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, false)).serialize(TOPIC, caseOpened("C-1", 1));

        assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(id);
        assertThat(registry.requests()).singleElement().satisfies(request -> {
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.path()).isEqualTo("/subjects/case-events-value");
        });
    }

    @Test
    void withoutAutoRegisterAnUnregisteredSchemaFailsWithAHint() {
        registry.preRegister("case-events-value", Greeting.SCHEMA$);

        assertThatThrownBy(() -> serializer(Map.of(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, false)).serialize(TOPIC, caseOpened("C-1", 1)))
                .isInstanceOf(SchemaRegistryException.class)
                .hasMessageContaining("is not registered under subject 'case-events-value'")
                .hasMessageContaining("auto.register.schemas=false");
    }

    @Test
    void useLatestVersionWritesWithTheLatestRegisteredSchema() {
        Schema v2 = SchemaBuilder.record("CaseOpened").namespace("io.supportsla.test").fields()
                .requiredString("caseNumber")
                .requiredInt("priority")
                .name("region").type().stringType().stringDefault("EMEA")
                .endRecord();
        registry.preRegister("case-events-value", CASE_OPENED);
        int latestId = registry.preRegister("case-events-value", v2);

        byte[] bytes = serializer(Map.of(AvroSerdeConfig.USE_LATEST_VERSION, true)).serialize(TOPIC, caseOpened("C-1", 1));
        GenericRecord read = (GenericRecord) deserializer(Map.of()).deserialize(TOPIC, bytes);

        assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(latestId);
        assertThat(read.getSchema()).isEqualTo(v2);
        assertThat(read.get("region").toString()).isEqualTo("EMEA");
        assertThat(registry.requests()).noneMatch(request -> request.path().endsWith("/versions") && request.method().equals("POST"));
    }

    private static String currentTrustedPackages() {
        String current = System.getProperty("org.apache.avro.SERIALIZABLE_PACKAGES");
        return "Current value: " + (current == null ? "unset" : "'" + current + "'");
    }

    private GenericRecord caseOpened(String caseNumber, int priority) {
        GenericData.Record record = new GenericData.Record(CASE_OPENED);
        record.put("caseNumber", caseNumber);
        record.put("priority", priority);
        return record;
    }

    private Map<String, Object> config(Map<String, ?> extra) {
        Map<String, Object> config = new HashMap<>(extra);
        config.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG, registry.url());
        return config;
    }

    private KafkaAvroSerializer serializer(Map<String, ?> extra) {
        KafkaAvroSerializer serializer = new KafkaAvroSerializer();
        serializer.configure(config(extra), false);
        return serializer;
    }

    private KafkaAvroDeserializer deserializer(Map<String, ?> extra) {
        KafkaAvroDeserializer deserializer = new KafkaAvroDeserializer();
        deserializer.configure(config(extra), false);
        return deserializer;
    }

    private static byte[] plainAvro(GenericRecord record) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(record.getSchema()).write(record, encoder);
        encoder.flush();
        // and it decodes back with plain Avro
        new GenericDatumReader<GenericRecord>(record.getSchema()).read(null, DecoderFactory.get().binaryDecoder(out.toByteArray(), null));
        return out.toByteArray();
    }
}
