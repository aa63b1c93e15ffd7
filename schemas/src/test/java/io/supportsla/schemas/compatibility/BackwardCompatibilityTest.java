package io.supportsla.schemas.compatibility;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

import io.supportsla.schemas.cases.CaseEvent;

class BackwardCompatibilityTest {

    private final Schema released = CaseEvent.getClassSchema();

    @Test
    void acceptsANewOptionalFieldWithADefault() {
        Schema candidate = SchemaEdit.of(released)
                .addField("CaseCreated", """
                        {"name": "affectedUsers", "type": ["null", "int"], "default": null, "doc": "How many users."}""")
                .toSchema();

        assertThat(BackwardCompatibility.problems(candidate, released)).isEmpty();
    }

    @Test
    void rejectsANewFieldWithoutDefaultAndNamesIt() {
        Schema candidate = SchemaEdit.of(released)
                .addField("CaseCreated", """
                        {"name": "affectedUsers", "type": "int", "doc": "How many users."}""")
                .toSchema();

        assertThat(BackwardCompatibility.problems(candidate, released))
                .singleElement().asString()
                .contains("payload.CaseCreated")
                .contains("'affectedUsers' has no default");
    }

    @Test
    void rejectsAChangedFieldTypeAndNamesTheField() {
        Schema candidate = SchemaEdit.of(released)
                .changeFieldType("CaseCreated", "title", "\"int\"")
                .toSchema();

        assertThat(BackwardCompatibility.problems(candidate, released))
                .isNotEmpty()
                .allSatisfy(problem -> assertThat(problem).contains("payload.CaseCreated.title"));
    }

    @Test
    void rejectsARemovedEnumSymbolThatOldRecordsUse() {
        Schema candidate = SchemaEdit.of(released).removeEnumSymbol("Severity", "SEV3").toSchema();

        assertThat(BackwardCompatibility.problems(candidate, released))
                .isNotEmpty()
                .anySatisfy(problem -> assertThat(problem).contains("payload.CaseCreated.severity").contains("SEV3"));
    }

    @Test
    void rejectsARemovedEventType() {
        Schema candidate = SchemaEdit.of(released).removeUnionBranch("payload", "CaseResolved").toSchema();

        assertThat(BackwardCompatibility.problems(candidate, released))
                .isNotEmpty()
                .anySatisfy(problem -> assertThat(problem).contains("payload").contains("CaseResolved"));
    }

    @Test
    void acceptsAnAddedEventType() {
        Schema candidate = SchemaEdit.of(released).removeUnionBranch("payload", "CaseResolved").toSchema();

        // Old readers cannot read the new branch, but new readers read everything old: BACKWARD holds.
        assertThat(BackwardCompatibility.problems(released, candidate)).isEmpty();
    }
}
