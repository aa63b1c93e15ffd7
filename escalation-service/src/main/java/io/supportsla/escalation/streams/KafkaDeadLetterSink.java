package io.supportsla.escalation.streams;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Writes dead letters with a producer of its own, created on the first dead letter from the
 * Streams configuration's connection settings (bootstrap servers, security). Each write waits for
 * the broker's acknowledgement, so a record is only skipped once its dead letter is stored.
 */
final class KafkaDeadLetterSink implements DeadLetterSink {

    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

    private final Map<String, Object> producerConfig;
    private KafkaProducer<byte[], byte[]> producer;

    KafkaDeadLetterSink(Map<String, ?> streamsConfig, String clientId) {
        Map<String, Object> config = new HashMap<>();
        streamsConfig.forEach((key, value) -> {
            if (key.equals(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG) || key.startsWith("security.")
                    || key.startsWith("ssl.") || key.startsWith("sasl.")) {
                config.put(key, value);
            }
        });
        config.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        this.producerConfig = config;
    }

    @Override
    public synchronized void send(ProducerRecord<byte[], byte[]> deadLetter) {
        if (producer == null) {
            producer = new KafkaProducer<>(producerConfig);
        }
        try {
            producer.send(deadLetter).get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted writing a dead letter to " + deadLetter.topic(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not write a dead letter to " + deadLetter.topic(), e);
        }
    }
}
