package io.supportsla.intake.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.supportsla.intake.cases.OpenCase;
import io.supportsla.intake.cases.RaiseDisagreement;
import io.supportsla.intake.cases.RequestChannel;
import io.supportsla.intake.portal.PortalSubmission;
import io.supportsla.intake.rules.FieldProblem;
import io.supportsla.intake.rules.Refusal;
import io.supportsla.intake.rules.RefusalReason;
import io.supportsla.schemas.common.Severity;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class StrictJsonBinderTest {

    private static final ValidatorFactory validation = Validation.buildDefaultValidatorFactory();
    private static final JsonMapper json = JsonMapper.builder().build();
    private final StrictJsonBinder binder = new StrictJsonBinder(json, validation.getValidator());

    @AfterAll
    static void close() {
        validation.close();
    }

    @Test
    void bindsAValidRequestFillingDefaults() {
        OpenCase request = binder.bind(json.readTree("""
                {"customerId": "acme", "category": "VIP_USER", "severity": "SEV1", "title": "CEO offline", "description": "At the airport"}
                """), OpenCase.class);

        assertThat(request.severity()).isEqualTo(Severity.SEV1);
        assertThat(request.channel()).isEqualTo(RequestChannel.PORTAL);
        assertThat(request.configurationChange()).isFalse();
    }

    @Test
    void namesEveryBadFieldAtOnce() {
        Map<String, String> problems = problems(() -> binder.bind(json.readTree("""
                {"customerId": 42, "category": "vip_user", "severity": "SEV1", "title": "   ", "extra": 1,
                 "statusUpdateIntervalMinutes": "60", "configurationChange": null}
                """), OpenCase.class));

        assertThat(problems).containsOnlyKeys("customerId", "category", "title", "extra", "statusUpdateIntervalMinutes", "description");
        assertThat(problems.get("customerId")).isEqualTo("must be a string");
        assertThat(problems.get("category")).startsWith("must be one of ");
        assertThat(problems.get("statusUpdateIntervalMinutes")).isEqualTo("must be a whole number");
        assertThat(problems.get("extra")).startsWith("is not a known field; known fields are customerId, category, severity");
        assertThat(problems.get("description")).isEqualTo("must not be blank");
    }

    @Test
    void checksConstraintsOfTheFieldsThatHaveTheRightType() {
        Map<String, String> problems = problems(() -> binder.bind(json.readTree("""
                {"customerId": "acme", "category": "VIP_USER", "severity": "SEV1", "title": "t", "description": "d",
                 "statusUpdateIntervalMinutes": 1}
                """), OpenCase.class));

        assertThat(problems).containsOnly(Map.entry("statusUpdateIntervalMinutes", "must be greater than or equal to 5"));
    }

    @Test
    void namesNestedFieldsByTheirPath() {
        Map<String, String> problems = problems(() -> binder.bind(json.readTree("""
                {"documentation": {"caseNumbers": ["C-0000-0001", 2], "issueDescription": "x", "colour": "red"}}
                """), RaiseDisagreement.class));

        assertThat(problems).containsOnlyKeys("documentation.caseNumbers[1]", "documentation.colour");
    }

    @Test
    void usesJsonNamesForRenamedFields() {
        Map<String, String> problems = problems(() -> binder.bind(json.readTree("""
                {"submissionId": "s-1", "submittedBy": "acme-helpdesk",
                 "case": {"customerId": "acme", "category": "VIP_USER", "severity": "SEV9", "description": "d"}}
                """), PortalSubmission.class));

        assertThat(problems).containsOnlyKeys("case.severity", "case.title");
    }

    @Test
    void aMissingNestedObjectIsNamed() {
        assertThat(problems(() -> binder.bind(json.readTree("{\"submissionId\": \"s\", \"submittedBy\": \"x\"}"), PortalSubmission.class)))
                .containsOnly(Map.entry("case", "must not be null"));
    }

    @Test
    void refusesABodyThatIsNotAnObject() {
        assertThatThrownBy(() -> binder.bind(json.readTree("[]"), OpenCase.class))
                .isInstanceOfSatisfying(Refusal.class, refusal -> assertThat(refusal.reason()).isEqualTo(RefusalReason.INVALID_REQUEST));
        assertThatThrownBy(() -> binder.bind(null, OpenCase.class)).isInstanceOf(Refusal.class);
    }

    private static Map<String, String> problems(Runnable binding) {
        try {
            binding.run();
        } catch (Refusal refusal) {
            assertThat(refusal.reason()).isEqualTo(RefusalReason.INVALID_REQUEST);
            return refusal.problems().stream().collect(Collectors.toMap(FieldProblem::field, FieldProblem::detail));
        }
        throw new AssertionError("expected the request to be refused");
    }
}
