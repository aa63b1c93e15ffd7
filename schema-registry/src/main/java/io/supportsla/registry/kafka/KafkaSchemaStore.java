package io.supportsla.registry.kafka;

import io.supportsla.registry.RegistryError;
import io.supportsla.registry.RegistryException;
import io.supportsla.registry.store.RegistryState;
import io.supportsla.registry.store.SchemaStore;
import io.supportsla.registry.store.StoreRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry's log in a compacted, single-partition Kafka topic. A reader thread applies every
 * record of the topic, in order, to the in-memory {@link RegistryState}; {@link #start()} returns
 * only once it has read the topic to its end. A write is produced synchronously (acks=all,
 * idempotent) and returns once the reader has applied it, so a write is visible to the next read
 * and a restarted registry serves the same ids. Every wait is bounded.
 */
public final class KafkaSchemaStore implements SchemaStore, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KafkaSchemaStore.class);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(100);
    private static final Duration READ_RETRY_BACKOFF = Duration.ofMillis(500);

    private final KafkaStoreSettings settings;
    private final StoreRecordCodec codec = new StoreRecordCodec();
    private final RegistryState state = new RegistryState();
    private final TopicPartition partition;
    private final String clientIdPrefix;

    /** Guards {@link #nextOffsetToApply}; notified whenever the reader advances. */
    private final Object progress = new Object();
    private long nextOffsetToApply;

    private volatile boolean running;
    private volatile boolean ready;
    private boolean closed;
    private KafkaConsumer<byte[], byte[]> consumer;
    private KafkaProducer<byte[], byte[]> producer;
    private Thread reader;

    public KafkaSchemaStore(KafkaStoreSettings settings) {
        this.settings = settings;
        this.partition = new TopicPartition(settings.topic(), 0);
        this.clientIdPrefix = "schema-registry-" + settings.topic() + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /**
     * Creates the topic when missing, reads it to its end and starts following it.
     *
     * @throws IllegalStateException when Kafka cannot be reached or read within the init timeout
     */
    public void start() {
        Instant started = Instant.now();
        Instant deadline = started.plus(settings.initTimeout());
        try {
            SchemasTopic.ensureExists(settings, clientIdPrefix + "-admin", deadline);
            consumer = new KafkaConsumer<>(consumerConfig());
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long endOffset = endOffset(deadline);
            running = true;
            reader = new Thread(this::readUntilClosed, clientIdPrefix + "-reader");
            reader.setDaemon(true);
            reader.start();
            if (!awaitApplied(endOffset, deadline)) {
                throw new IllegalStateException("Could not read the schemas topic " + settings.topic()
                        + " to its end (offset " + endOffset + ") within " + settings.initTimeout()
                        + " (schema-registry.kafkastore.init-timeout)");
            }
            producer = new KafkaProducer<>(producerConfig());
            ready = true;
            log.info("Kafka store ready topic={} endOffset={} subjects={} tookMs={}", settings.topic(), endOffset,
                    state.subjects().size(), Duration.between(started, Instant.now()).toMillis());
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    @Override
    public RegistryState state() {
        return state;
    }

    @Override
    public void append(StoreRecord record) {
        if (!ready) {
            throw new RegistryException(RegistryError.BACKEND_STORE_ERROR, "Error in the backend data store: not started");
        }
        StoreRecordCodec.Encoded encoded = codec.encode(record);
        Instant deadline = Instant.now().plus(settings.writeTimeout());
        RecordMetadata written;
        try {
            written = producer.send(new ProducerRecord<>(settings.topic(), 0, encoded.key(), encoded.value()))
                    // The producer gives up by itself after delivery.timeout.ms; this bound is a backstop.
                    .get(settings.writeTimeout().toMillis() + 1_000, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw writeTimedOut(e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof org.apache.kafka.common.errors.TimeoutException) {
                throw writeTimedOut(e.getCause());
            }
            throw storeError(e.getCause());
        } catch (org.apache.kafka.common.errors.TimeoutException e) {
            throw writeTimedOut(e);
        } catch (KafkaException | IllegalStateException e) {
            throw storeError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw storeError(e);
        }
        if (!awaitApplied(written.offset() + 1, deadline)) {
            throw new RegistryException(RegistryError.OPERATION_TIMEOUT,
                    "Operation timed out: the write at offset " + written.offset() + " of " + settings.topic()
                            + " was not read back within " + settings.writeTimeout());
        }
    }

    /** True once the topic was read to its end at start-up and while the reader keeps following it. */
    public boolean isReady() {
        return ready && reader != null && reader.isAlive();
    }

    public String topic() {
        return settings.topic();
    }

    /** The offset of the next record the reader will apply. */
    public long nextOffsetToApply() {
        synchronized (progress) {
            return nextOffsetToApply;
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        ready = false;
        running = false;
        if (reader != null) {
            consumer.wakeup();
            try {
                reader.join(Duration.ofSeconds(10).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        } else if (consumer != null) {
            consumer.close();
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    private void readUntilClosed() {
        try {
            while (running) {
                try {
                    for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL_INTERVAL)) {
                        apply(record);
                    }
                    advanceTo(consumer.position(partition));
                } catch (WakeupException e) {
                    // close() wants the reader to stop; the loop condition ends it.
                } catch (KafkaException e) {
                    log.warn("Reading the schemas topic failed, retrying topic={} error={}", settings.topic(), e.toString());
                    LockSupport.parkNanos(READ_RETRY_BACKOFF.toNanos());
                }
            }
        } finally {
            consumer.close();
        }
    }

    private void apply(ConsumerRecord<byte[], byte[]> record) {
        try {
            codec.decode(record.key(), record.value()).ifPresent(state::apply);
        } catch (RuntimeException e) {
            // As Confluent's registry does, a record it cannot read is skipped rather than stopping the log.
            log.warn("Skipping unreadable record topic={} offset={} error={}", settings.topic(), record.offset(),
                    e.toString());
        }
    }

    private void advanceTo(long position) {
        synchronized (progress) {
            if (position > nextOffsetToApply) {
                nextOffsetToApply = position;
                progress.notifyAll();
            }
        }
    }

    private boolean awaitApplied(long offsetExclusive, Instant deadline) {
        synchronized (progress) {
            while (nextOffsetToApply < offsetExclusive) {
                long waitMs = Duration.between(Instant.now(), deadline).toMillis();
                if (waitMs <= 0) {
                    return false;
                }
                try {
                    progress.wait(waitMs);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return true;
        }
    }

    private long endOffset(Instant deadline) {
        try {
            return consumer.endOffsets(List.of(partition), SchemasTopic.remaining(deadline)).get(partition);
        } catch (org.apache.kafka.common.errors.TimeoutException e) {
            throw new IllegalStateException("Could not find the end of the schemas topic " + settings.topic()
                    + " within " + settings.initTimeout() + " (schema-registry.kafkastore.init-timeout)", e);
        }
    }

    private Map<String, Object> consumerConfig() {
        Map<String, Object> config = new HashMap<>(settings.clientProperties());
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, clientIdPrefix + "-reader");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        return config;
    }

    private Map<String, Object> producerConfig() {
        int writeTimeoutMs = (int) settings.writeTimeout().toMillis();
        Map<String, Object> config = new HashMap<>(settings.clientProperties());
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        config.put(ProducerConfig.CLIENT_ID_CONFIG, clientIdPrefix + "-writer");
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        // A write fails within the write timeout when Kafka is unreachable, instead of hanging.
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, writeTimeoutMs);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, writeTimeoutMs);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.max(1, writeTimeoutMs / 2));
        return config;
    }

    private RegistryException writeTimedOut(Throwable cause) {
        log.warn("Write to the schemas topic timed out topic={} timeout={}", settings.topic(), settings.writeTimeout());
        return new RegistryException(RegistryError.OPERATION_TIMEOUT,
                "Operation timed out: Kafka did not acknowledge the write within " + settings.writeTimeout(), cause);
    }

    private RegistryException storeError(Throwable cause) {
        log.warn("Write to the schemas topic failed topic={} error={}", settings.topic(), String.valueOf(cause));
        return new RegistryException(RegistryError.BACKEND_STORE_ERROR, "Error in the backend data store", cause);
    }
}
