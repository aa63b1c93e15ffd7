package io.supportsla.intake.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.supportsla.intake.testing.IntakeITSupport;
import io.supportsla.schemas.Topics;
import io.supportsla.schemas.cases.CaseCreated;
import io.supportsla.schemas.cases.CaseEvent;
import io.supportsla.schemas.cases.SubmissionChannel;
import io.supportsla.testing.kafka.KafkaBroker;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The portal's Kafka topic: submissions go through the same validation and rules as POST /cases;
 * accepted ones become CaseCreated, refused ones land on the rejected topic with their reasons,
 * undecodable ones on the dead-letter topic, and the listener carries on.
 */
class PortalSubmissionsIT extends IntakeITSupport {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private KafkaProducer<String, byte[]> portal;
    private KafkaConsumer<String, byte[]> rejected;
    private KafkaConsumer<String, byte[]> deadLetters;

    @BeforeEach
    void connectToKafka(KafkaBroker broker) {
        Properties producer = new Properties();
        producer.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        producer.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        producer.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        portal = new KafkaProducer<>(producer);
        rejected = consumerAtEnd(broker, Topics.PORTAL_CASE_SUBMISSIONS_REJECTED);
        deadLetters = consumerAtEnd(broker, Topics.deadLetterTopic(Topics.PORTAL_CASE_SUBMISSIONS));
    }

    @AfterEach
    void disconnect() {
        portal.close(Duration.ofSeconds(5));
        rejected.close(Duration.ofSeconds(5));
        deadLetters.close(Duration.ofSeconds(5));
    }

    @Test
    void anAcceptedSubmissionBecomesCaseCreated() {
        String submissionId = UUID.randomUUID().toString();
        Map<TopicPartition, Long> before = events.endOffsets();

        submit("portal-key-1", submission(submissionId, "acme-helpdesk", caseFor("acme", "VIP_USER", "SEV1")));

        CaseEvent event = awaitCaseCreated(before, submissionId);
        CaseCreated created = (CaseCreated) event.getPayload();
        assertThat(created.getSubmissionChannel()).isEqualTo(SubmissionChannel.PORTAL_KAFKA);
        assertThat(created.getOpenedBy().getPrincipal()).isEqualTo("acme-helpdesk");
        assertThat(created.getCustomerId()).isEqualTo("acme");
        assertThat(http.get(casePath(event.getCaseNumber()), io.supportsla.intake.testing.Keys.ACME_HELPDESK).status()).isEqualTo(200);
    }

    @Test
    void aRefusedSubmissionLandsOnTheRejectedTopicWithItsReasonsAndTheNextOneGoesThrough() {
        String refusedId = UUID.randomUUID().toString();
        String invalidId = UUID.randomUUID().toString();
        String nextId = UUID.randomUUID().toString();
        Map<TopicPartition, Long> before = events.endOffsets();

        submit("key-refused", submission(refusedId, "acme-helpdesk", caseFor("acme", "ALL_USERS_CANNOT_CONNECT", "SEV3")));
        Map<String, Object> badShape = caseFor("acme", "VIP_USER", "SEV1");
        badShape.put("priority", "urgent");
        badShape.remove("title");
        submit("key-invalid", submission(invalidId, "acme-helpdesk", badShape));
        submit("key-next", submission(nextId, "acme-helpdesk", caseFor("acme", "VIP_USER", "SEV1")));

        Map<String, ConsumerRecord<String, byte[]>> rejections = awaitRecords(rejected, 2);
        JsonNode refusal = JSON.readTree(rejections.get("key-refused").value());
        assertThat(refusal.get("submissionId").asString()).isEqualTo(refusedId);
        assertThat(refusal.get("reason").asString()).isEqualTo("SEVERITY_NOT_ALLOWED_FOR_CATEGORY");
        assertThat(refusal.get("detail").asString()).isEqualTo("Category ALL_USERS_CANNOT_CONNECT allows SEV1, not SEV3");
        assertThat(refusal.get("reasons").get(0).get("field").asString()).isEqualTo("case.severity");
        assertThat(refusal.get("submission").get("case").get("severity").asString()).isEqualTo("SEV3");
        assertThat(refusal.get("source").get("topic").asString()).isEqualTo(Topics.PORTAL_CASE_SUBMISSIONS);

        JsonNode invalid = JSON.readTree(rejections.get("key-invalid").value());
        assertThat(invalid.get("reason").asString()).isEqualTo("INVALID_REQUEST");
        List<String> fields = new ArrayList<>();
        invalid.get("reasons").forEach(reason -> fields.add(reason.get("field").asString()));
        assertThat(fields).containsExactlyInAnyOrder("case.priority", "case.title");

        CaseEvent next = awaitCaseCreated(before, nextId);
        assertThat(events.eventsSince(before)).as("only the good submission was published").containsExactly(next);
    }

