package io.supportsla.benchmarks.timers;

import io.supportsla.intake.casenumbers.CaseNumber;
import io.supportsla.schemas.Topics;
import io.supportsla.schemas.sla.SlaBreached;
import io.supportsla.schemas.sla.SlaEvent;
import io.supportsla.serde.KafkaAvroDeserializer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Watches {@code support.sla-events} as a downstream consumer would ({@code read_committed}, Avro
 * through the registry) and notes, for every {@code SlaBreached}, when it became visible here, its
 * target's deadline and its {@code breachedAt}. "Visible on the topic" is the moment the poll that
 * returned it came back, on this machine's clock, the same clock the deadlines were set by.
 */
public final class BreachWatcher implements AutoCloseable {

    /**
     * What was seen of one case: how many breaches, and the first one's times (epoch millis).
     */
    public static final class Seen {
        volatile int count;
        volatile long deadlineMs;
        volatile long breachedAtMs;
        volatile long seenAtMs;

        public int count() {
            return count;
        }

        public long deadlineMs() {
            return deadlineMs;
        }

        public long breachedAtMs() {
            return breachedAtMs;
        }

        public long seenAtMs() {
            return seenAtMs;
        }
    }

    private final KafkaConsumer<String, Object> consumer;
    private final List<TopicPartition> partitions;
    private final Map<Long, Seen> breaches = new ConcurrentHashMap<>();
    private final AtomicLong otherEvents = new AtomicLong();
    private final AtomicLong unknownCases = new AtomicLong();
    private final Map<TopicPartition, Long> positions = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile RuntimeException failure;

    /** Starts watching from the topic's current end. */
    public BreachWatcher(String bootstrapServers, String registryUrl) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, KafkaAvroDeserializer.class);
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // Answer as soon as anything is readable, and never hold an idle fetch long: the poll's return is the measurement.
        properties.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 25);
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000);
        properties.put("schema.registry.url", registryUrl);
        properties.put("specific.avro.reader", true);
        consumer = new KafkaConsumer<>(properties);
        partitions = consumer.partitionsFor(Topics.SLA_EVENTS.name(), Duration.ofSeconds(30)).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(partition -> positions.put(partition, consumer.position(partition)));
        thread = new Thread(this::watch, "sla-events-watcher");
        thread.setDaemon(true);
        thread.start();
    }

    private void watch() {
        try {
            while (running) {
                ConsumerRecords<String, Object> records = consumer.poll(Duration.ofMillis(100));
                long seenAt = System.currentTimeMillis();
                for (ConsumerRecord<String, Object> record : records) {
                    note((SlaEvent) record.value(), seenAt);
                }
                partitions.forEach(partition -> positions.put(partition, consumer.position(partition)));
            }
        } catch (RuntimeException e) {
            failure = e;
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void note(SlaEvent event, long seenAt) {
        if (!(event.getPayload() instanceof SlaBreached breached)) {
            otherEvents.incrementAndGet();
            return;
        }
        var number = CaseNumber.parse(event.getCaseNumber());
        if (number.isEmpty()) {
            unknownCases.incrementAndGet();
            return;
        }
        Seen seen = breaches.computeIfAbsent(number.get().sequence(), sequence -> new Seen());
        synchronized (seen) {
            if (seen.count == 0) {
                seen.deadlineMs = breached.getTarget().getDeadline().toEpochMilli();
                seen.breachedAtMs = breached.getBreachedAt().toEpochMilli();
                seen.seenAtMs = seenAt;
            }
            seen.count++;
        }
    }

    private void checkRunning() {
        if (failure != null) {
            throw new IllegalStateException("The sla-events watcher failed: " + failure, failure);
        }
    }

    /** What was seen of the case with this sequence number, or null. */
    public Seen seen(long sequence) {
        checkRunning();
        return breaches.get(sequence);
    }

    /** How many cases of {@code [from, to)} have had at least one breach seen. */
    long countSeen(long from, long to) {
        checkRunning();
        long count = 0;
        for (long sequence = from; sequence < to; sequence++) {
            if (breaches.containsKey(sequence)) {
                count++;
            }
        }
        return count;
    }

    /** Every case a breach was seen for, by sequence number. */
    Map<Long, Seen> all() {
        checkRunning();
        return breaches;
    }

    /** Whether the watcher has read at least up to these offsets. */
    boolean hasReached(Map<TopicPartition, Long> offsets) {
        checkRunning();
        return offsets.entrySet().stream().allMatch(entry -> positions.getOrDefault(entry.getKey(), 0L) >= entry.getValue());
    }

    /** Events other than {@code SlaBreached} seen (timer started, ...). */
    long otherEvents() {
        return otherEvents.get();
    }

    /** Breaches whose case number was not a case number at all. */
    long unknownCases() {
        return unknownCases.get();
    }

    List<TopicPartition> partitions() {
        return partitions;
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
