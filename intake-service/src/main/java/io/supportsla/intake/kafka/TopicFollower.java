package io.supportsla.intake.kafka;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
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
import io.supportsla.serde.registry.SchemaRegistryException;
import io.supportsla.serde.registry.SchemaRegistryUnreachableException;

/**
 * Reads a whole topic, every partition from the beginning, on a thread of its own, and hands each
 * record to a callback: how this instance keeps its own copy of what is on a topic (the case view,
 * the case-number claims). No consumer group: every instance reads everything and commits nothing,
 * so a restarted instance rebuilds its copy from the topic.
 *
 * <p>It can wait until it has read everything written before the moment of asking
 * ({@link #awaitCaughtUp}), which gives read-your-writes across instances, and it reports whether
 * it has caught up with the topic once since start ({@link #isCaughtUp}), for readiness. New
 * partitions are picked up within a minute. An undecodable record is logged and skipped; one that
 * cannot be decoded because the schema registry is away is read again until it can.
 */
public final class TopicFollower<K, V> implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TopicFollower.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration PARTITION_REFRESH = Duration.ofSeconds(30);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(5);

    private final String topic;
    private final Map<String, Object> consumerConfig;
    private final Deserializer<K> keyDeserializer;
    private final Deserializer<V> valueDeserializer;
    private final Consumer<ConsumerRecord<K, V>> apply;
    private final Admin admin;
    private final Integer requiredPartitions;

    private final Map<Integer, Long> nextOffsets = new ConcurrentHashMap<>();
    private final Object progress = new Object();
    private volatile Set<TopicPartition> assigned = Set.of();
    private volatile Map<TopicPartition, Long> startEnds;
    private volatile boolean caughtUp;
    private volatile boolean running;
    private volatile boolean refreshRequested;
    private volatile String failure;
    private volatile long skippedRecords;
    private Thread thread;
    private KafkaConsumer<K, V> consumer;

    /**
     * @param consumerConfig client settings (bootstrap servers, security...); group and commit settings are set here
     * @param requiredPartitions the exact partition count the topic must have, or null for any
     */
    public TopicFollower(String topic, Map<String, Object> consumerConfig, Deserializer<K> keyDeserializer,
                         Deserializer<V> valueDeserializer, Consumer<ConsumerRecord<K, V>> apply, Admin admin,
                         Integer requiredPartitions) {
        this.topic = topic;
        this.consumerConfig = new HashMap<>(consumerConfig);
        this.consumerConfig.remove(ConsumerConfig.GROUP_ID_CONFIG);
        this.consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        this.consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        this.consumerConfig.put(ConsumerConfig.CLIENT_ID_CONFIG, "intake-follow-" + topic);
        // Reading must never create the topic (with the broker's default partition count).
        this.consumerConfig.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        this.keyDeserializer = keyDeserializer;
        this.valueDeserializer = valueDeserializer;
        this.apply = apply;
        this.admin = admin;
        this.requiredPartitions = requiredPartitions;
    }

    public String topic() {
        return topic;
    }

    /** Whether it has read, since start, everything that was on the topic when it started. */
    public boolean isCaughtUp() {
        return caughtUp;
    }

    /** Why it cannot follow the topic (a wrong partition count), or null. */
    public String failure() {
        return failure;
    }

    /** The next offset to read, by partition. */
    public Map<Integer, Long> positions() {
        return Map.copyOf(nextOffsets);
    }

    public long skippedRecords() {
        return skippedRecords;
    }

    /**
     * Waits until every record written to the topic before this call has been applied.
     *
     * @return false when that did not happen within the timeout (the broker is unreachable, or reading is slow)
     */
    public boolean awaitCaughtUp(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        Map<TopicPartition, Long> ends;
        try {
            // The partitions as they are now: one added since the last refresh must be read too.
            Set<TopicPartition> partitions = currentPartitions(deadline);
            if (partitions.isEmpty() || !awaitAssignment(partitions, deadline)) {
                return false;
            }
            ends = endOffsets(partitions, deadline);
        } catch (KafkaException | TimeoutException | ExecutionException e) {
            log.debug("Could not read end offsets of {}: {}", topic, e.toString());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        return awaitPositions(ends, deadline);
    }

    /** Waits until the record at this offset of this partition has been applied. */
    public boolean awaitApplied(int partition, long offset, Duration timeout) {
        return awaitPositions(Map.of(new TopicPartition(topic, partition), offset + 1), Instant.now().plus(timeout));
    }

    /** Starts reading; after a {@link #stop()} it goes on from where it stopped. */
    @Override
    public void start() {
        assigned = Set.of();
        failure = null;
        running = true;
        thread = new Thread(this::follow, "follow-" + topic);
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        KafkaConsumer<K, V> current = consumer;
        if (current != null) {
            current.wakeup();
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

    /** Start early, stop late: the HTTP server and listeners depend on what is read here. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE / 2;
    }

    private void follow() {
        try (KafkaConsumer<K, V> kafka = new KafkaConsumer<>(consumerConfig, keyDeserializer, valueDeserializer)) {
            consumer = kafka;
            Instant nextRefresh = Instant.MIN;
            while (running) {
                try {
                    if (refreshRequested || Instant.now().isAfter(nextRefresh)) {
                        refreshRequested = false;
                        assignPartitions(kafka);
                        if (!assigned.isEmpty()) {
                            nextRefresh = Instant.now().plus(PARTITION_REFRESH);
                        }
                        signalProgress();
                    }
                    if (assigned.isEmpty()) {
                        pause();
                        continue;
                    }
                    for (ConsumerRecord<K, V> record : kafka.poll(POLL)) {
                        applySafely(record);
                        nextOffsets.put(record.partition(), record.offset() + 1);
                    }
                    for (TopicPartition partition : assigned) {
                        nextOffsets.merge(partition.partition(), kafka.position(partition, CALL_TIMEOUT), Math::max);
                    }
                    checkCaughtUp(kafka);
                    signalProgress();
                } catch (RecordDeserializationException e) {
                    if (isTransient(e.getCause())) {
                        // The registry is away: read the same record again later; skipping it would
                        // leave the view without that event until the next restart.
                        log.warn("Cannot decode {} offset {} yet, retrying: {}", e.topicPartition(), e.offset(),
                                e.getCause().toString());
                        kafka.seek(e.topicPartition(), e.offset());
                        pause();
                    } else {
                        skippedRecords++;
                        log.error("Skipping undecodable record at {} offset {}: {}", e.topicPartition(), e.offset(),
                                e.getMessage());
                        kafka.seek(e.topicPartition(), e.offset() + 1);
                    }
                } catch (WakeupException e) {
                    // stop() was called
                } catch (KafkaException e) {
                    log.warn("Following {} failed, retrying: {}", topic, e.toString());
                    pause();
                }
            }
        } catch (RuntimeException e) {
            failure = e.getMessage();
            log.error("Stopped following {}", topic, e);
        } finally {
            consumer = null;
            signalProgress();
        }
    }

    private void applySafely(ConsumerRecord<K, V> record) {
        try {
            apply.accept(record);
        } catch (RuntimeException e) {
            skippedRecords++;
            log.error("Could not apply record {}-{}@{}; skipping it", record.topic(), record.partition(), record.offset(), e);
        }
    }

    private void assignPartitions(KafkaConsumer<K, V> kafka) {
        List<PartitionInfo> partitions = kafka.partitionsFor(topic, CALL_TIMEOUT);
        if (partitions == null || partitions.isEmpty()) {
            return;
        }
        if (requiredPartitions != null && partitions.size() != requiredPartitions) {
            failure = "Topic " + topic + " has " + partitions.size() + " partitions; it must have exactly " + requiredPartitions;
            running = false;
            throw new IllegalStateException(failure);
        }
        Set<TopicPartition> all = partitions.stream().map(info -> new TopicPartition(topic, info.partition())).collect(Collectors.toSet());
        if (all.equals(assigned)) {
            return;
        }
        Set<TopicPartition> added = all.stream().filter(partition -> !assigned.contains(partition)).collect(Collectors.toSet());
        kafka.assign(all);
        for (TopicPartition partition : added) {
            Long next = nextOffsets.get(partition.partition());
            if (next == null) {
                kafka.seekToBeginning(List.of(partition));
            } else {
                kafka.seek(partition, next);
            }
        }
        assigned = Set.copyOf(all);
    }

    private void checkCaughtUp(KafkaConsumer<K, V> kafka) {
        if (caughtUp) {
            return;
        }
        if (startEnds == null) {
            startEnds = kafka.endOffsets(assigned, CALL_TIMEOUT);
        }
        boolean done = startEnds.entrySet().stream()
                .allMatch(end -> nextOffsets.getOrDefault(end.getKey().partition(), 0L) >= end.getValue());
        if (done) {
            caughtUp = true;
            log.info("Read {} to its end: {}", topic, nextOffsets);
        }
    }

    private Map<TopicPartition, Long> endOffsets(Set<TopicPartition> partitions, Instant deadline)
            throws InterruptedException, ExecutionException, TimeoutException {
        long remaining = Math.max(1, Duration.between(Instant.now(), deadline).toMillis());
        ListOffsetsResult result = admin.listOffsets(
                partitions.stream().collect(Collectors.toMap(partition -> partition, partition -> OffsetSpec.latest())),
                new ListOffsetsOptions().timeoutMs((int) Math.min(Integer.MAX_VALUE, remaining)));
        Map<TopicPartition, Long> ends = new HashMap<>();
        for (Map.Entry<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> entry
                : result.all().get(remaining, TimeUnit.MILLISECONDS).entrySet()) {
            ends.put(entry.getKey(), entry.getValue().offset());
        }
        return ends;
    }

    private Set<TopicPartition> currentPartitions(Instant deadline)
            throws InterruptedException, ExecutionException, TimeoutException {
        long remaining = Math.max(1, Duration.between(Instant.now(), deadline).toMillis());
        return admin.describeTopics(List.of(topic), new DescribeTopicsOptions().timeoutMs((int) Math.min(Integer.MAX_VALUE, remaining)))
                .allTopicNames().get(remaining, TimeUnit.MILLISECONDS)
                .get(topic).partitions().stream()
                .map(partition -> new TopicPartition(topic, partition.partition()))
                .collect(Collectors.toSet());
    }

    private boolean awaitAssignment(Set<TopicPartition> partitions, Instant deadline) {
        if (!assigned.containsAll(partitions)) {
            refreshRequested = true;
        }
        synchronized (progress) {
            while (!assigned.containsAll(partitions)) {
                long remaining = Duration.between(Instant.now(), deadline).toMillis();
                if (remaining <= 0 || !running || !waitForProgress(remaining)) {
                    return false;
                }
            }
            return true;
        }
    }

    private boolean awaitPositions(Map<TopicPartition, Long> targets, Instant deadline) {
        synchronized (progress) {
            while (!reached(targets)) {
                long remaining = Duration.between(Instant.now(), deadline).toMillis();
                if (remaining <= 0 || !running || !waitForProgress(remaining)) {
                    return reached(targets);
                }
            }
            return true;
        }
    }

    private boolean reached(Map<TopicPartition, Long> targets) {
        return targets.entrySet().stream()
                .allMatch(target -> nextOffsets.getOrDefault(target.getKey().partition(), 0L) >= target.getValue());
    }

    /** False when interrupted. */
    private boolean waitForProgress(long millis) {
        try {
            progress.wait(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void signalProgress() {
        synchronized (progress) {
            progress.notifyAll();
        }
    }

    /** Waits a poll interval without spinning, e.g. while the topic does not exist yet or the broker is away. */
    private void pause() {
        synchronized (progress) {
            waitForProgress(POLL.toMillis() * 5);
        }
    }

    /** Failures that go away by themselves: the schema registry unreachable or failing (5xx). */
    static boolean isTransient(Throwable cause) {
        return cause instanceof SchemaRegistryUnreachableException
                || (cause instanceof SchemaRegistryException registry && registry.httpStatus() >= 500);
    }
}
