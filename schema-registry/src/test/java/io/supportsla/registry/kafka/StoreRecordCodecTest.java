package io.supportsla.registry.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.supportsla.registry.compatibility.CompatibilityLevel;
import io.supportsla.registry.store.StoreRecord;
import io.supportsla.registry.store.StoreRecord.CompatibilityConfigured;
import io.supportsla.registry.store.StoreRecord.SchemaVersion;
import io.supportsla.registry.store.StoreRecord.SchemaVersionRemoved;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The topic must read and write exactly as Confluent's registry does. */
class StoreRecordCodecTest {

    private final StoreRecordCodec codec = new StoreRecordCodec();

    @Test
    void aSchemaVersionIsWrittenInConfluentsFormat() {
        StoreRecordCodec.Encoded encoded = codec.encode(SchemaVersion.avro("orders-value", 3, 7, "\"string\""));

        assertThat(text(encoded.key()))
                .isEqualTo("{\"keytype\":\"SCHEMA\",\"subject\":\"orders-value\",\"version\":3,\"magic\":1}");
        assertThat(text(encoded.value()))
                .isEqualTo("{\"subject\":\"orders-value\",\"version\":3,\"id\":7,\"schema\":\"\\\"string\\\"\",\"deleted\":false}");
    }

    @Test
    void levelsAreWrittenInConfluentsFormatWithANullSubjectForTheGlobalOne() {
        StoreRecordCodec.Encoded global = codec.encode(new CompatibilityConfigured(null, CompatibilityLevel.FULL));
        StoreRecordCodec.Encoded subject = codec.encode(new CompatibilityConfigured("orders-value", CompatibilityLevel.NONE));

        assertThat(text(global.key())).isEqualTo("{\"keytype\":\"CONFIG\",\"subject\":null,\"magic\":0}");
        assertThat(text(global.value())).isEqualTo("{\"compatibilityLevel\":\"FULL\"}");
        assertThat(text(subject.key())).isEqualTo("{\"keytype\":\"CONFIG\",\"subject\":\"orders-value\",\"magic\":0}");
    }

    @Test
    void whatIsWrittenReadsBackAsTheSameRecord() {
        StoreRecord[] records = {
                SchemaVersion.avro("orders-value", 1, 1, "{\"type\":\"int\"}"),
                new SchemaVersionRemoved("orders-value", 1),
                new CompatibilityConfigured(null, CompatibilityLevel.FORWARD_TRANSITIVE),
                new CompatibilityConfigured("orders-value", null)};

        for (StoreRecord record : records) {
            StoreRecordCodec.Encoded encoded = codec.encode(record);
            assertThat(codec.decode(encoded.key(), encoded.value())).contains(record);
        }
    }

    @Test
    void recordsWrittenByConfluentWithMoreFieldsAreRead() {
        byte[] key = bytes("{\"keytype\":\"SCHEMA\",\"subject\":\"payments-value\",\"version\":2,\"magic\":1}");
        byte[] value = bytes("{\"subject\":\"payments-value\",\"version\":2,\"id\":9,\"schemaType\":\"PROTOBUF\","
                + "\"references\":[],\"schema\":\"syntax = \\\"proto3\\\";\",\"deleted\":true,\"metadata\":null}");

        assertThat(codec.decode(key, value)).contains(
                new SchemaVersion("payments-value", 2, 9, "PROTOBUF", "syntax = \"proto3\";", true));
    }

    @Test
    void keyTypesThisRegistryDoesNotUseAreIgnored() {
        assertThat(codec.decode(bytes("{\"keytype\":\"NOOP\",\"magic\":0}"), null)).isEmpty();
        assertThat(codec.decode(bytes("{\"keytype\":\"MODE\",\"subject\":null,\"magic\":0}"),
                bytes("{\"mode\":\"READWRITE\"}"))).isEmpty();
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
