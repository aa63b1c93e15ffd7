package io.supportsla.escalation.it;

import io.supportsla.schemas.Topics;
import io.supportsla.schemas.escalation.EscalationEvent;
import io.supportsla.serde.KafkaAvroDeserializer;
import io.supportsla.serde.KafkaAvroSerializer;
import io.supportsla.testing.kafka.KafkaBroker;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;

/**
 * The platform's topics as the other services and analytics see them: an Avro producer for the
 * case and SLA events, a read-committed reader of the escalation events and a raw reader of a
 * dead-letter topic.
 */
final class PlatformTopics implements AutoCloseable {

    static final int PARTITIONS = 2;

    private final KafkaProducer<String, Object> producer;
    private final KafkaProducer<String, byte[]> rawProducer;
    private final KafkaConsumer<String, Object> escalations;
    private final List<EscalationEvent> read = new ArrayList<>();
    private final String bootstrapServers;
    private final KafkaAvroSerializer serializer = new KafkaAvroSerializer();

    PlatformTopics(KafkaBroker broker, String registryUrl) {
        this.bootstrapServers = broker.bootstrapServers();
        for (String topic : List.of(Topics.CASE_EVENTS.name(), Topics.SLA_EVENTS.name(), Topics.ESCALATION_EVENTS.name())) {
            broker.createTopic(topic, PARTITIONS);
        }
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, KafkaAvroSerializer.class,
                ProducerConfig.ACKS_CONFIG, "all",
                "schema.registry.url", registryUrl));
        rawProducer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
        escalations = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "it-analytics-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, KafkaAvroDeserializer.class,
                "schema.registry.url", registryUrl,
                "specific.avro.reader", true));
        escalations.subscribe(List.of(Topics.ESCALATION_EVENTS.name()));
        serializer.configure(Map.of("schema.registry.url", registryUrl), false);
    }

    void send(String topic, String caseNumber, SpecificRecord event) {
        try {
            producer.send(new ProducerRecord<>(topic, caseNumber, event)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Could not send to " + topic, e);
        }
    }

    void sendRaw(String topic, String caseNumber, byte[] value) {
        try {
            rawProducer.send(new ProducerRecord<>(topic, caseNumber, value)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Could not send to " + topic, e);
        }
    }

    /** Raw bytes to one partition, whatever the key (null for no value): records that must be read in this order. */
    void sendRaw(String topic, int partition, String key, byte[] value) {
        try {
            rawProducer.send(new ProducerRecord<>(topic, partition, key, value)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Could not send to " + topic, e);
        }
    }

    /** The partition a case's records go to (the default partitioner's choice for its key). */
    int partitionOf(String topic, String caseNumber) {
        int partitions = rawProducer.partitionsFor(topic).size();
        return Utils.toPositive(Utils.murmur2(caseNumber.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    /** The value as the other services write it: Confluent wire format, schema registered. */
    byte[] serialize(String topic, SpecificRecord event) {
        return serializer.serialize(topic, event);
    }

    /** Every committed escalation event of the case read so far, in order (polls for more first). */
    List<EscalationEvent> escalationsOf(String caseNumber) {
        for (ConsumerRecord<String, Object> record : escalations.poll(Duration.ofMillis(200))) {
            read.add((EscalationEvent) record.value());
        }
        return read.stream().filter(event -> event.getCaseNumber().equals(caseNumber)).toList();
    }

    /** The records on a dead-letter topic, read from the start. */
    List<ConsumerRecord<byte[], byte[]>> deadLetters(String topic) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class))) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
            consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            return records;
        }
    }

    @Override
    public void close() {
        producer.close();
        rawProducer.close();
        escalations.close();
    }
}
