package io.supportsla.sla.streams;

import static io.supportsla.sla.testing.SlaEventAssertions.describe;
import static org.assertj.core.api.Assertions.assertThat;

import io.supportsla.schemas.common.Region;
import io.supportsla.schemas.common.Severity;
import io.supportsla.schemas.sla.SlaEvent;
import io.supportsla.schemas.sla.SlaTimerStarted;
import io.supportsla.sla.testing.CaseEvents;
import io.supportsla.sla.testing.SlaTopologyFixture;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Records that cannot be read go, as received, to support.case-events.dlq with Spring's kafka_dlt-* headers; the rest flows on. */
class DeadLetterTopologyTest {

    private static final Instant NOW = Instant.parse("2025-03-11T10:00:00Z");

    private SlaTopologyFixture sla;

    @AfterEach
    void close() {
        if (sla != null) {
            sla.close();
        }
    }

    @Test
    void undecodableRecordGoesToTheDeadLetterTopicWithSpringHeaders() {
        sla = new SlaTopologyFixture(NOW);
        byte[] key = "C-1".getBytes(StandardCharsets.UTF_8);
        byte[] value = "{\"not\":\"avro\"}".getBytes(StandardCharsets.UTF_8);

        sla.sendRaw(key, value);

        TestRecord<byte[], byte[]> letter = single(sla);
        assertThat(letter.key()).isEqualTo(key);
        assertThat(letter.value()).isEqualTo(value);
        Headers headers = letter.headers();
        assertThat(text(headers, "kafka_dlt-original-topic")).isEqualTo(SlaTopologyFixture.CASE_EVENTS);
        assertThat(ByteBuffer.wrap(headers.lastHeader("kafka_dlt-original-partition").value()).getInt()).isZero();
        assertThat(ByteBuffer.wrap(headers.lastHeader("kafka_dlt-original-offset").value()).getLong()).isZero();
        assertThat(ByteBuffer.wrap(headers.lastHeader("kafka_dlt-original-timestamp").value()).getLong()).isEqualTo(NOW.toEpochMilli());
        assertThat(text(headers, "kafka_dlt-original-consumer-group")).isEqualTo("sla-service-test");
        assertThat(text(headers, "kafka_dlt-exception-fqcn")).isEqualTo(UndecodableCaseEventException.class.getName());
        assertThat(text(headers, "kafka_dlt-exception-message")).contains("not a readable Avro record");
        assertThat(text(headers, "kafka_dlt-exception-stacktrace")).contains("UndecodableCaseEventException");
        assertThat(sla.events()).isEmpty();
    }

    @Test
    void processingContinuesAfterABadRecord() {
        sla = new SlaTopologyFixture(NOW);

        sla.sendRaw("C-1".getBytes(StandardCharsets.UTF_8), new byte[] {0, 0, 0, 0, 42, 1});
        sla.send(CaseEvents.created("C-2", Severity.SEV1, Region.EMEA, NOW));

        assertThat(sla.deadLetters()).hasSize(1);
        assertThat(describe(sla.events())).containsExactly("started RESPONSE CASE_CREATED until 2025-03-11T11:00:00Z");
    }

    @Test
    void recordWithoutKeyOrWithAMismatchedKeyIsDeadLettered() {
        sla = new SlaTopologyFixture(NOW);
        byte[] valid = sla.serialize(CaseEvents.created("C-9", Severity.SEV2, Region.EMEA, NOW));

        sla.sendRaw(null, valid);
        sla.sendRaw("OTHER".getBytes(StandardCharsets.UTF_8), valid);

        assertThat(sla.deadLetters()).extracting(r -> text(r.headers(), "kafka_dlt-exception-message"))
                .containsExactly("record has no key (expected the case number)",
                        "record key 'OTHER' differs from the event's case number 'C-9'");
        assertThat(sla.events()).isEmpty();
    }

    @Test
    void aValidHeaderWithASchemaIdTheRegistryDoesNotKnowIsDeadLetteredAsUnknownSchema() {
        sla = new SlaTopologyFixture(NOW);
        byte[] unknownSchema = {0, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff, 2, 'x'};

        sla.sendRaw("C-1".getBytes(StandardCharsets.UTF_8), unknownSchema);
        sla.send(CaseEvents.created("C-1", Severity.SEV2, Region.EMEA, NOW));

        TestRecord<byte[], byte[]> letter = single(sla);
        assertThat(letter.value()).isEqualTo(unknownSchema);
        assertThat(text(letter.headers(), "kafka_dlt-exception-message")).startsWith("the record's schema is unknown to the registry");
        assertThat(sla.events()).as("the next record of the partition is processed").hasSize(1);
    }

    @Test
    void aCaseCreatedForAnEmptyCaseNumberIsDeadLetteredAndTheNextRecordIsProcessed() {
        sla = new SlaTopologyFixture(NOW);

        sla.sendRaw(new byte[0], sla.serialize(CaseEvents.created("", Severity.SEV1, Region.EMEA, NOW)));
        sla.send(CaseEvents.created("C-2", Severity.SEV1, Region.EMEA, NOW));

        assertThat(text(single(sla).headers(), "kafka_dlt-exception-message")).isEqualTo("record has no key (expected the case number)");
        assertThat(describe(sla.events())).containsExactly("started RESPONSE CASE_CREATED until 2025-03-11T11:00:00Z");
    }

    @Test
    void aNegativeStatusUpdateIntervalIsNotPoisonTheDefaultIntervalApplies() {
        // Accepted on purpose: the interval only sets the SEV1 update rhythm, and the policy's default is a safe reading.
        sla = new SlaTopologyFixture(NOW);

        sla.send(CaseEvents.created("C-3", Severity.SEV1, Region.EMEA, NOW, -5));
        sla.send(CaseEvents.responded("C-3", NOW.plusSeconds(60)));

        assertThat(sla.deadLetters()).isEmpty();
        List<SlaEvent> events = sla.events();
        assertThat(describe(events)).last().asString().startsWith("started STATUS_UPDATE");
        SlaTimerStarted statusUpdates = (SlaTimerStarted) events.get(events.size() - 1).getPayload();
        assertThat(statusUpdates.getTarget().getTargetMinutes()).as("the default interval").isEqualTo(60);
    }

    private static TestRecord<byte[], byte[]> single(SlaTopologyFixture sla) {
        var letters = sla.deadLetters();
        assertThat(letters).hasSize(1);
        return letters.get(0);
    }

    private static String text(Headers headers, String name) {
        return new String(headers.lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