    @Test
    void aSubmissionForAnIdentityThatIsNotConfiguredIsRejected() {
        String submissionId = UUID.randomUUID().toString();

        submit("key-unknown", submission(submissionId, "mallory", caseFor("acme", "VIP_USER", "SEV1")));

        JsonNode rejection = JSON.readTree(awaitRecords(rejected, 1).get("key-unknown").value());
        assertThat(rejection.get("reason").asString()).isEqualTo("UNKNOWN_SUBMITTER");
        assertThat(rejection.get("reasons").get(0).get("field").asString()).isEqualTo("submittedBy");
    }

    @Test
    void aPartnerServedCustomersOwnSubmissionIsRejectedNamingThePartner() {
        submit("key-globex", submission(UUID.randomUUID().toString(), "globex-helpdesk", caseFor("globex", "VIP_USER", "SEV1")));

        JsonNode rejection = JSON.readTree(awaitRecords(rejected, 1).get("key-globex").value());
        assertThat(rejection.get("reason").asString()).isEqualTo("PARTNER_SERVED_CUSTOMER");
        assertThat(rejection.get("detail").asString()).contains("please contact Northwind Support Partners");
        assertThat(rejection.get("details").get("partner").get("name").asString()).isEqualTo("Northwind Support Partners");
    }

    @Test
    void anUndecodableRecordGoesToTheDeadLetterTopicAsReceivedAndTheNextOneGoesThrough() {
        String nextId = UUID.randomUUID().toString();
        byte[] garbage = {(byte) 0xC3, 0x28, '{', 'n', 'o', 't', ' ', 'j', 's', 'o', 'n'};
        Map<TopicPartition, Long> before = events.endOffsets();

        portal.send(new ProducerRecord<>(Topics.PORTAL_CASE_SUBMISSIONS, "key-garbage", garbage));
        submit("key-after-garbage", submission(nextId, "acme-helpdesk", caseFor("acme", "VIP_USER", "SEV1")));

        ConsumerRecord<String, byte[]> dead = awaitRecords(deadLetters, 1).get("key-garbage");
        assertThat(dead.value()).isEqualTo(garbage);
        assertThat(header(dead, "kafka_dlt-original-topic")).isEqualTo(Topics.PORTAL_CASE_SUBMISSIONS);
        // Spring Kafka's standard headers: the listener's failure, and its cause.
        assertThat(header(dead, "kafka_dlt-exception-fqcn")).isEqualTo(ListenerExecutionFailedException.class.getName());
        assertThat(header(dead, "kafka_dlt-exception-cause-fqcn")).isEqualTo(UndecodableSubmissionException.class.getName());
        assertThat(header(dead, "kafka_dlt-exception-message")).contains("Not a JSON document");
        assertThat(header(dead, "kafka_dlt-original-consumer-group")).isEqualTo("intake-service");
        for (String name : List.of("kafka_dlt-exception-stacktrace", "kafka_dlt-original-partition", "kafka_dlt-original-offset",
                "kafka_dlt-original-timestamp")) {
            assertThat(dead.headers().lastHeader(name)).as(name).isNotNull();
        }
        awaitCaseCreated(before, nextId);
    }

    @Test
    void aConfluentFramedRecordWithAnUnknownSchemaIdOrNoValueIsDeadLetteredAndTheNextOneGoesThrough() {
        String nextId = UUID.randomUUID().toString();
        // The portal topic is JSON: Avro in the Confluent wire format (magic byte, schema id 0x7fffffff) is not a submission.
        byte[] confluentFramed = {0, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff, 2, 'x'};
        Map<TopicPartition, Long> before = events.endOffsets();

        portal.send(new ProducerRecord<>(Topics.PORTAL_CASE_SUBMISSIONS, "key-framed", confluentFramed));
        portal.send(new ProducerRecord<>(Topics.PORTAL_CASE_SUBMISSIONS, "key-framed", null));
        submit("key-framed", submission(nextId, "acme-helpdesk", caseFor("acme", "VIP_USER", "SEV1")));

        List<ConsumerRecord<String, byte[]>> dead = awaitAll(deadLetters, 2);
        assertThat(dead).extracting(ConsumerRecord::value).containsExactly(confluentFramed, null);
        assertThat(dead).allSatisfy(letter -> {
            assertThat(header(letter, "kafka_dlt-original-topic")).isEqualTo(Topics.PORTAL_CASE_SUBMISSIONS);
            assertThat(header(letter, "kafka_dlt-exception-cause-fqcn")).isEqualTo(UndecodableSubmissionException.class.getName());
        });
        assertThat(header(dead.get(0), "kafka_dlt-exception-message")).contains("Not a JSON document");
        assertThat(header(dead.get(1), "kafka_dlt-exception-message")).contains("The record has no value");
        awaitCaseCreated(before, nextId);
        assertThat(events.eventsSince(before)).as("only the good submission was published").hasSize(1);
    }

