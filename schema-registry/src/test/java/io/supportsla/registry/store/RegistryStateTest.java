package io.supportsla.registry.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.supportsla.registry.compatibility.CompatibilityLevel;
import io.supportsla.registry.store.StoreRecord.CompatibilityConfigured;
import io.supportsla.registry.store.StoreRecord.SchemaVersion;
import io.supportsla.registry.store.StoreRecord.SchemaVersionRemoved;
import org.junit.jupiter.api.Test;

class RegistryStateTest {

    private final RegistryState state = new RegistryState();

    @Test
    void idsOfSchemasOfOtherTypesAreReservedButNotServed() {
        state.apply(new SchemaVersion("payments-value", 1, 7, "PROTOBUF", "syntax = \"proto3\";", false));

        assertThat(state.highestId()).isEqualTo(7);
        assertThat(state.schemaById(7)).isEmpty();
        assertThat(state.subjects()).isEmpty();
    }

    @Test
    void aSoftDeletedVersionIsNotListedButItsIdStillResolvesAndItsNumberIsNotReused() {
        state.apply(SchemaVersion.avro("orders-value", 1, 1, "\"string\""));
        state.apply(new SchemaVersion("orders-value", 1, 1, "AVRO", "\"string\"", true));

        assertThat(state.liveVersions("orders-value")).isEmpty();
        assertThat(state.subjects()).isEmpty();
        assertThat(state.schemaById(1)).contains("\"string\"");
        assertThat(state.highestVersion("orders-value")).isEqualTo(1);
    }

    @Test
    void aTombstoneRemovesTheVersion() {
        state.apply(SchemaVersion.avro("orders-value", 1, 1, "\"string\""));
        state.apply(new SchemaVersionRemoved("orders-value", 1));

        assertThat(state.liveVersions("orders-value")).isEmpty();
        assertThat(state.highestVersion("orders-value")).isZero();
    }

    @Test
    void theLatestConfigRecordWinsAndANullLevelClearsTheSubjectsOwn() {
        state.apply(new CompatibilityConfigured(null, CompatibilityLevel.FULL));
        state.apply(new CompatibilityConfigured("orders-value", CompatibilityLevel.NONE));
        state.apply(new CompatibilityConfigured("orders-value", null));

        assertThat(state.globalLevel()).contains(CompatibilityLevel.FULL);
        assertThat(state.subjectLevel("orders-value")).isEmpty();
    }
}
