package io.supportsla.sla.testing;

import io.supportsla.schemas.cases.CaseEvent;
import io.supportsla.serde.AvroSerdeConfig;
import io.supportsla.serde.KafkaAvroSerializer;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Publishes case events as intake-service does (Avro, Confluent wire format, keyed by case number), and raw bytes. */
public final class CaseEventsProducer implements AutoCloseable {

    private final String topic;
    private final KafkaProducer<String, Object> avro;
    private final KafkaProducer<byte[], byte[]> raw;
    private final KafkaAvroSerializer serializer;

    public CaseEventsProducer(String bootstrapServers, String registryUrl, String topic) {
        this(bootstrapServers, registryUrl, topic, Map.of());
    }

    /** @param clientSettings more producer settings, e.g. security */
    public CaseEventsProducer(String bootstrapServers, String registryUrl, String topic, Map<String, String> clientSettings) {
        this.topic = topic;
        // A serializer instance handed to the producer is not configured by it.
        KafkaAvroSerializer values = new KafkaAvroSerializer();
        values.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG, registryUrl), false);
        serializer = values;
        Map<String, Object> config = new HashMap<>(clientSettings);
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        avro = new KafkaProducer<>(config, new StringSerializer(), values);
        raw = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
    }

    public void send(CaseEvent event) {
        wait(avro.send(new ProducerRecord<>(topic, event.getCaseNumber(), event)));
    }

    public void sendRaw(byte[] key, byte[] value) {
        wait(raw.send(new ProducerRecord<>(topic, key, value)));
    }

    /** To one partition, whatever the key: records that must be read in this order. */
    public void send(int partition, CaseEvent event) {
        wait(avro.send(new ProducerRecord<>(topic, partition, event.getCaseNumber(), event)));
    }

    public void sendRaw(int partition, byte[] key, byte[] value) {
        wait(raw.send(new ProducerRecord<>(topic, partition, key, value)));
    }

    /** The value as intake writes it: Confluent wire format, schema registered. */
    public byte[] serialize(CaseEvent event) {
        return serializer.serialize(topic, event);
    }

    private static void wait(Future<?> sent) {
        try {
            sent.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not publish a case event", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        avro.close();
        raw.close();
    }
}
