package io.supportsla.intake.testing;

import static org.awaitility.Awaitility.await;

import io.supportsla.schemas.Topics;
import io.supportsla.schemas.cases.CaseEvent;
import io.supportsla.serde.KafkaAvroDeserializer;
import io.supportsla.testing.kafka.KafkaBrokers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads {@code support.case-events} as an analytics consumer would: Confluent wire format decoded
 * with the real deserializer, the writer's schema fetched from the real registry.
 */
public final class CaseEventsTopic implements AutoCloseable {

    private final KafkaConsumer<String, Object> consumer;
    private final List<TopicPartition> partitions;

    public CaseEventsTopic(String bootstrapServers, String registryUrl) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, KafkaAvroDeserializer.class);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        properties.put("schema.registry.url", registryUrl);
        properties.put("specific.avro.reader", true);
        consumer = new KafkaConsumer<>(properties);
        partitions = consumer.partitionsFor(Topics.CASE_EVENTS.name(), Duration.ofSeconds(30)).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
        consumer.assign(partitions);
    }

    /** On the shared test broker, through the shared registry. */
    public static CaseEventsTopic shared() {
        return new CaseEventsTopic(KafkaBrokers.shared().bootstrapServers(), SharedSchemaRegistry.url());
    }

    /** Where the topic ends now: "no event" means these do not move. */
    public Map<TopicPartition, Long> endOffsets() {
        return consumer.endOffsets(partitions, Duration.ofSeconds(10));
    }

    public long size() {
        return endOffsets().values().stream().mapToLong(Long::longValue).sum();
    }

    /** Every record written after the given end offsets (waits until it has read up to the current end). */
    public List<ConsumerRecord<String, Object>> recordsSince(Map<TopicPartition, Long> since) {
        Map<TopicPartition, Long> ends = endOffsets();
        since.forEach(consumer::seek);
        List<ConsumerRecord<String, Object>> records = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            return partitions.stream().allMatch(partition -> consumer.position(partition) >= ends.get(partition));
        });
        return records;
    }

    public List<CaseEvent> eventsSince(Map<TopicPartition, Long> since) {
        return recordsSince(since).stream().map(record -> (CaseEvent) record.value()).toList();
    }

    /** Waits until the topic holds an event of the case matching the condition, and returns the case's events. */
    public List<CaseEvent> awaitEvents(String caseNumber, Predicate<List<CaseEvent>> condition) {
        Map<TopicPartition, Long> beginning = partitions.stream().collect(Collectors.toMap(p -> p, p -> 0L));
        List<CaseEvent> found = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            found.clear();
            eventsSince(beginning).stream().filter(event -> event.getCaseNumber().equals(caseNumber)).forEach(found::add);
            return condition.test(found);
        });
        return found;
    }

    public static Map<TopicPartition, Long> copy(Map<TopicPartition, Long> offsets) {
        return new HashMap<>(offsets);
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
