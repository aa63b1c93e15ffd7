package io.supportsla.serde;

import io.supportsla.serde.registry.SchemaRegistryClient;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Serde for generated Avro classes in the Confluent wire format, for Kafka Streams: a drop-in for
 * {@code io.confluent.kafka.streams.serdes.avro.SpecificAvroSerde}. Configure it with the
 * {@link AvroSerdeConfig} keys; {@code specific.avro.reader} is always true.
 */
public class SpecificAvroSerde<T extends SpecificRecord> implements Serde<T> {

    private final KafkaAvroSerializer serializer;
    private final KafkaAvroDeserializer deserializer;

    /** For Kafka Streams to instantiate by class name; {@link #configure} must be called before use. */
    public SpecificAvroSerde() {
        this(new KafkaAvroSerializer(), new KafkaAvroDeserializer());
    }

    /** Uses this registry client; {@code schema.registry.url} is then optional. */
    public SpecificAvroSerde(SchemaRegistryClient client) {
        this(new KafkaAvroSerializer(client), new KafkaAvroDeserializer(client));
        configure(Map.of(), false);
    }

    private SpecificAvroSerde(KafkaAvroSerializer serializer, KafkaAvroDeserializer deserializer) {
        this.serializer = serializer;
        this.deserializer = deserializer;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        Map<String, Object> specific = new HashMap<>(configs);
        specific.put(AvroSerdeConfig.SPECIFIC_AVRO_READER_CONFIG, true);
        serializer.configure(specific, isKey);
        deserializer.configure(specific, isKey);
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Serializer<T> serializer() {
        return (Serializer) serializer;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Deserializer<T> deserializer() {
        return (Deserializer) deserializer;
    }

    @Override
    public void close() {
        serializer.close();
        deserializer.close();
    }
}
