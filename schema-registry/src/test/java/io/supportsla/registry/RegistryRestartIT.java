package io.supportsla.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.supportsla.testing.kafka.KafkaBroker;
import io.supportsla.testing.kafka.WithKafkaBroker;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.avro.Schema;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;

/** The topic is the registry's memory: a new registry on the same topic serves what the old one stored. */
@WithKafkaBroker
class RegistryRestartIT {

    @Test
    void idsVersionsAndLevelsSurviveARestart(KafkaBroker broker) {
        Map<String, String> ownTopic = Map.of("schema-registry.kafkastore.topic", "_schemas-" + UUID.randomUUID());
        int customerId;
        int withNameId;
        try (EmbeddedSchemaRegistry first = EmbeddedSchemaRegistry.start(broker.bootstrapServers(), 0, ownTopic)) {
            RegistryHttp http = new RegistryHttp(first.url());
            customerId = http.register("orders-value", Schemas.CUSTOMER).id();
            withNameId = http.register("orders-value", Schemas.CUSTOMER_WITH_OPTIONAL_NAME).id();
            http.register("invoices-value", Schemas.CUSTOMER_WITH_OPTIONAL_NAME);
            http.put("/config", "{\"compatibility\": \"FULL\"}");
            http.setLevel("orders-value", "NONE");
        }

        try (EmbeddedSchemaRegistry second = EmbeddedSchemaRegistry.start(broker.bootstrapServers(), 0, ownTopic)) {
            RegistryHttp http = new RegistryHttp(second.url());

            assertThat(http.get("/schemas/ids/" + customerId).json().get("schema").asString())
                    .isEqualTo(new Schema.Parser().parse(Schemas.CUSTOMER).toString());
            assertThat(http.get("/subjects").body()).isEqualTo("[\"invoices-value\",\"orders-value\"]");
            assertThat(http.get("/subjects/orders-value/versions").body()).isEqualTo("[1,2]");
            assertThat(http.get("/subjects/orders-value/versions/2").json().get("id").asInt()).isEqualTo(withNameId);
            assertThat(http.get("/subjects/invoices-value/versions/1").json().get("id").asInt()).isEqualTo(withNameId);
            assertThat(http.get("/config").body()).isEqualTo("{\"compatibilityLevel\":\"FULL\"}");
            assertThat(http.get("/config/orders-value").body()).isEqualTo("{\"compatibilityLevel\":\"NONE\"}");

            assertThat(http.register("orders-value", Schemas.CUSTOMER).id()).isEqualTo(customerId);
            assertThat(http.get("/subjects/orders-value/versions").body()).isEqualTo("[1,2]");
            int newId = http.register("orders-value", Schemas.CUSTOMER_WITH_REQUIRED_EMAIL).id();
            assertThat(newId).isEqualTo(withNameId + 1);
        }
    }

    @Test
    void theTopicIsCompactedAndHoldsConfluentsRecordFormat(KafkaBroker broker) throws Exception {
        String topic = "_schemas-" + UUID.randomUUID();
        try (EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(
                broker.bootstrapServers(), 0, Map.of("schema-registry.kafkastore.topic", topic))) {
            RegistryHttp http = new RegistryHttp(registry.url());
            http.register("orders-value", Schemas.CUSTOMER);
            http.setLevel("orders-value", "FULL");
            http.put("/config", "{\"compatibility\": \"NONE\"}");
        }

        List<String> records = readAll(broker, topic);

        String schema = new Schema.Parser().parse(Schemas.CUSTOMER).toString().replace("\"", "\\\"");
        assertThat(records).containsExactly(
                "{\"keytype\":\"SCHEMA\",\"subject\":\"orders-value\",\"version\":1,\"magic\":1} -> "
                        + "{\"subject\":\"orders-value\",\"version\":1,\"id\":1,\"schema\":\"" + schema + "\",\"deleted\":false}",
                "{\"keytype\":\"CONFIG\",\"subject\":\"orders-value\",\"magic\":0} -> {\"compatibilityLevel\":\"FULL\"}",
                "{\"keytype\":\"CONFIG\",\"subject\":null,\"magic\":0} -> {\"compatibilityLevel\":\"NONE\"}");
        try (Admin admin = Admin.create(broker.adminProperties())) {
            TopicDescription description =
                    admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic);
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            Config config = admin.describeConfigs(List.of(resource)).all().get(30, TimeUnit.SECONDS).get(resource);
            assertThat(description.partitions()).hasSize(1);
            assertThat(config.get("cleanup.policy").value()).isEqualTo("compact");
        }
    }

    private static List<String> readAll(KafkaBroker broker, String topic) {
        List<String> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    records.add(new String(record.key(), StandardCharsets.UTF_8) + " -> "
                            + new String(record.value(), StandardCharsets.UTF_8));
                }
                return consumer.position(partition) >= end;
            });
        }
        return records;
    }
}
