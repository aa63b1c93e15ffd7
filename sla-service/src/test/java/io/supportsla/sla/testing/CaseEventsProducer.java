package io.supportsla.sla.testing;

import io.supportsla.schemas.cases.CaseEvent;
import io.supportsla.serde.AvroSerdeConfig;
import io.supportsla.serde.KafkaAvroSerializer;
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

    public CaseEventsProducer(String bootstrapServers, String registryUrl, String topic) {
        this.topic = topic;
        // A serializer instance handed to the producer is not configured by it.
        KafkaAvroSerializer values = new KafkaAvroSerializer();
        values.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG, registryUrl), false);
        avro = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), values);
        raw = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                new ByteArraySerializer(), new ByteArraySerializer());
    }

    public void send(CaseEvent event) {
        wait(avro.send(new ProducerRecord<>(topic, event.getCaseNumber(), event)));
    }

    public void sendRaw(byte[] key, byte[] value) {
        wait(raw.send(new ProducerRecord<>(topic, key, value)));
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
