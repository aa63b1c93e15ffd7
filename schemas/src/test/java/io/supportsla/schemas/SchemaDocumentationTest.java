package io.supportsla.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

/** Analytics teams read the schemas: every record, enum and field explains itself. */
class SchemaDocumentationTest {

    @Test
    void everyRecordEnumAndFieldHasADoc() {
        List<String> undocumented = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Topics.avroTopics().forEach(topic -> collectUndocumented(topic.valueSchema(), seen, undocumented));

        assertThat(undocumented).isEmpty();
    }

    @Test
    void everyEnvelopeCarriesTheContractFields() {
        Topics.avroTopics().forEach(topic -> {
            Schema envelope = topic.valueSchema();
            assertThat(envelope.getFields()).extracting(Schema.Field::name)
                    .as(topic.name())
                    .startsWith("eventId", "occurredAt", "caseNumber")
                    .contains("payload");
            assertThat(envelope.getField("payload").schema().getType()).isEqualTo(Schema.Type.UNION);
            assertThat(envelope.getField("occurredAt").schema().getLogicalType().getName()).isEqualTo("timestamp-millis");
        });
    }

    @Test
    void eachTopicsPayloadHoldsTheEventsTheSpecNames() {
        assertThat(payloadNames(Topics.CASE_EVENTS)).containsExactly("CaseCreated", "SeverityChanged",
                "HotlineCallLogged", "CaseResponded", "StatusUpdatePosted", "DisagreementRaised", "CaseResolved");
        assertThat(payloadNames(Topics.SLA_EVENTS)).containsExactly("SlaTimerStarted", "SlaWarning", "SlaBreached",
                "SlaMet", "StatusUpdateDue");
        assertThat(payloadNames(Topics.ESCALATION_EVENTS)).containsExactly("EscalationRaised",
                "EscalationAcknowledged", "EscalationTimedOut");
        assertThat(payloadNames(Topics.NOTIFICATION_EVENTS)).containsExactly("NotificationSent", "NotificationFailed");
    }

    private static List<String> payloadNames(Topic<?> topic) {
        return topic.valueSchema().getField("payload").schema().getTypes().stream().map(Schema::getName).toList();
    }

    private static void collectUndocumented(Schema schema, Set<String> seen, List<String> undocumented) {
        switch (schema.getType()) {
            case RECORD -> {
                if (!seen.add(schema.getFullName())) {
                    return;
                }
                requireDoc(schema.getFullName(), schema.getDoc(), undocumented);
                for (Schema.Field field : schema.getFields()) {
                    requireDoc(schema.getFullName() + "." + field.name(), field.doc(), undocumented);
                    collectUndocumented(field.schema(), seen, undocumented);
                }
            }
            case ENUM -> {
                if (seen.add(schema.getFullName())) {
                    requireDoc(schema.getFullName(), schema.getDoc(), undocumented);
                }
            }
            case UNION -> schema.getTypes().forEach(branch -> collectUndocumented(branch, seen, undocumented));
            case ARRAY -> collectUndocumented(schema.getElementType(), seen, undocumented);
            case MAP -> collectUndocumented(schema.getValueType(), seen, undocumented);
            default -> {
            }
        }
    }

    private static void requireDoc(String name, String doc, List<String> undocumented) {
        if (doc == null || doc.isBlank()) {
            undocumented.add(name);
        }
    }
}
