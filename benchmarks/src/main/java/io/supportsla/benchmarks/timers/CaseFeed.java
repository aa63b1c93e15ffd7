package io.supportsla.benchmarks.timers;

import io.supportsla.benchmarks.CaseRecords;
import io.supportsla.schemas.Topics;
import io.supportsla.serde.KafkaAvroSerializer;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongFunction;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Feeds sla-service the way intake does: {@code CaseCreated} events on {@code support.case-events},
 * keyed by case number, with the real serializer and registry. Each case is a SEV1 without a call
 * (a target around the clock), so its deadline is exactly its receipt time plus the configured
 * target: the feed sets the receipt time to {@code deadline - target} to put each deadline where the
 * benchmark wants it.
 */
final class CaseFeed implements AutoCloseable {

    private final KafkaProducer<String, Object> producer;
    private final Duration target;

    CaseFeed(String bootstrapServers, String registryUrl, Duration target) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, KafkaAvroSerializer.class);
        config.put("schema.registry.url", registryUrl);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        // The feed is not what is measured: let it batch, so it never holds the service back.
        config.put(ProducerConfig.LINGER_MS_CONFIG, 10);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "benchmark-case-feed");
        this.producer = new KafkaProducer<>(config);
        this.target = target;
    }

    /**
     * Sends one {@code CaseCreated} for each sequence number in {@code [from, to)}, its deadline
     * given by {@code deadlineOf}, and returns once the broker has acknowledged all of them.
     */
    void send(long from, long to, LongFunction<Instant> deadlineOf) throws InterruptedException {
        int count = Math.toIntExact(to - from);
        CountDownLatch acknowledged = new CountDownLatch(count);
        AtomicReference<Exception> failure = new AtomicReference<>();
        for (long sequence = from; sequence < to; sequence++) {
            Instant receivedAt = deadlineOf.apply(sequence).minus(target);
            producer.send(new ProducerRecord<>(Topics.CASE_EVENTS.name(), CaseRecords.caseNumber(sequence),
                    CaseRecords.caseCreated(sequence, receivedAt, "Timer benchmark case " + sequence)), (metadata, exception) -> {
                        if (exception != null) {
                            failure.compareAndSet(null, exception);
                        }
                        acknowledged.countDown();
                    });
        }
        if (!acknowledged.await(10, TimeUnit.MINUTES)) {
            throw new IllegalStateException("The case feed was not acknowledged within 10 minutes");
        }
        if (failure.get() != null) {
            throw new IllegalStateException("The case feed failed: " + failure.get(), failure.get());
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }
}
