package io.supportsla.sla.testing;

import io.supportsla.schemas.sla.SlaEvent;
import io.supportsla.serde.AvroSerdeConfig;
import io.supportsla.serde.KafkaAvroDeserializer;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads an SLA events topic from the beginning in the background, as an analytics consumer would
 * (read_committed, so only events of committed transactions), and keeps every record it saw.
 */
public final class SlaEventsCollector implements AutoCloseable {

    private final KafkaConsumer<String, Object> consumer;
    private final List<ConsumerRecord<String, Object>> records = new CopyOnWriteArrayList<>();
    private final Thread poller;
    private volatile boolean running = true;

    public SlaEventsCollector(String bootstrapServers, String registryUrl, String topic) {
        this(bootstrapServers, registryUrl, topic, Map.of());
    }

    /** @param clientSettings more consumer settings, e.g. security */
    public SlaEventsCollector(String bootstrapServers, String registryUrl, String topic, Map<String, String> clientSettings) {
        // A deserializer instance handed to the consumer is not configured by it.
        KafkaAvroDeserializer values = new KafkaAvroDeserializer();
        values.configure(Map.of(
                AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG, registryUrl,
                AvroSerdeConfig.SPECIFIC_AVRO_READER_CONFIG, true), false);
        Map<String, Object> config = new HashMap<>(clientSettings);
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "it-collector-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumer = new KafkaConsumer<>(config, new StringDeserializer(), values);
        consumer.subscribe(List.of(topic));
        poller = new Thread(this::poll, "sla-events-collector-" + topic);
        poller.setDaemon(true);
        poller.start();
    }

    private void poll() {
        try {
            while (running) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        } catch (WakeupException e) {
            // closing
        } finally {
            consumer.close();
        }
    }

    /** Every SLA event seen so far for this case, in order. */
    public List<SlaEvent> eventsOf(String caseNumber) {
        return records.stream()
                .filter(record -> caseNumber.equals(record.key()))
                .map(record -> (SlaEvent) record.value())
                .toList();
    }

    public List<SlaEvent> all() {
        return records.stream().map(record -> (SlaEvent) record.value()).toList();
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            poller.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
