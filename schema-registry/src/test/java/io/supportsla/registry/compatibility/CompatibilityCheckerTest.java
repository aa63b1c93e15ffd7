package io.supportsla.registry.compatibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CompatibilityCheckerTest {

    static final Schema ID_ONLY = record("""
            [{"name": "id", "type": "int"}]""");
    static final Schema ID_AND_OPTIONAL_NAME = record("""
            [{"name": "id", "type": "int"}, {"name": "name", "type": "string", "default": ""}]""");
    static final Schema ID_AND_REQUIRED_EMAIL = record("""
            [{"name": "id", "type": "int"}, {"name": "email", "type": "string"}]""");
    static final Schema ID_AS_STRING = record("""
            [{"name": "id", "type": "string"}]""");

    @ParameterizedTest
    @EnumSource(CompatibilityLevel.class)
    void aSubjectWithoutVersionsAcceptsAnySchema(CompatibilityLevel level) {
        assertThat(CompatibilityChecker.check(level, ID_AS_STRING, List.of()).isCompatible()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(CompatibilityLevel.class)
    void addingAFieldWithADefaultIsAcceptedAtEveryLevel(CompatibilityLevel level) {
        assertThat(CompatibilityChecker.check(level, ID_AND_OPTIONAL_NAME, versions(ID_ONLY)).isCompatible()).isTrue();
    }

    @Test
    void noneAcceptsAChangedFieldType() {
        assertThat(CompatibilityChecker.check(CompatibilityLevel.NONE, ID_AS_STRING, versions(ID_ONLY)).isCompatible())
                .isTrue();
    }

    @Test
    void backwardRefusesANewFieldWithoutDefaultBecauseOldDataLacksIt() {
        CompatibilityVerdict verdict =
                CompatibilityChecker.check(CompatibilityLevel.BACKWARD, ID_AND_REQUIRED_EMAIL, versions(ID_ONLY));

        assertThat(verdict.isCompatible()).isFalse();
        assertThat(verdict.messages()).first().asString()
                .contains("READER_FIELD_MISSING_DEFAULT_VALUE")
                .contains("'email'");
        assertThat(verdict.messages()).contains("{oldSchemaVersion: 1}", "{compatibility: 'BACKWARD'}");
    }

    @Test
    void forwardAcceptsANewFieldWithoutDefaultBecauseOldReadersIgnoreIt() {
        assertThat(CompatibilityChecker.check(CompatibilityLevel.FORWARD, ID_AND_REQUIRED_EMAIL, versions(ID_ONLY))
                .isCompatible()).isTrue();
    }

    @Test
    void forwardRefusesRemovingAFieldOldReadersNeed() {
        CompatibilityVerdict verdict =
                CompatibilityChecker.check(CompatibilityLevel.FORWARD, ID_ONLY, versions(ID_AND_REQUIRED_EMAIL));

        assertThat(verdict.isCompatible()).isFalse();
        assertThat(verdict.messages()).first().asString().contains("READER_FIELD_MISSING_DEFAULT_VALUE");
    }

    @Test
    void backwardAcceptsRemovingAField() {
        assertThat(CompatibilityChecker.check(CompatibilityLevel.BACKWARD, ID_ONLY, versions(ID_AND_REQUIRED_EMAIL))
                .isCompatible()).isTrue();
    }

    @Test
    void fullRefusesWhatEitherDirectionRefuses() {
        assertThat(CompatibilityChecker.check(CompatibilityLevel.FULL, ID_AND_REQUIRED_EMAIL, versions(ID_ONLY))
                .isCompatible()).isFalse();
        assertThat(CompatibilityChecker.check(CompatibilityLevel.FULL, ID_ONLY, versions(ID_AND_REQUIRED_EMAIL))
                .isCompatible()).isFalse();
    }

    @Test
    void aChangedFieldTypeIsReportedAsTypeMismatch() {
        CompatibilityVerdict verdict =
                CompatibilityChecker.check(CompatibilityLevel.BACKWARD, ID_AS_STRING, versions(ID_ONLY));

        assertThat(verdict.messages()).first().asString().contains("TYPE_MISMATCH").contains("/fields/0/type");
    }

    @Nested
    class NonTransitiveLevelsCompareWithTheLatestVersionOnly {

        @Test
        void backwardAcceptsWhatOnlyAnOlderVersionConflictsWith() {
            // v3 drops "a" and requires "b": fine for v2's data (which has b), not for v1's (which lacks it).
            List<PreviousVersion> previous = versions(
                    record("[{\"name\": \"a\", \"type\": \"int\"}]"),
                    record("[{\"name\": \"a\", \"type\": \"int\"}, {\"name\": \"b\", \"type\": \"string\", \"default\": \"x\"}]"));
            Schema v3 = record("[{\"name\": \"b\", \"type\": \"string\"}]");

            assertThat(CompatibilityChecker.check(CompatibilityLevel.BACKWARD, v3, previous).isCompatible()).isTrue();

            CompatibilityVerdict transitive = CompatibilityChecker.check(CompatibilityLevel.BACKWARD_TRANSITIVE, v3, previous);
            assertThat(transitive.isCompatible()).isFalse();
            assertThat(transitive.messages()).contains("{oldSchemaVersion: 1}", "{compatibility: 'BACKWARD_TRANSITIVE'}");
        }

        @Test
        void forwardAcceptsWhatOnlyAnOlderVersionCannotRead() {
            // v1 readers need "b" and have no default for it; v2 readers default it.
            List<PreviousVersion> previous = versions(
                    record("[{\"name\": \"a\", \"type\": \"int\"}, {\"name\": \"b\", \"type\": \"string\"}]"),
                    record("[{\"name\": \"a\", \"type\": \"int\"}, {\"name\": \"b\", \"type\": \"string\", \"default\": \"x\"}]"));
            Schema v3 = record("[{\"name\": \"a\", \"type\": \"int\"}]");

            assertThat(CompatibilityChecker.check(CompatibilityLevel.FORWARD, v3, previous).isCompatible()).isTrue();

            CompatibilityVerdict transitive = CompatibilityChecker.check(CompatibilityLevel.FORWARD_TRANSITIVE, v3, previous);
            assertThat(transitive.isCompatible()).isFalse();
            assertThat(transitive.messages()).contains("{oldSchemaVersion: 1}");
        }

        @Test
        void fullAcceptsWhatOnlyAnOlderVersionConflictsWith() {
            List<PreviousVersion> previous = versions(
                    record("[{\"name\": \"a\", \"type\": \"int\"}]"),
                    record("[{\"name\": \"a\", \"type\": \"int\", \"default\": 0}, {\"name\": \"b\", \"type\": \"string\", \"default\": \"x\"}]"));
            Schema v3 = record("[{\"name\": \"b\", \"type\": \"string\", \"default\": \"x\"}]");

            assertThat(CompatibilityChecker.check(CompatibilityLevel.FULL, v3, previous).isCompatible()).isTrue();
            assertThat(CompatibilityChecker.check(CompatibilityLevel.FULL_TRANSITIVE, v3, previous).isCompatible()).isFalse();
        }

        @Test
        void transitiveLevelsAcceptWhatEveryVersionAccepts() {
            List<PreviousVersion> previous = versions(ID_ONLY, ID_AND_OPTIONAL_NAME);
            Schema v3 = record("""
                    [{"name": "id", "type": "int"}, {"name": "name", "type": "string", "default": ""},
                     {"name": "tier", "type": "string", "default": "standard"}]""");

            for (CompatibilityLevel level : CompatibilityLevel.values()) {
                assertThat(CompatibilityChecker.check(level, v3, previous).isCompatible()).as(level.name()).isTrue();
            }
        }
    }

    @Test
    void levelNamesAreReadCaseInsensitively() {
        assertThat(CompatibilityLevel.named("full_transitive")).contains(CompatibilityLevel.FULL_TRANSITIVE);
        assertThat(CompatibilityLevel.named("SIDEWAYS")).isEmpty();
        assertThat(CompatibilityLevel.named(null)).isEmpty();
    }

    static Schema record(String fields) {
        return new Schema.Parser().parse(
                "{\"type\": \"record\", \"name\": \"Customer\", \"namespace\": \"io.supportsla.test\", \"fields\": " + fields + "}");
    }

    static List<PreviousVersion> versions(Schema... schemas) {
        List<PreviousVersion> versions = new ArrayList<>();
        for (int i = 0; i < schemas.length; i++) {
            versions.add(new PreviousVersion(i + 1, schemas[i]));
        }
        return versions;
    }
}
