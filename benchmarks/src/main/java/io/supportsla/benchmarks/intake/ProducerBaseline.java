package io.supportsla.benchmarks.intake;

import io.supportsla.benchmarks.CaseRecords;
import io.supportsla.benchmarks.report.Latency;
import io.supportsla.serde.KafkaAvroSerializer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The raw Kafka producer intake is compared with: the same {@code CaseCreated} records, the same
 * serializer and registry, the same producer settings as intake's ({@code acks=all}, idempotent,
 * {@code linger.ms=0}), on the same broker, to a topic of its own with the partitions and settings
 * of {@code support.case-events}. Two ways:
 * <ul>
 *   <li>{@link #synchronous}: as many threads as intake has HTTP clients, each waiting for the
 *   acknowledgement of its record before sending the next, which is what intake does per request;</li>
 *   <li>{@link #pipelined}: one thread sending as fast as the producer takes records, the ceiling of
 *   the broker and serializer on this machine.</li>
 * </ul>
 */
public final class ProducerBaseline implements AutoCloseable {

    /** Figures of one way of producing. */
    public record Outcome(long records, double seconds, double recordsPerSecond, Latency latency) {
    }

    private final KafkaProducer<String, Object> producer;
    private final String topic;
    private final AtomicLong sequence = new AtomicLong();

    ProducerBaseline(String bootstrapServers, String registryUrl, String topic) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, KafkaAvroSerializer.class);
        config.put("schema.registry.url", registryUrl);
        // intake-service's KafkaConfiguration.reliableProducer, setting for setting.
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.put(ProducerConfig.RETRIES_CONFIG, Integer.MAX_VALUE);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "benchmark-baseline");
        this.producer = new KafkaProducer<>(config);
        this.topic = topic;
    }

    private ProducerRecord<String, Object> nextRecord() {
        long number = sequence.incrementAndGet();
        return new ProducerRecord<>(topic, CaseRecords.caseNumber(number),
                CaseRecords.caseCreated(number, Instant.now(), "Benchmark baseline case " + number));
    }

    /** {@code threads} threads, each sending one record and waiting for its acknowledgement, for a warm-up then a measured window. */
    Outcome synchronous(int threads, Duration warmup, Duration measure) throws InterruptedException {
        long windowStart = System.nanoTime() + warmup.toNanos();
        long windowEnd = windowStart + measure.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<long[]>> results = new ArrayList<>();
            List<Histogram> histograms = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                Histogram histogram = Latency.newHistogram();
                histograms.add(histogram);
                results.add(pool.submit(() -> {
                    long acknowledgedInWindow = 0;
                    for (int n = 0; n < 50_000_000 && System.nanoTime() < windowEnd; n++) {
                        long sent = System.nanoTime();
                        producer.send(nextRecord()).get(30, TimeUnit.SECONDS);
                        long acknowledged = System.nanoTime();
                        if (sent >= windowStart) {
                            histogram.recordValue(Math.min((acknowledged - sent) / 1_000, Latency.HIGHEST_TRACKABLE_MICROS));
                        }
                        if (acknowledged >= windowStart && acknowledged < windowEnd) {
                            acknowledgedInWindow++;
                        }
                    }
                    return new long[] {acknowledgedInWindow};
                }));
            }
            long acknowledged = 0;
            for (Future<long[]> result : results) {
                acknowledged += result.get(warmup.plus(measure).plusSeconds(60).toMillis(), TimeUnit.MILLISECONDS)[0];
            }
            Histogram latency = Latency.newHistogram();
            histograms.forEach(latency::add);
            double seconds = measure.toNanos() / 1e9;
            return new Outcome(acknowledged, seconds, acknowledged / seconds, Latency.of(latency));
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("The synchronous producer baseline failed: " + e, e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Sends {@code records} records from one thread without waiting, and times them until the last is acknowledged. */
    Outcome pipelined(int records) throws InterruptedException {
        CountDownLatch acknowledged = new CountDownLatch(records);
        AtomicReference<Exception> failure = new AtomicReference<>();
        Histogram latency = Latency.newHistogram();
        long start = System.nanoTime();
        for (int i = 0; i < records; i++) {
            long sent = System.nanoTime();
            producer.send(nextRecord(), (metadata, exception) -> {
                if (exception != null) {
                    failure.compareAndSet(null, exception);
                } else {
                    synchronized (latency) {
                        latency.recordValue(Math.min((System.nanoTime() - sent) / 1_000, Latency.HIGHEST_TRACKABLE_MICROS));
                    }
                }
                acknowledged.countDown();
            });
        }
        if (!acknowledged.await(10, TimeUnit.MINUTES)) {
            throw new IllegalStateException("The pipelined baseline was not acknowledged within 10 minutes");
        }
        if (failure.get() != null) {
            throw new IllegalStateException("The pipelined baseline failed: " + failure.get(), failure.get());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Outcome(records, seconds, records / seconds, Latency.of(latency));
    }

    /** How many records this baseline has had acknowledged. */
    long sent() {
        return sequence.get();
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }
}
