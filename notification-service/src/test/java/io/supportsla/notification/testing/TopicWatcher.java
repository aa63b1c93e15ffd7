package io.supportsla.notification.testing;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.supportsla.schemas.Topics;
import io.supportsla.schemas.notification.NotificationEvent;
import io.supportsla.schemas.notification.NotificationFailed;
import io.supportsla.schemas.notification.NotificationSent;
import io.supportsla.serde.KafkaAvroDeserializer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads everything the service publishes, as an analytics consumer would ({@code read_committed}):
 * {@code support.notification-events} and the dead-letter topics of the three cause topics.
 */
public final class TopicWatcher implements AutoCloseable {

    /** A published outcome with its record key. */
    public record Outcome(String key, NotificationEvent event) {
        public boolean sent() {
            return event.getPayload() instanceof NotificationSent;
        }

        public NotificationSent asSent() {
            return (NotificationSent) event.getPayload();
        }

        public NotificationFailed asFailed() {
            return (NotificationFailed) event.getPayload();
        }

        public io.supportsla.schemas.notification.Notification notification() {
            return sent() ? asSent().getNotification() : asFailed().getNotification();
        }
    }

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final KafkaAvroDeserializer deserializer = new KafkaAvroDeserializer();
    private final List<Outcome> outcomes = new CopyOnWriteArrayList<>();
    private final List<ConsumerRecord<byte[], byte[]>> deadLetters = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;

    public TopicWatcher(String bootstrapServers, String registryUrl) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumer = new KafkaConsumer<>(config);
        deserializer.configure(Map.of("schema.registry.url", registryUrl, "specific.avro.reader", true), false);
        List<TopicPartition> partitions = List.of(Topics.NOTIFICATION_EVENTS.name(), Topics.CASE_EVENTS.deadLetterTopic(),
                        Topics.SLA_EVENTS.deadLetterTopic(), Topics.ESCALATION_EVENTS.deadLetterTopic()).stream()
                .flatMap(topic -> consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                        .map(info -> new TopicPartition(topic, info.partition())))
                .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        thread = new Thread(this::run, "topic-watcher");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        try {
            while (running) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    if (record.topic().equals(Topics.NOTIFICATION_EVENTS.name())) {
                        NotificationEvent event = (NotificationEvent) deserializer.deserialize(record.topic(), record.value());
                        outcomes.add(new Outcome(new String(record.key(), java.nio.charset.StandardCharsets.UTF_8), event));
                    } else {
                        deadLetters.add(record);
                    }
                }
            }
        } catch (WakeupException stopping) {
            // closed
        } finally {
            consumer.close();
        }
    }

    public List<Outcome> outcomes(String caseNumber) {
        return outcomes.stream().filter(outcome -> outcome.event().getCaseNumber().equals(caseNumber)).toList();
    }

    public List<Outcome> outcomesOfCause(String causeEventId) {
        return outcomes.stream().filter(outcome -> causeEventId.equals(outcome.event().getCausationEventId())).toList();
    }

    public List<ConsumerRecord<byte[], byte[]>> deadLetters(String topic) {
        return deadLetters.stream().filter(record -> record.topic().equals(topic)).toList();
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
    }
}
