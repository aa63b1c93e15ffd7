package io.supportsla.serde;

import io.supportsla.serde.registry.SchemaRegistryClient;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Serde for {@link GenericRecord}s in the Confluent wire format, for Kafka Streams: a drop-in for
 * {@code io.confluent.kafka.streams.serdes.avro.GenericAvroSerde}. Configure it with the
 * {@link AvroSerdeConfig} keys; {@code specific.avro.reader} is always false.
 */
public class GenericAvroSerde implements Serde<GenericRecord> {

    private final KafkaAvroSerializer serializer;
    private final KafkaAvroDeserializer deserializer;

    /** For Kafka Streams to instantiate by class name; {@link #configure} must be called before use. */
    public GenericAvroSerde() {
        this(new KafkaAvroSerializer(), new KafkaAvroDeserializer());
    }

    /** Uses this registry client; {@code schema.registry.url} is then optional. */
    public GenericAvroSerde(SchemaRegistryClient client) {
        this(new KafkaAvroSerializer(client), new KafkaAvroDeserializer(client));
        configure(Map.of(), false);
    }

    private GenericAvroSerde(KafkaAvroSerializer serializer, KafkaAvroDeserializer deserializer) {
        this.serializer = serializer;
        this.deserializer = deserializer;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        Map<String, Object> generic = new HashMap<>(configs);
        generic.put(AvroSerdeConfig.SPECIFIC_AVRO_READER_CONFIG, false);
        serializer.configure(generic, isKey);
        deserializer.configure(generic, isKey);
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Serializer<GenericRecord> serializer() {
        return (Serializer) serializer;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Deserializer<GenericRecord> deserializer() {
        return (Deserializer) deserializer;
    }

    @Override
    public void close() {
        serializer.close();
        deserializer.close();
    }
}
