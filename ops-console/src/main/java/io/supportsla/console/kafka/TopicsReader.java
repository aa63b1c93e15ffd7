package io.supportsla.console.kafka;

import io.supportsla.serde.registry.SchemaRegistryException;
import io.supportsla.serde.registry.SchemaRegistryUnreachableException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Reads whole topics, every partition from the beginning, with one consumer on a thread of its
 * own, and hands each value to a callback: the way intake-service's case view follows its topic
 * ({@code TopicFollower}), for several topics at once. No consumer group and no commits: every
 * instance reads everything, and a restarted one rebuilds what it holds. Topics that do not exist
 * yet, and partitions added later, are picked up at the next refresh.
 *
 * <p>It reads {@code read_committed}, so events of aborted transactions (the SLA, escalation and
 * notification services write transactionally) never show. A record whose value cannot be decoded
 * is logged and skipped, unless the schema registry is unreachable or failing (5xx): then the same
 * record is tried again until it can be read, so nothing is lost to a registry restart.
 * {@link #isCaughtUp()} tells, for readiness, whether everything on the topics at start has been read.
 */
public final class TopicsReader implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TopicsReader.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration BACKOFF = Duration.ofSeconds(1);

    private final List<String> topics;
    private final Map<String, Object> consumerConfig;
    private final Deserializer<String> keyDeserializer;
    private final Deserializer<Object> valueDeserializer;
    private final BiConsumer<String, Object> apply;
    private final Duration partitionRefresh;

    private final Map<TopicPartition, Long> positions = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> applied = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> skipped = new ConcurrentHashMap<>();
    private final Object pause = new Object();
    private volatile Set<TopicPartition> assigned = Set.of();
    private volatile Map<TopicPartition, Long> endsAtStart;
    private volatile boolean caughtUp;
    private volatile boolean running;
    private volatile String problem;
    private volatile KafkaConsumer<String, Object> consumer;
    private Thread thread;

    /**
     * @param consumerConfig client settings (bootstrap servers, security, registry URL...); group,
     *     commit, offset-reset and isolation settings are set here
     * @param apply receives the topic and the decoded value of each record, in the order read
     */
    public TopicsReader(List<String> topics, Map<String, Object> consumerConfig, Deserializer<String> keyDeserializer,
            Deserializer<Object> valueDeserializer, BiConsumer<String, Object> apply, Duration partitionRefresh) {
        this.topics = List.copyOf(topics);
        this.consumerConfig = new HashMap<>(consumerConfig);
        this.consumerConfig.remove(ConsumerConfig.GROUP_ID_CONFIG);
        this.consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        this.consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        this.consumerConfig.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // Reading must never create a topic (with the broker's default partition count).
        this.consumerConfig.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        this.keyDeserializer = keyDeserializer;
        this.valueDeserializer = valueDeserializer;
        this.apply = apply;
        this.partitionRefresh = partitionRefresh;
        topics.forEach(topic -> {
            applied.put(topic, new AtomicLong());
            skipped.put(topic, new AtomicLong());
        });
    }

    public List<String> topics() {
        return topics;
    }

    /** Whether everything that was on the topics when reading started has been read. */
    public boolean isCaughtUp() {
        return caughtUp;
    }

    /** What keeps it from reading right now (the broker or registry away), or null. */
    public String problem() {
        return problem;
    }

    /** The next offset to read, by topic and partition. */
    public Map<String, Map<Integer, Long>> positions() {
        Map<String, Map<Integer, Long>> byTopic = new HashMap<>();
        positions.forEach((partition, offset) ->
                byTopic.computeIfAbsent(partition.topic(), ignored -> new HashMap<>()).put(partition.partition(), offset));
        return byTopic;
    }

    /** Records applied so far from this topic. */
    public long applied(String topic) {
        return applied.getOrDefault(topic, new AtomicLong()).get();
    }

    /** Records skipped so far on this topic (undecodable, or refused by the callback). */
    public long skipped(String topic) {
        return skipped.getOrDefault(topic, new AtomicLong()).get();
    }

    /** The consumer while it runs, for its client metrics; null otherwise. */
    public KafkaConsumer<String, Object> consumer() {
        return consumer;
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::read, "read-" + String.join("+", topics));
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        KafkaConsumer<String, Object> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        synchronized (pause) {
            pause.notifyAll();
        }
        if (thread != null) {
            try {
                thread.join(CALL_TIMEOUT.toMillis() * 2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Start before the web server, stop after it: pages are answered from what is read here. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE / 2;
    }

    private void read() {
        try (KafkaConsumer<String, Object> kafka = new KafkaConsumer<>(consumerConfig, keyDeserializer, valueDeserializer)) {
            consumer = kafka;
            Instant nextRefresh = Instant.MIN;
            while (running) {
                try {
                    if (Instant.now().isAfter(nextRefresh)) {
                        assignPartitions(kafka);
                        nextRefresh = Instant.now().plus(partitionRefresh);
                    }
                    if (assigned.isEmpty()) {
                        caughtUp = caughtUp || endsAtStart != null;
                        pause(BACKOFF);
                        continue;
                    }
                    for (ConsumerRecord<String, Object> record : kafka.poll(POLL)) {
                        applySafely(record);
                        positions.put(new TopicPartition(record.topic(), record.partition()), record.offset() + 1);
                    }
                    for (TopicPartition partition : assigned) {
                        positions.merge(partition, kafka.position(partition, CALL_TIMEOUT), Math::max);
                    }
                    problem = null;
                    checkCaughtUp();
                } catch (RecordDeserializationException e) {
                    handleUndecodable(kafka, e);
                } catch (WakeupException e) {
                    // stop() was called
                } catch (KafkaException e) {
                    problem = "Kafka: " + e.getMessage();
                    log.warn("Reading {} failed, retrying: {}", topics, e.toString());
                    pause(BACKOFF);
                }
            }
        } catch (RuntimeException e) {
            problem = "Stopped reading: " + e;
            log.error("Stopped reading {}", topics, e);
        } finally {
            consumer = null;
        }
    }

    private void applySafely(ConsumerRecord<String, Object> record) {
        try {
            apply.accept(record.topic(), record.value());
            applied.get(record.topic()).incrementAndGet();
        } catch (RuntimeException e) {
            skipped.get(record.topic()).incrementAndGet();
            log.error("Could not apply record {}-{}@{}; skipping it", record.topic(), record.partition(), record.offset(), e);
        }
    }

    private void handleUndecodable(KafkaConsumer<String, Object> kafka, RecordDeserializationException e) {
        if (isTransient(e.getCause())) {
            // Read the same record again once the registry answers: skipping it would lose an event for good.
            problem = "Schema registry: " + e.getCause().getMessage();
            log.warn("Cannot decode {} offset {} yet, retrying: {}", e.topicPartition(), e.offset(), e.getCause().toString());
            kafka.seek(e.topicPartition(), e.offset());
            pause(BACKOFF);
            return;
        }
        skipped.computeIfAbsent(e.topicPartition().topic(), ignored -> new AtomicLong()).incrementAndGet();
        log.error("Skipping undecodable record at {} offset {}: {}", e.topicPartition(), e.offset(),
                e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
        kafka.seek(e.topicPartition(), e.offset() + 1);
        positions.put(e.topicPartition(), e.offset() + 1);
    }

    static boolean isTransient(Throwable cause) {
        return cause instanceof SchemaRegistryUnreachableException
                || (cause instanceof SchemaRegistryException registry && registry.httpStatus() >= 500);
    }

    private void assignPartitions(KafkaConsumer<String, Object> kafka) {
        Set<TopicPartition> all = new HashSet<>();
        for (String topic : topics) {
            List<PartitionInfo> partitions = kafka.partitionsFor(topic, CALL_TIMEOUT);
            if (partitions != null) {
                partitions.forEach(info -> all.add(new TopicPartition(topic, info.partition())));
            }
        }
        if (!all.equals(assigned)) {
            assign(kafka, all);
        }
        if (endsAtStart == null) {
            // What "caught up" means: everything on the topics when reading started (topics missing then are empty).
            // Asked after assigning: a read_committed consumer updates the last stable offset of assigned partitions only.
            endsAtStart = all.isEmpty() ? Map.of() : Map.copyOf(kafka.endOffsets(all, CALL_TIMEOUT));
            log.info("Reading {} from the beginning: {} partitions, {} records to catch up with", topics, all.size(),
                    endsAtStart.values().stream().mapToLong(Long::longValue).sum());
        }
    }

    private void assign(KafkaConsumer<String, Object> kafka, Set<TopicPartition> all) {
        Set<TopicPartition> added = new HashSet<>(all);
        added.removeAll(assigned);
        kafka.assign(all);
        for (TopicPartition partition : added) {
            Long next = positions.get(partition);
            if (next == null) {
                kafka.seekToBeginning(List.of(partition));
            } else {
                kafka.seek(partition, next);
            }
        }
        if (!assigned.isEmpty()) {
            log.info("Now reading {} partitions (added {})", all.size(), added);
        }
        assigned = Set.copyOf(all);
    }

    private void checkCaughtUp() {
        if (caughtUp || endsAtStart == null) {
            return;
        }
        boolean done = endsAtStart.entrySet().stream()
                .allMatch(end -> positions.getOrDefault(end.getKey(), 0L) >= end.getValue());
        if (done) {
            caughtUp = true;
            log.info("Caught up with {}: {} records applied", topics,
                    applied.values().stream().mapToLong(AtomicLong::get).sum());
        }
    }

    private void pause(Duration duration) {
        synchronized (pause) {
            if (!running) {
                return;
            }
            try {
                pause.wait(duration.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            }
        }
    }
}
