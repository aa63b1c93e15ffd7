package io.supportsla.registry.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.supportsla.registry.RegistryError;
import io.supportsla.registry.RegistryException;
import io.supportsla.registry.compatibility.CompatibilityLevel;
import io.supportsla.registry.store.InMemorySchemaStore;
import java.util.List;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

class SchemaRegistryTest {

    static final String CUSTOMER_V1 = """
            {"type": "record", "name": "Customer", "fields": [{"name": "id", "type": "int"}]}""";
    static final String CUSTOMER_V2 = """
            {"type": "record", "name": "Customer", "fields": [
              {"name": "id", "type": "int"}, {"name": "name", "type": "string", "default": ""}]}""";
    static final String CUSTOMER_WITH_REQUIRED_EMAIL = """
            {"type": "record", "name": "Customer", "fields": [
              {"name": "id", "type": "int"}, {"name": "email", "type": "string"}]}""";

    private final InMemorySchemaStore store = new InMemorySchemaStore();
    private final SchemaRegistry registry = new SchemaRegistry(store, CompatibilityLevel.BACKWARD);

    @Test
    void theFirstSchemaGetsIdOneAsVersionOne() {
        Registration registration = registry.register("customers-value", SchemaSubmission.avro(CUSTOMER_V1));

        assertThat(registration.newVersion()).isTrue();
        assertThat(registration.schema().id()).isEqualTo(1);
        assertThat(registration.schema().version()).isEqualTo(1);
    }

    @Test
    void aSubjectWithAControlCharacterOrABidiOverrideIsInvalidAndNothingIsWritten() {
        for (String subject : List.of("orders\u0000-value", "orders\n-value", "\u202Eeulav-sredro", "")) {
            assertThatThrownBy(() -> registry.register(subject, SchemaSubmission.avro(CUSTOMER_V1)))
                    .isInstanceOfSatisfying(RegistryException.class,
                            e -> assertThat(e.error()).isEqualTo(RegistryError.INVALID_SUBJECT));
        }
        assertThatThrownBy(() -> registry.setSubjectLevel("orders\u0007-value", "NONE")).isInstanceOf(RegistryException.class);

        assertThat(store.log()).isEmpty();
        assertThat(registry.register("orders-\u00e9t\u00e9-\uD83D\uDE00-value", SchemaSubmission.avro(CUSTOMER_V1)).newVersion())
                .as("any other text is a subject name").isTrue();
    }

    @Test
    void registeringTheSameSchemaAgainReturnsTheExistingVersionAndWritesNothing() {
        registry.register("customers-value", SchemaSubmission.avro(CUSTOMER_V1));

        Registration again = registry.register("customers-value", SchemaSubmission.avro(CUSTOMER_V1));

        assertThat(again.newVersion()).isFalse();
        assertThat(again.schema().id()).isEqualTo(1);
        assertThat(store.log()).hasSize(1);
    }

    @Test
    void whitespaceAndKeyOrderDoNotMakeADifferentSchema() {
        int id = registry.register("customers-value", SchemaSubmission.avro(CUSTOMER_V1)).schema().id();

        String reformatted = "{ \"fields\" : [ { \"type\" : \"int\", \"name\" : \"id\" } ],\n \"name\":\"Customer\", \"type\":\"record\" }";
        Registration again = registry.register("customers-value", SchemaSubmission.avro(reformatted));

        assertThat(again.schema().id()).isEqualTo(id);
        assertThat(again.newVersion()).isFalse();
    }

    @Test
    void theSameSchemaInAnotherSubjectKeepsItsIdAsThatSubjectsFirstVersion() {
        registry.register("customers-value", SchemaSubmission.avro(CUSTOMER_V1));
        registry.register("customers-value", SchemaSubmission.avro(CUSTOMER_V2));

        Registration elsewhere = registry.register("accounts-value", SchemaSubmission.avro(CUSTOMER_V2));

        assertThat(elsewhere.schema().id()).isEqualTo(2);
        assertThat(elsewhere.schema().version()).isEqualTo(1);
    }

    @Test
    void anIncompatibleSchemaIsRefusedNamingTheProblemAndNothingIsWritten() {
        registry.register("customers-value", SchemaSubmission.avro(CUSTOMER_V1));

        assertRefused(() -> registry.register("customers-value", SchemaSubmission.avro(CUSTOMER_WITH_REQUIRED_EMAIL)),
                RegistryError.INCOMPATIBLE_SCHEMA)
                .hasMessageStartingWith(
                        "Schema being registered is incompatible with an earlier schema for subject \"customers-value\", details: [")
                .hasMessageContaining("READER_FIELD_MISSING_DEFAULT_VALUE")
                .hasMessageContaining("email");
        assertThat(store.log()).hasSize(1);
        assertThat(registry.versions("customers-value")).containsExactly(1);
    }

    @Test
    void aSubjectsOwnLevelOverridesTheGlobalOne() {
        registry.register("customers-value", SchemaSubmission.avro(CUSTOMER_V1));
        registry.setSubjectLevel("customers-value", "NONE");

        Registration registration =
                registry.register("customers-value", SchemaSubmission.avro(CUSTOMER_WITH_REQUIRED_EMAIL));

        assertThat(registration.schema().version()).isEqualTo(2);
        assertThat(registry.globalLevel()).isEqualTo(CompatibilityLevel.BACKWARD);
    }

    @Test
    void theDefaultLevelAppliesUntilAGlobalLevelIsSet() {
        assertThat(registry.globalLevel()).isEqualTo(CompatibilityLevel.BACKWARD);

        registry.setGlobalLevel("full");

        assertThat(registry.globalLevel()).isEqualTo(CompatibilityLevel.FULL);
        assertThat(registry.effectiveLevel("customers-value")).isEqualTo(CompatibilityLevel.FULL);
    }

