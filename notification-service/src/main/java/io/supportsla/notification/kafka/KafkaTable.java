package io.supportsla.notification.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * An in-memory view of a compacted topic of JSON values keyed by string, kept current by a reader
 * of its own that tails every partition ({@code read_committed}). Writes go through the
 * transactional producer; once committed, the writer {@link #applyCommitted applies} them here at
 * once, so this instance reads its own writes without waiting for the reader; the reader delivers
 * writes of other instances. {@link #awaitCaughtUp} waits until everything committed so far has
 * been read: at start-up and whenever this instance is given partitions of the input topics.
 *
 * <p>Each entry remembers the offset it was written at, so an older record read late never
 * replaces a newer value applied by the writer.
 */
public final class KafkaTable<V> {

    private static final Logger log = LoggerFactory.getLogger(KafkaTable.class);
    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration HOUSEKEEPING = Duration.ofSeconds(30);
    private static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(1);

    /** A value (null once deleted) and where it was written. */
    private record Entry<V>(int partition, long offset, V value) {
    }

    private final String topic;
    private final Class<V> type;
    private final JsonMapper json;
    private final Map<String, Object> consumerConfig;
    private final Admin admin;
    private final Function<V, Instant> writtenAt;
    private final Duration retention;
    private final Clock clock;
    private final Map<String, Entry<V>> entries = new ConcurrentHashMap<>();
    private final Map<TopicPartition, Long> positions = new HashMap<>();
    private final Object progress = new Object();
    private volatile boolean running;
    private volatile KafkaConsumer<byte[], byte[]> consumer;
    private volatile List<TopicPartition> assigned = List.of();
    private Thread reader;

    /**
     * @param writtenAt when a value was written, for {@code retention}; null keeps values until deleted
     * @param retention how long values are kept in memory (the topic's own retention); null for ever
     */
    public KafkaTable(String topic, Class<V> type, JsonMapper json, Map<String, Object> consumerConfig, Admin admin,
            Function<V, Instant> writtenAt, Duration retention, Clock clock) {
        this.topic = topic;
        this.type = type;
        this.json = json;
        this.consumerConfig = consumerConfig;
        this.admin = admin;
        this.writtenAt = writtenAt;
        this.retention = retention;
        this.clock = clock;
    }

    public String topic() {
        return topic;
    }

    public Optional<V> get(String key) {
        Entry<V> entry = entries.get(key);
        return entry == null ? Optional.empty() : Optional.ofNullable(entry.value());
    }

    /** The current values. */
    public List<V> values() {
        return entries.values().stream().map(Entry::value).filter(value -> value != null).toList();
    }

    public byte[] serialize(V value) {
        return value == null ? null : json.writeValueAsBytes(value);
    }

    public static byte[] key(String key) {
        return key.getBytes(StandardCharsets.UTF_8);
    }

    /** Applies a write this instance committed at {@code partition}/{@code offset}; null deletes. */
    public void applyCommitted(String key, V value, int partition, long offset) {
        apply(key, new Entry<>(partition, offset, value));
    }

    /** Starts the reader and waits until it has read everything committed. */
    public void start(Duration timeout) {
        Map<String, Object> config = new HashMap<>(consumerConfig);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, IsolationLevel.READ_COMMITTED.toString());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "notification-state-" + topic);
        consumer = new KafkaConsumer<>(config);
        assigned = partitions(timeout);
        consumer.assign(assigned);
        consumer.seekToBeginning(assigned);
        running = true;
        reader = new Thread(this::read, "state-reader-" + topic);
        reader.setDaemon(true);
        reader.start();
        awaitCaughtUp(timeout);
        log.info("Read {} entries of {}", entries.size(), topic);
    }

    public void stop() {
        running = false;
        KafkaConsumer<byte[], byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        if (reader != null) {
            try {
                reader.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Waits until the reader has read every record committed before this call.
     *
     * @throws IllegalStateException when that takes longer than {@code timeout}
     */
    public void awaitCaughtUp(Duration timeout) {
        Map<TopicPartition, Long> ends = committedEnds(timeout);
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (progress) {
            while (!reached(ends)) {
                long remaining = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (remaining <= 0 || !running) {
                    throw new IllegalStateException("Could not read " + topic + " up to " + ends + " within " + timeout
                            + " (read up to " + positions + ")");
                }
                try {
                    progress.wait(remaining);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while reading " + topic, e);
                }
            }
        }
    }

    private boolean reached(Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream().allMatch(end -> positions.getOrDefault(end.getKey(), 0L) >= end.getValue());
    }

    private List<TopicPartition> partitions(Duration timeout) {
        // A topic created a moment ago (at start-up) may not be in the broker's metadata yet: ask
        // again until it is, within the catch-up timeout.
        long giveUp = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<PartitionInfo> infos;
            Duration left = Duration.ofNanos(Math.max(0, giveUp - System.nanoTime()));
            try {
                infos = consumer.partitionsFor(topic, left);
            } catch (org.apache.kafka.common.errors.TimeoutException unreachable) {
                consumer.close(Duration.ZERO);
                throw new IllegalStateException("Cannot read the state topic " + topic + ": no answer from Kafka within "
                        + timeout + " (spring.kafka.bootstrap-servers, notification.kafka.state-catch-up-timeout)", unreachable);
            }
            if (infos != null && !infos.isEmpty()) {
                return infos.stream().map(info -> new TopicPartition(topic, info.partition())).toList();
            }
            if (System.nanoTime() - giveUp >= 0) {
                consumer.close(Duration.ZERO);
                throw new IllegalStateException("Topic " + topic + " does not exist (still missing after " + timeout
                        + ", notification.kafka.state-catch-up-timeout)");
            }
            LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
        }
    }

    private Map<TopicPartition, Long> committedEnds(Duration timeout) {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        assigned.forEach(partition -> request.put(partition, OffsetSpec.latest()));
        try {
            Map<TopicPartition, Long> ends = new HashMap<>();
            admin.listOffsets(request, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all()
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .forEach((partition, info) -> ends.put(partition, info.offset()));
            return ends;
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not list the committed end offsets of " + topic, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted listing the end offsets of " + topic, e);
        }
    }

    private void read() {
        Instant nextHousekeeping = clock.instant().plus(HOUSEKEEPING);
        try {
            while (running) {
                try {
                    ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL);
                    for (ConsumerRecord<byte[], byte[]> record : records) {
                        applyRead(record);
                    }
                    Map<TopicPartition, Long> now = new HashMap<>();
                    for (TopicPartition partition : consumer.assignment()) {
                        now.put(partition, consumer.position(partition));
                    }
                    synchronized (progress) {
                        positions.putAll(now);
                        progress.notifyAll();
                    }
                    if (clock.instant().isAfter(nextHousekeeping)) {
                        housekeeping();
                        nextHousekeeping = clock.instant().plus(HOUSEKEEPING);
                    }
                } catch (WakeupException stopping) {
                    // stop() was called
                } catch (RuntimeException e) {
                    if (running) {
                        log.warn("Reading {} failed; trying again in {}: {}", topic, RETRY_AFTER_FAILURE, e.toString());
                        pauseAfterFailure();
                    }
                }
            }
        } finally {
            consumer.close(Duration.ofSeconds(5));
            synchronized (progress) {
                progress.notifyAll();
            }
        }
    }

    private void applyRead(ConsumerRecord<byte[], byte[]> record) {
        if (record.key() == null) {
            return;
        }
        String key = new String(record.key(), StandardCharsets.UTF_8);
        V value = null;
        if (record.value() != null) {
            try {
                value = json.readValue(record.value(), type);
            } catch (RuntimeException unreadable) {
                log.warn("Skipping unreadable record {}-{}@{} of {}: {}", record.topic(), record.partition(), record.offset(),
                        topic, unreadable.toString());
                return;
            }
        }
        apply(key, new Entry<>(record.partition(), record.offset(), value));
    }

    private void apply(String key, Entry<V> update) {
        entries.compute(key, (ignored, current) -> current == null || current.offset() <= update.offset() ? update : current);
    }

    private void pauseAfterFailure() {
        try {
            TimeUnit.MILLISECONDS.sleep(RETRY_AFTER_FAILURE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /** Forgets deletions the reader has passed, and values older than the retention. */
    private void housekeeping() {
        Map<TopicPartition, Long> read;
        synchronized (progress) {
            read = Map.copyOf(positions);
        }
        Instant oldest = retention == null ? null : clock.instant().minus(retention);
        entries.entrySet().removeIf(entry -> {
            Entry<V> value = entry.getValue();
            if (value.value() == null) {
                return read.getOrDefault(new TopicPartition(topic, value.partition()), 0L) > value.offset();
            }
            return oldest != null && writtenAt != null && writtenAt.apply(value.value()).isBefore(oldest);
        });
    }

    /** Number of live entries, for logs and tests. */
    public int size() {
        return (int) entries.values().stream().filter(entry -> entry.value() != null).count();
    }
}
