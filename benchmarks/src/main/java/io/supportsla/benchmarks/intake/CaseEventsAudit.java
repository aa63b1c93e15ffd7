package io.supportsla.benchmarks.intake;

import io.supportsla.schemas.Topics;
import io.supportsla.schemas.cases.CaseCreated;
import io.supportsla.schemas.cases.CaseEvent;
import io.supportsla.serde.KafkaAvroDeserializer;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Checks every 201 against {@code support.case-events}, read from the beginning as an analytics
 * consumer would (Avro through the registry): each case number a {@code Location} named has
 * exactly one {@code CaseCreated}, and no {@code CaseCreated} exists that no 201 announced.
 */
public final class CaseEventsAudit {

    /**
     * What the topic says about the 201s.
     *
     * @param announced distinct case numbers named by 201 answers
     * @param announcedTwice case numbers that two 201 answers named
     * @param caseCreatedOnTopic {@code CaseCreated} records found on the topic
     * @param lost announced case numbers with no {@code CaseCreated}
     * @param doubled case numbers with more than one {@code CaseCreated}
     * @param unannounced {@code CaseCreated} case numbers no 201 named (a request that failed after publishing)
     */
    public record Outcome(long announced, long announcedTwice, long caseCreatedOnTopic, long lost, long doubled, long unannounced,
                   List<String> examples) {
    }

    private CaseEventsAudit() {
    }

    static Outcome check(String bootstrapServers, String registryUrl, Collection<String> announcedNumbers) {
        Map<String, Integer> announced = new HashMap<>();
        announcedNumbers.forEach(number -> announced.merge(number, 1, Integer::sum));
        Map<String, Integer> created = readCaseCreated(bootstrapServers, registryUrl);
        long lost = announced.keySet().stream().filter(number -> !created.containsKey(number)).count();
        long doubled = created.values().stream().filter(count -> count > 1).count();
        long unannounced = created.keySet().stream().filter(number -> !announced.containsKey(number)).count();
        long announcedTwice = announced.values().stream().filter(count -> count > 1).count();
        List<String> examples = new java.util.ArrayList<>();
        announced.keySet().stream().filter(number -> !created.containsKey(number)).limit(5)
                .forEach(number -> examples.add("lost " + number));
        created.entrySet().stream().filter(entry -> entry.getValue() > 1).limit(5)
                .forEach(entry -> examples.add("doubled " + entry.getKey() + " x" + entry.getValue()));
        created.keySet().stream().filter(number -> !announced.containsKey(number)).limit(5)
                .forEach(number -> examples.add("unannounced " + number));
        long onTopic = created.values().stream().mapToLong(Integer::longValue).sum();
        return new Outcome(announced.size(), announcedTwice, onTopic, lost, doubled, unannounced, examples);
    }

    /** Every {@code CaseCreated} on the topic, counted by case number. */
    private static Map<String, Integer> readCaseCreated(String bootstrapServers, String registryUrl) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, KafkaAvroDeserializer.class);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000);
        properties.put("schema.registry.url", registryUrl);
        properties.put("specific.avro.reader", true);
        Map<String, Integer> created = new HashMap<>();
        try (KafkaConsumer<String, Object> consumer = new KafkaConsumer<>(properties)) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.CASE_EVENTS.name(), Duration.ofSeconds(30)).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            long giveUp = System.nanoTime() + Duration.ofMinutes(10).toNanos();
            while (!partitions.stream().allMatch(partition -> consumer.position(partition) >= ends.get(partition))) {
                if (System.nanoTime() > giveUp) {
                    throw new IllegalStateException("Could not read " + Topics.CASE_EVENTS.name() + " to its end within 10 minutes");
                }
                for (ConsumerRecord<String, Object> record : consumer.poll(Duration.ofMillis(500))) {
                    CaseEvent event = (CaseEvent) record.value();
                    if (event.getPayload() instanceof CaseCreated) {
                        created.merge(event.getCaseNumber(), 1, Integer::sum);
                    }
                }
            }
        }
        return created;
    }
}