    @Test
    void anUnknownLevelIsRefusedAndNothingIsWritten() {
        assertRefused(() -> registry.setGlobalLevel("SIDEWAYS"), RegistryError.INVALID_COMPATIBILITY_LEVEL);
        assertRefused(() -> registry.setSubjectLevel("customers-value", null), RegistryError.INVALID_COMPATIBILITY_LEVEL);
        assertThat(store.log()).isEmpty();
    }

    @Test
    void aSubjectWithoutItsOwnLevelHasNoneUnlessDefaultingToGlobal() {
        assertRefused(() -> registry.subjectLevel("customers-value", false),
                RegistryError.SUBJECT_COMPATIBILITY_NOT_CONFIGURED)
                .hasMessage("Subject 'customers-value' does not have subject-level compatibility configured");
        assertThat(registry.subjectLevel("customers-value", true)).isEqualTo(CompatibilityLevel.BACKWARD);
    }

    @Test
    void versionsAreFoundByNumberOrAsLatest() {
        registry.register("customers-value", SchemaSubmission.avro(CUSTOMER_V1));
        registry.register("customers-value", SchemaSubmission.avro(CUSTOMER_V2));

        assertThat(registry.version("customers-value", VersionId.parse("1")).id()).isEqualTo(1);
        assertThat(registry.version("customers-value", VersionId.parse("latest")).version()).isEqualTo(2);
        assertThat(registry.version("customers-value", VersionId.parse("-1")).version()).isEqualTo(2);
        assertRefused(() -> registry.version("customers-value", VersionId.parse("3")), RegistryError.VERSION_NOT_FOUND);
        assertRefused(() -> registry.version("suppliers-value", VersionId.LATEST), RegistryError.SUBJECT_NOT_FOUND);
    }

    @Test
    void versionsOtherThanPositiveNumbersAndLatestAreInvalid() {
        assertRefused(() -> VersionId.parse("0"), RegistryError.INVALID_VERSION);
        assertRefused(() -> VersionId.parse("-2"), RegistryError.INVALID_VERSION);
        assertRefused(() -> VersionId.parse("first"), RegistryError.INVALID_VERSION);
    }

    @Test
    void lookingUpFindsTheVersionThatIsTheSchema() {
        registry.register("customers-value", SchemaSubmission.avro(CUSTOMER_V1));
        registry.register("customers-value", SchemaSubmission.avro(CUSTOMER_V2));

        RegisteredSchema found = registry.lookUp("customers-value", SchemaSubmission.avro(CUSTOMER_V2));

        assertThat(found).isEqualTo(new RegisteredSchema("customers-value", 2, 2, AvroSchemaText.parse(CUSTOMER_V2).normalized()));
        assertRefused(() -> registry.lookUp("customers-value", SchemaSubmission.avro(CUSTOMER_WITH_REQUIRED_EMAIL)),
                RegistryError.SCHEMA_NOT_FOUND);
        assertRefused(() -> registry.lookUp("suppliers-value", SchemaSubmission.avro(CUSTOMER_V1)),
                RegistryError.SUBJECT_NOT_FOUND);
    }

    @Test
    void anUnknownIdIsNotFound() {
        assertRefused(() -> registry.schemaById(42), RegistryError.SCHEMA_NOT_FOUND).hasMessage("Schema 42 not found");
    }

    @Test
    void invalidOrUnsupportedSchemasAreRefusedAsInvalid() {
        assertRefused(() -> registry.register("customers-value", SchemaSubmission.avro("{\"type\": \"record\"")),
                RegistryError.INVALID_SCHEMA);
        assertRefused(() -> registry.register("customers-value", SchemaSubmission.avro("")), RegistryError.INVALID_SCHEMA);
        assertRefused(() -> registry.register("customers-value", new SchemaSubmission(CUSTOMER_V1, "PROTOBUF", 0)),
                RegistryError.INVALID_SCHEMA);
        assertRefused(() -> registry.register("customers-value", new SchemaSubmission(CUSTOMER_V1, "AVRO", 1)),
                RegistryError.INVALID_SCHEMA);
        assertThat(store.log()).isEmpty();
    }

    @Test
    void checkingAgainstLatestOfASubjectWithoutVersionsIsCompatibleButANumberedVersionIsNotFound() {
        assertThat(registry.checkAgainstVersion("customers-value", VersionId.LATEST, SchemaSubmission.avro(CUSTOMER_V1))
                .isCompatible()).isTrue();
        assertRefused(() -> registry.checkAgainstVersion("customers-value", VersionId.parse("1"),
                SchemaSubmission.avro(CUSTOMER_V1)), RegistryError.VERSION_NOT_FOUND);
    }

    @Test
    void checkingCompatibilityWritesNothing() {
        registry.register("customers-value", SchemaSubmission.avro(CUSTOMER_V1));

        assertThat(registry.checkAgainstVersion("customers-value", VersionId.LATEST,
                SchemaSubmission.avro(CUSTOMER_WITH_REQUIRED_EMAIL)).isCompatible()).isFalse();
        assertThat(registry.checkAgainstSubject("customers-value", SchemaSubmission.avro(CUSTOMER_V2)).isCompatible())
                .isTrue();
        assertThat(store.log()).hasSize(1);
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> assertRefused(
            org.assertj.core.api.ThrowableAssert.ThrowingCallable call, RegistryError error) {
        return assertThatThrownBy(call)
                .isInstanceOf(RegistryException.class)
                .satisfies(e -> assertThat(((RegistryException) e).error()).isEqualTo(error));
    }
}
