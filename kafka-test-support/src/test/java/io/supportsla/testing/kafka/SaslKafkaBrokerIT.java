package io.supportsla.testing.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The SASL broker accepts its user over SASL_PLAINTEXT/PLAIN and refuses a wrong password and a plaintext client. */
class SaslKafkaBrokerIT {

    private static SaslKafkaBroker broker;

    @BeforeAll
    static void start() {
        broker = KafkaBrokers.startDedicatedWithSasl("svc-test", "right-password");
    }

    @AfterAll
    static void stop() {
        broker.close();
    }

    @Test
    void theConfiguredUserProducesAndConsumes() throws Exception {
        broker.createTopic("sasl-fixture", 1);
        Map<String, Object> producer = clientConfig(broker.clientProperties());
        producer.put(ProducerConfig.ACKS_CONFIG, "all");
        try (var sender = new KafkaProducer<>(producer, new StringSerializer(), new StringSerializer())) {
            sender.send(new ProducerRecord<>("sasl-fixture", "case-1", "opened")).get(30, TimeUnit.SECONDS);
        }
        Map<String, Object> consumer = clientConfig(broker.clientProperties());
        consumer.put(ConsumerConfig.GROUP_ID_CONFIG, "sasl-fixture");
        consumer.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (var reader = new KafkaConsumer<>(consumer, new StringDeserializer(), new StringDeserializer())) {
            reader.subscribe(List.of("sasl-fixture"));
            List<ConsumerRecord<String, String>> read = new java.util.ArrayList<>();
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
                reader.poll(Duration.ofMillis(200)).forEach(read::add);
                return !read.isEmpty();
            });
            assertThat(read).singleElement().satisfies(record -> assertThat(record.value()).isEqualTo("opened"));
        }
    }

    @Test
    void aWrongPasswordFailsAuthentication() {
        Map<String, Object> config = clientConfig(SaslKafkaBroker.clientProperties(broker.user(), "wrong-password"));
        try (Admin admin = Admin.create(config)) {
            assertThatThrownBy(() -> admin.listTopics().names().get(30, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(SaslAuthenticationException.class);
        }
    }

    private static Map<String, Object> clientConfig(Map<String, String> security) {
        Map<String, Object> config = new HashMap<>(security);
        config.put("bootstrap.servers", broker.bootstrapServers());
        return config;
    }
}
