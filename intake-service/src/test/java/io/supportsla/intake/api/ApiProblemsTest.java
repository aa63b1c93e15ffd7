package io.supportsla.intake.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.supportsla.intake.IntakeProperties;
import io.supportsla.intake.cases.IntakeUnavailableException;
import io.supportsla.intake.idempotency.IdempotentRequestInProgressException;
import io.supportsla.intake.metrics.IntakeMetrics;
import io.supportsla.intake.rules.FieldProblem;
import io.supportsla.intake.rules.Refusal;
import io.supportsla.intake.rules.RefusalReason;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;

/** Refusals and outages as RFC 9457 problems: the status by kind, a type per rule, each bad field named. */
class ApiProblemsTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final ApiProblems problems = new ApiProblems(new IntakeMetrics(meters), defaults());
    private final MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/cases");

    @Test
    void everyRefusalKindHasItsStatus() {
        Map<RefusalReason, Integer> expected = Map.of(
                RefusalReason.INVALID_REQUEST, 400,
                RefusalReason.UNKNOWN_SUBMITTER, 401,
                RefusalReason.PARTNER_SERVED_CUSTOMER, 403,
                RefusalReason.ROLE_NOT_PERMITTED, 403,
                RefusalReason.CASE_NOT_FOUND, 404,
                RefusalReason.CASE_RESOLVED, 409,
                RefusalReason.SEVERITY_NOT_ALLOWED_FOR_CATEGORY, 422,
                RefusalReason.IDEMPOTENCY_KEY_REUSED, 422);

        expected.forEach((reason, status) -> assertThat(problems.refusal(Refusal.of(reason, "x"), request).getStatusCode().value())
                .as(reason.name()).isEqualTo(status));
        for (RefusalReason reason : RefusalReason.values()) {
            assertThat(problems.refusal(Refusal.of(reason, "x"), request).getStatusCode().is4xxClientError()).as(reason.name()).isTrue();
        }
    }

    @Test
    void aRefusalNamesItsRuleTheRequestAndEachBadField() {
        Refusal refusal = Refusal.invalid(List.of(new FieldProblem("title", "must not be blank"),
                new FieldProblem("documentation.caseNumbers[2]", "is not a case number")));

        ResponseEntity<ProblemDetail> response = problems.refusal(refusal, request);

        ProblemDetail problem = response.getBody();
        assertThat(problem.getType()).hasToString("https://supportsla.io/problems/invalid-request");
        assertThat(problem.getTitle()).isEqualTo("The request is not valid");
        assertThat(problem.getDetail()).isEqualTo("2 problems in fields title, documentation.caseNumbers[2]");
        assertThat(problem.getInstance()).hasToString("/api/v1/cases");
        assertThat(problem.getProperties()).containsEntry("reason", "INVALID_REQUEST");
        assertThat(problem.getProperties().get("errors")).isEqualTo(List.of(
                Map.of("field", "title", "pointer", "/title", "detail", "must not be blank"),
                Map.of("field", "documentation.caseNumbers[2]", "pointer", "/documentation/caseNumbers/2", "detail", "is not a case number")));
        assertThat(meters.get("intake.refusals").tag("reason", "INVALID_REQUEST").tag("channel", "http").counter().count()).isEqualTo(1);
    }

    @Test
    void aRefusalCarriesItsDetails() {
        Refusal refusal = Refusal.of(RefusalReason.PARTNER_SERVED_CUSTOMER, "Please contact Northwind")
                .with("partner", Map.of("id", "northwind", "name", "Northwind"));

        ProblemDetail problem = problems.refusal(refusal, request).getBody();

        assertThat(problem.getProperties()).containsEntry("partner", Map.of("id", "northwind", "name", "Northwind"));
        assertThat(problem.getType()).hasToString("https://supportsla.io/problems/partner-served-customer");
    }

    @Test
    void anOutageIs503WithRetryAfterInWholeSeconds() {
        ResponseEntity<ProblemDetail> response = problems.unavailable(
                new IntakeUnavailableException("broker down", Duration.ofMillis(9_200), null), request);

        assertThat(response.getStatusCode().value()).isEqualTo(503);
        assertThat(response.getHeaders().getFirst("Retry-After")).isEqualTo("10");
        assertThat(response.getBody().getType()).hasToString("https://supportsla.io/problems/service-unavailable");
        assertThat(response.getBody().getDetail()).doesNotContain("broker down");
    }

    @Test
    void aRequestStillInProgressIs409WithRetryAfter() {
        ResponseEntity<ProblemDetail> response = problems.inProgress(new IdempotentRequestInProgressException(Duration.ofSeconds(3)), request);

        assertThat(response.getStatusCode().value()).isEqualTo(409);
        assertThat(response.getHeaders().getFirst("Retry-After")).isEqualTo("3");
    }

    static IntakeProperties defaults() {
        return new Binder(new MapConfigurationPropertySource(Map.of())).bindOrCreate("intake", Bindable.of(IntakeProperties.class));
    }
}