    @Test
    void aSubmissionWithImpossibleValuesIsRejectedWithEveryReasonAndTheNextOneGoesThrough() {
        String impossibleId = UUID.randomUUID().toString();
        String nextId = UUID.randomUUID().toString();
        Map<String, Object> impossible = caseFor("", "VIP_USER", "SEV1");
        impossible.put("statusUpdateIntervalMinutes", -5);
        impossible.put("title", "Outage\u202E\u0000");
        Map<TopicPartition, Long> before = events.endOffsets();

        submit("key-impossible", submission(impossibleId, "acme-helpdesk", impossible));
        submit("key-impossible", submission(nextId, "acme-helpdesk", caseFor("acme", "VIP_USER", "SEV1")));

        JsonNode rejection = JSON.readTree(awaitRecords(rejected, 1).get("key-impossible").value());
        assertThat(rejection.get("submissionId").asString()).isEqualTo(impossibleId);
        assertThat(rejection.get("reason").asString()).isEqualTo("INVALID_REQUEST");
        List<String> fields = new ArrayList<>();
        rejection.get("reasons").forEach(reason -> fields.add(reason.get("field").asString()));
        assertThat(fields).containsExactlyInAnyOrder("case.customerId", "case.statusUpdateIntervalMinutes", "case.title");
        awaitCaseCreated(before, nextId);
        assertThat(events.eventsSince(before)).as("only the good submission was published").hasSize(1);
    }

    @Test
    void aRepublishedSubmissionOpensOneCase() {
        String submissionId = UUID.randomUUID().toString();
        Map<String, Object> submission = submission(submissionId, "northwind-helpdesk", caseFor("globex", "HOSTED_ADMIN", "SEV1"));
        Map<TopicPartition, Long> before = events.endOffsets();

        submit("key-twice", submission);
        CaseEvent created = awaitCaseCreated(before, submissionId);
        submit("key-twice", submission);
        String marker = UUID.randomUUID().toString();
        submit("key-twice", submission(marker, "northwind-helpdesk", caseFor("globex", "HOSTED_ADMIN", "SEV1")));
        awaitCaseCreated(before, marker);

        // Same partition, in order: by the time the marker is published, the republished one was handled.
        assertThat(events.eventsSince(before).stream()
                .filter(event -> submissionId.equals(((CaseCreated) event.getPayload()).getSubmissionId())))
                .containsExactly(created);
    }

    private static Map<String, Object> submission(String submissionId, String submittedBy, Map<String, Object> request) {
        Map<String, Object> submission = new LinkedHashMap<>();
        submission.put("submissionId", submissionId);
        submission.put("submittedBy", submittedBy);
        submission.put("case", request);
        return submission;
    }

    private void submit(String key, Map<String, Object> submission) {
        portal.send(new ProducerRecord<>(Topics.PORTAL_CASE_SUBMISSIONS, key, JSON.writeValueAsBytes(submission)));
        portal.flush();
    }

    private CaseEvent awaitCaseCreated(Map<TopicPartition, Long> since, String submissionId) {
        List<CaseEvent> found = new ArrayList<>();
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            found.clear();
            events.eventsSince(since).stream()
                    .filter(event -> event.getPayload() instanceof CaseCreated created && submissionId.equals(created.getSubmissionId()))
                    .forEach(found::add);
            return !found.isEmpty();
        });
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private static KafkaConsumer<String, byte[]> consumerAtEnd(KafkaBroker broker, String topic) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        properties.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(properties);
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        return consumer;
    }

    /** Waits for at least this many records, by key. */
    private static Map<String, ConsumerRecord<String, byte[]>> awaitRecords(KafkaConsumer<String, byte[]> consumer, int count) {
        Map<String, ConsumerRecord<String, byte[]>> records = new LinkedHashMap<>();
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            consumer.poll(Duration.ofMillis(200)).forEach(record -> records.put(record.key(), record));
            return records.size() >= count;
        });
        return records;
    }

    /** Waits for at least this many records, in the order they were written. */
    private static List<ConsumerRecord<String, byte[]>> awaitAll(KafkaConsumer<String, byte[]> consumer, int count) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            return records.size() >= count;
        });
        return records;
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return Optional.ofNullable(header).map(found -> new String(found.value(), StandardCharsets.UTF_8)).orElse(null);
    }
}
