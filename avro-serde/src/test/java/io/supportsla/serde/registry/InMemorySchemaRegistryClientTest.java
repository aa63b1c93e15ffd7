package io.supportsla.serde.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.supportsla.schemas.cases.CaseEvent;
import io.supportsla.schemas.cases.CaseResolved;
import io.supportsla.schemas.common.Actor;
import io.supportsla.schemas.common.ActorRole;
import io.supportsla.serde.SpecificAvroSerde;

class InMemorySchemaRegistryClientTest {

    private static final String SCOPE = "in-memory-client-test";

    @AfterEach
    void forgetScope() {
        InMemorySchemaRegistryClient.dropScope(SCOPE);
    }

    @Test
    void serdesConfiguredWithTheSameMockScopeShareOneRegistry() {
        Map<String, String> config = Map.of("schema.registry.url", "mock://" + SCOPE);
        CaseEvent event = CaseEvent.newBuilder()
                .setEventId("e-1")
                .setOccurredAt(Instant.parse("2026-11-26T10:15:30Z"))
                .setCaseNumber("C-1")
                .setPayload(CaseResolved.newBuilder()
                        .setResolvedAt(Instant.parse("2026-11-26T10:15:30Z"))
                        .setResolvedBy(new Actor("consultant-1", "support", ActorRole.CONSULTANT))
                        .setResolution("Restarted the RoamServer")
                        .build())
                .build();

        try (var writer = new SpecificAvroSerde<CaseEvent>(); var reader = new SpecificAvroSerde<CaseEvent>()) {
            writer.configure(config, false);
            reader.configure(config, false);
            byte[] bytes = writer.serializer().serialize("support.case-events", event);

            assertThat(reader.deserializer().deserialize("support.case-events", bytes)).isEqualTo(event);
        }
        assertThat(InMemorySchemaRegistryClient.forScope(SCOPE).getLatest("support.case-events-value").schema())
                .isEqualTo(CaseEvent.getClassSchema());
    }

    @Test
    void theSameSchemaGetsTheSameIdInEverySubjectAndUnknownIdsAreRefused() {
        var client = InMemorySchemaRegistryClient.forScope(SCOPE);

        int first = client.register("a-value", CaseEvent.getClassSchema());
        int second = client.register("b-value", CaseEvent.getClassSchema());

        assertThat(second).isEqualTo(first);
        assertThat(client.lookup("b-value", CaseEvent.getClassSchema())).isEqualTo(first);
        assertThatThrownBy(() -> client.getSchemaById(first + 1))
                .isInstanceOf(SchemaRegistryException.class)
                .hasMessageContaining("not found");
    }
}
