package io.supportsla.testing.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

@WithKafkaBroker
class SharedKafkaBrokerIT {

    @Test
    void recordsProducedAreConsumedBack(KafkaBroker broker) throws Exception {
        String topic = "fixture-" + UUID.randomUUID();
        broker.createTopic(topic, 2);

        try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "case-1", "opened")).get();
        }

        List<ConsumerRecord<String, String>> received = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "fixture-test",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(received::add);
                return !received.isEmpty();
            });
        }

        assertThat(received).singleElement().satisfies(record -> {
            assertThat(record.key()).isEqualTo("case-1");
            assertThat(record.value()).isEqualTo("opened");
        });
    }

    @Test
    void springBootTestsFindTheBrokerThroughSystemProperties(KafkaBroker broker) {
        assertThat(System.getProperty("spring.kafka.bootstrap-servers")).isEqualTo(broker.bootstrapServers());
        assertThat(System.getProperty("spring.cloud.stream.kafka.binder.brokers")).isEqualTo(broker.bootstrapServers());
    }

    @Test
    void everyTestClassSharesOneBroker(KafkaBroker broker) {
        assertThat(KafkaBrokers.shared()).isSameAs(broker);
    }
}
