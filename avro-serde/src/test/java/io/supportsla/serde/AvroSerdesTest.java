package io.supportsla.serde;

import static org.assertj.core.api.Assertions.assertThat;

import io.supportsla.serde.registry.CachedSchemaRegistryClient;
import io.supportsla.serde.testing.FakeSchemaRegistry;
import io.supportsla.serde.testing.Greeting;
import io.supportsla.serde.testing.TrustedAvroClasses;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Kafka Streams serdes: each fixes the reader kind whatever the configuration says. */
class AvroSerdesTest {

    private final FakeSchemaRegistry registry = FakeSchemaRegistry.start();

    @AfterEach
    void stopRegistry() {
        registry.close();
    }

    @Test
    void specificSerdeReadsGeneratedClassesEvenWhenConfiguredOtherwise() {
        SpecificAvroSerde<Greeting> serde = new SpecificAvroSerde<>();
        serde.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG, registry.url(),
                AvroSerdeConfig.SPECIFIC_AVRO_READER_CONFIG, false), false);

        try (var trusted = TrustedAvroClasses.trust(Greeting.class)) {
            Greeting read = serde.deserializer().deserialize("greetings", serde.serializer().serialize("greetings", new Greeting("hi", 1)));

            assertThat(read.text()).isEqualTo("hi");
        }
    }

    @Test
    void genericSerdeReadsGenericRecordsEvenWhenConfiguredOtherwise() {
        GenericAvroSerde serde = new GenericAvroSerde();
        serde.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG, registry.url(),
                AvroSerdeConfig.SPECIFIC_AVRO_READER_CONFIG, true), false);

        GenericRecord read = serde.deserializer().deserialize("greetings", serde.serializer().serialize("greetings", new Greeting("hi", 1)));

        assertThat(read).isNotInstanceOf(Greeting.class);
        assertThat(read.get("count")).isEqualTo(1);
    }

    @Test
    void serdeBuiltWithAClientNeedsNoConfiguration() {
        GenericAvroSerde serde = new GenericAvroSerde(CachedSchemaRegistryClient.forUrls(registry.url()));

        GenericRecord read = serde.deserializer().deserialize("greetings", serde.serializer().serialize("greetings", new Greeting("hi", 2)));

        assertThat(read.get("count")).isEqualTo(2);
        assertThat(registry.requests().get(0).path()).isEqualTo("/subjects/greetings-value/versions");
    }
}
