package io.supportsla.sla.streams;

import static io.supportsla.sla.testing.SlaEventAssertions.describe;
import static org.assertj.core.api.Assertions.assertThat;

import io.supportsla.schemas.common.Region;
import io.supportsla.schemas.common.Severity;
import io.supportsla.sla.testing.CaseEvents;
import io.supportsla.sla.testing.SlaTopologyFixture;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
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

    private static TestRecord<byte[], byte[]> single(SlaTopologyFixture sla) {
        var letters = sla.deadLetters();
        assertThat(letters).hasSize(1);
        return letters.get(0);
    }

    private static String text(Headers headers, String name) {
        return new String(headers.lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
