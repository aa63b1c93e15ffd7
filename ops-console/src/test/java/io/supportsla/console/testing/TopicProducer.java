package io.supportsla.console.testing;

import io.supportsla.schemas.Topics;
import io.supportsla.schemas.cases.CaseEvent;
import io.supportsla.schemas.escalation.EscalationEvent;
import io.supportsla.schemas.notification.NotificationEvent;
import io.supportsla.schemas.sla.SlaEvent;
import io.supportsla.serde.KafkaAvroSerializer;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Puts the services' events on their topics, keyed by case number, with the real Confluent-format serializer. */
public final class TopicProducer implements AutoCloseable {

    private final KafkaProducer<String, Object> avro;
    private final KafkaProducer<String, byte[]> bytes;

    TopicProducer(String bootstrapServers, String registryUrl) {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 0,
                "schema.registry.url", registryUrl);
        avro = new KafkaProducer<>(config, new StringSerializer(), serializer(config));
        bytes = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    private static KafkaAvroSerializer serializer(Map<String, Object> config) {
        KafkaAvroSerializer serializer = new KafkaAvroSerializer();
        serializer.configure(config, false);
        return serializer;
    }

    public void send(CaseEvent event) {
        send(Topics.CASE_EVENTS.name(), event.getCaseNumber(), event);
    }

    public void send(SlaEvent event) {
        send(Topics.SLA_EVENTS.name(), event.getCaseNumber(), event);
    }

    public void send(EscalationEvent event) {
        send(Topics.ESCALATION_EVENTS.name(), event.getCaseNumber(), event);
    }

    public void send(NotificationEvent event) {
        send(Topics.NOTIFICATION_EVENTS.name(), event.getCaseNumber(), event);
    }

    /** A record that is not Avro in the Confluent wire format at all. */
    public void sendGarbage(String topic, String key) {
        wait(bytes.send(new ProducerRecord<>(topic, key, "not avro".getBytes(java.nio.charset.StandardCharsets.UTF_8))));
    }

    /** Bytes as they are, e.g. a valid wire-format header with a schema id the registry does not know. */
    public void sendBytes(String topic, String key, byte[] value) {
        wait(bytes.send(new ProducerRecord<>(topic, key, value)));
    }

    private void send(String topic, String key, Object value) {
        wait(avro.send(new ProducerRecord<>(topic, key, value)));
    }

    private static void wait(java.util.concurrent.Future<?> sent) {
        try {
            sent.get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not produce", e);
        }
    }

    @Override
    public void close() {
        avro.close();
        bytes.close();
    }
}
