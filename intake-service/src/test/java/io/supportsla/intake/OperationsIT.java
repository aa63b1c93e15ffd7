package io.supportsla.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.supportsla.intake.testing.IntakeHttp.Reply;
import io.supportsla.intake.testing.IntakeITSupport;
import io.supportsla.intake.testing.Keys;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** What operators and client developers use: health with Kafka in readiness, Prometheus metrics, the OpenAPI description. */
class OperationsIT extends IntakeITSupport {

    @Test
    void readinessIncludesKafkaAndTheTopicsIntakeReads() {
        Reply readiness = http.get("/actuator/health/readiness", null);

        assertThat(readiness.status()).as("%s", readiness).isEqualTo(200);
        JsonNode components = readiness.json().get("components");
        assertThat(readiness.json().get("status").asString()).isEqualTo("UP");
        assertThat(components.get("kafka").get("status").asString()).isEqualTo("UP");
        assertThat(components.get("caseView").get("status").asString()).isEqualTo("UP");
        assertThat(components.get("caseNumberClaims").get("status").asString()).isEqualTo("UP");
        assertThat(http.get("/actuator/health/liveness", null).status()).isEqualTo(200);
    }

    @Test
    void prometheusCountsCasesOpenedAndRefusalsByReason() {
        openSev1ForAcme();
        http.post("/api/v1/cases", Keys.ACME_HELPDESK, caseFor("acme", "QUESTION_OR_SERVICE_REQUEST", "SEV1"));

        Reply metrics = http.send(http.request("/actuator/prometheus", null).header("Accept", "text/plain").GET());

        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body())
                .containsPattern("intake_cases_opened_total\\{[^}]*channel=\"http\"[^}]*severity=\"SEV1\"[^}]*} [1-9]")
                .containsPattern("intake_refusals_total\\{[^}]*reason=\"SEVERITY_NOT_ALLOWED_FOR_CATEGORY\"[^}]*} [1-9]")
                .contains("intake_case_events_published_total{");
    }

    @Test
    void theOpenApiDescriptionListsEveryEndpointAndTheApiKeyScheme() {
        Reply docs = http.get("/v3/api-docs", null);

        assertThat(docs.status()).isEqualTo(200);
        JsonNode paths = docs.json().get("paths");
        assertThat(paths.propertyNames()).contains("/api/v1/cases", "/api/v1/cases/{caseNumber}",
                "/api/v1/cases/{caseNumber}/hotline-calls", "/api/v1/cases/{caseNumber}/responses",
                "/api/v1/cases/{caseNumber}/status-updates", "/api/v1/cases/{caseNumber}/severity",
                "/api/v1/cases/{caseNumber}/disagreements", "/api/v1/cases/{caseNumber}/resolution");
        assertThat(paths.get("/api/v1/cases").get("post").get("requestBody").toString()).contains("OpenCase");
        assertThat(docs.json().get("components").get("securitySchemes").get("apiKey").get("scheme").asString()).isEqualTo("bearer");
        assertThat(http.send(http.request("/swagger-ui/index.html", null).GET()).status()).isEqualTo(200);
    }

    @Test
    void unknownPathsAre404ProblemsAndWrongMethods405() {
        assertThat(http.get("/nothing-here", null).status()).isEqualTo(404);
        Reply wrongMethod = http.send(http.request("/api/v1/cases", Keys.ACME_HELPDESK).DELETE());
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.contentType()).startsWith("application/problem+json");
        HttpRequest.Builder put = http.request("/api/v1/cases", Keys.ACME_HELPDESK).PUT(HttpRequest.BodyPublishers.noBody());
        assertThat(http.send(put).status()).isEqualTo(405);
    }
}
