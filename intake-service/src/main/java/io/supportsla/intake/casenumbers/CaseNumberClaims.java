package io.supportsla.intake.casenumbers;

import io.supportsla.intake.cases.IntakeUnavailableException;
import io.supportsla.intake.kafka.TopicFollower;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.ObjectReader;

/**
 * Case numbers from the offsets of {@code intake.case-number-claims}, a single-partition topic.
 * Every instance appends a claim and takes the offset the broker gives it: the one partition's
 * leader hands out each offset once, in the order claims arrive, and never hands it out again, so
 * numbers are unique across instances and restarts, need no coordination beyond the broker every
 * write needs anyway, and sort by receipt. A claim whose case is then not published (the broker
 * went away, the request was refused as a duplicate) leaves a gap; numbers are never reused.
 *
 * <p>Claims with an idempotency key are also read back by every instance (see
 * {@link ClaimListener}): the first claim of a key wins. The topic must never be deleted; if it
 * has to be recreated, raise {@code intake.case-numbers.base} above the highest case number.
 */
public final class CaseNumberClaims implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CaseNumberClaims.class);
    private static final Duration SEND_MARGIN = Duration.ofSeconds(2);

    private final String topic;
    private final KafkaTemplate<String, byte[]> template;
    private final ObjectMapper json;
    private final long base;
    private final Duration publishBound;
    private final Duration retryAfter;
    private final Clock clock;
    private final String instance = ManagementFactory.getRuntimeMXBean().getName();
    private final TopicFollower<String, byte[]> follower;
    // Tolerant of fields it does not know: during a rolling upgrade a newer instance may write more.
    private final ObjectReader reader;
    private volatile ClaimListener listener = (offset, appendedAt, record) -> { };

    /** Hears every claim on the topic, in offset order, including this instance's own. */
    @FunctionalInterface
    public interface ClaimListener {
        void claimed(long offset, Instant appendedAt, ClaimRecord record);
    }

    /**
     * @param followerFactory builds the follower of the claims topic, given the callback for its records
     * @param publishBound the longest a send can take before it is acknowledged or has definitely failed
     */
    public CaseNumberClaims(String topic, KafkaTemplate<String, byte[]> template, ObjectMapper json, long base,
                            Duration publishBound, Duration retryAfter, Clock clock,
                            Function<Consumer<ConsumerRecord<String, byte[]>>, TopicFollower<String, byte[]>> followerFactory) {
        this.topic = topic;
        this.template = template;
        this.json = json;
        this.base = base;
        this.publishBound = publishBound;
        this.retryAfter = retryAfter;
        this.clock = clock;
        this.reader = json.readerFor(ClaimRecord.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        this.follower = followerFactory.apply(this::read);
    }

    public void listen(ClaimListener claimListener) {
        this.listener = Objects.requireNonNull(claimListener);
    }

    /** A claim without an idempotency key: just the next number. */
    public CaseNumberClaim claim() {
        return claim(null, null, null);
    }

    /**
     * Appends a claim and returns the number it got, once all in-sync replicas have it.
     *
     * @throws IntakeUnavailableException when the broker does not acknowledge it
     */
    public CaseNumberClaim claim(String organisation, String idempotencyKey, String fingerprint) {
        ClaimRecord record = new ClaimRecord(UUID.randomUUID().toString(), organisation, idempotencyKey, fingerprint, instance);
        Instant requestedAt = clock.instant();
        String key = record.isKeyed() ? organisation + "/" + idempotencyKey : null;
        RecordMetadata metadata;
        try {
            metadata = template.send(new ProducerRecord<>(topic, 0, key, json.writeValueAsBytes(record)))
                    .get(publishBound.plus(SEND_MARGIN).toMillis(), TimeUnit.MILLISECONDS)
                    .getRecordMetadata();
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            throw unavailable(e instanceof ExecutionException ? e.getCause() : e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(e);
        }
        return new CaseNumberClaim(numberAt(metadata.offset()), metadata.offset(), Instant.ofEpochMilli(metadata.timestamp()),
                requestedAt, record.claimId());
    }

    /** The case number a claim at this offset stands for. */
    public CaseNumber numberAt(long offset) {
        return CaseNumber.of(base + offset + 1);
    }

    /** Waits until this instance has read the claims topic up to and including this offset. */
    public boolean awaitRead(long offset, Duration timeout) {
        return follower.awaitApplied(0, offset, timeout);
    }

    public TopicFollower<String, byte[]> follower() {
        return follower;
    }

    private void read(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            return;
        }
        ClaimRecord claim;
        try {
            claim = reader.readValue(record.value());
        } catch (JacksonException e) {
            log.warn("Ignoring unreadable claim at offset {}: {}", record.offset(), e.getOriginalMessage());
            return;
        }
        listener.claimed(record.offset(), Instant.ofEpochMilli(record.timestamp()), claim);
    }

    private IntakeUnavailableException unavailable(Throwable cause) {
        return new IntakeUnavailableException("No case number could be allocated: the Kafka broker did not acknowledge the claim ("
                + cause + ")", retryAfter, cause);
    }

    @Override
    public void start() {
        follower.start();
    }

    @Override
    public void stop() {
        follower.stop();
    }

    @Override
    public boolean isRunning() {
        return follower.isRunning();
    }

    @Override
    public int getPhase() {
        return follower.getPhase();
    }
}
