package io.supportsla.systemtests;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.avro.specific.SpecificRecordBase;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;

import io.supportsla.schemas.Topic;
import io.supportsla.schemas.Topics;
import io.supportsla.serde.KafkaAvroDeserializer;

/**
 * Reads the four {@code support.*} topics from the beginning, as an analytics consumer would:
 * {@code isolation.level=read_committed} and the Confluent-wire-format {@link KafkaAvroDeserializer}
 * against the registry, into the generated classes. Keeps every record, so a test can ask what was
 * published for its case and how many times.
 */
final class TopicRecorder implements AutoCloseable {

    /** One record as read: the envelope and where it was. */
    record Recorded(String topic, int partition, long offset, String key, SpecificRecordBase envelope) {

        String caseNumber() {
            return (String) envelope.get("caseNumber");
        }

        String eventId() {
            return (String) envelope.get("eventId");
        }

        String causationEventId() {
            return (String) envelope.get("causationEventId");
        }

        Instant occurredAt() {
            return (Instant) envelope.get("occurredAt");
        }

        Object payload() {
            return envelope.get("payload");
        }
    }

    /** A payload with its envelope. */
    record Event<T>(T payload, Recorded record) {
    }

    private final KafkaConsumer<String, Object> consumer;
    private final List<Recorded> records = new CopyOnWriteArrayList<>();
    private final Thread poller;
    private volatile boolean running = true;
    private volatile RuntimeException failure;

    private TopicRecorder(String bootstrapServers, String registryUrl) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "system-tests-recorder-" + UUID.randomUUID());
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, KafkaAvroDeserializer.class);
        properties.put("schema.registry.url", registryUrl);
        properties.put("specific.avro.reader", true);
        consumer = new KafkaConsumer<>(properties);
        List<TopicPartition> partitions = new ArrayList<>();
        for (Topic<?> topic : Topics.avroTopics()) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic.name(), Duration.ofSeconds(30));
            if (infos == null || infos.isEmpty()) {
                throw new IllegalStateException("Topic " + topic.name() + " does not exist; the local stack creates it");
            }
            infos.forEach(info -> partitions.add(new TopicPartition(info.topic(), info.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        poller = new Thread(this::poll, "system-tests-topic-recorder");
        poller.setDaemon(true);
        poller.start();
    }

    /** Starts reading every {@code support.*} topic from its beginning. */
    static TopicRecorder start(String bootstrapServers, String registryUrl) {
        return new TopicRecorder(bootstrapServers, registryUrl);
    }

    private void poll() {
        try {
            while (running) {
                for (ConsumerRecord<String, Object> record : consumer.poll(Duration.ofMillis(200))) {
                    records.add(new Recorded(record.topic(), record.partition(), record.offset(), record.key(),
                            (SpecificRecordBase) record.value()));
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            failure = e;
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    /** Every record of a case on one topic, in offset order (one case is one partition). */
    List<Recorded> records(Topic<?> topic, String caseNumber) {
        checkHealthy();
        return records.stream()
                .filter(record -> record.topic().equals(topic.name()) && caseNumber.equals(record.key()))
                .sorted(java.util.Comparator.comparingLong(Recorded::offset))
                .toList();
    }

    /** The payloads of one type published for a case, in order, with their envelopes. */
    <T> List<Event<T>> events(String caseNumber, Class<T> payloadType) {
        checkHealthy();
        return records.stream()
                .filter(record -> caseNumber.equals(record.key()) && payloadType.isInstance(record.payload()))
                .sorted(java.util.Comparator.comparing(Recorded::topic).thenComparingLong(Recorded::offset))
                .map(record -> new Event<>(payloadType.cast(record.payload()), record))
                .toList();
    }

    /** The payloads of one type published for a case, in order. */
    <T> List<T> payloads(String caseNumber, Class<T> payloadType) {
        return events(caseNumber, payloadType).stream().map(Event::payload).toList();
    }

    /** Every record read so far, in the order read. */
    List<Recorded> all() {
        checkHealthy();
        return List.copyOf(records);
    }

    /** How many records of each topic were read, for diagnostics. */
    Map<String, Long> counts() {
        return records.stream().collect(java.util.stream.Collectors.groupingBy(Recorded::topic,
                java.util.TreeMap::new, java.util.stream.Collectors.counting()));
    }

    private void checkHealthy() {
        if (failure != null) {
            throw new IllegalStateException("The topic recorder failed: " + failure, failure);
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            poller.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
