package io.supportsla.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The services' public HTTP APIs, called as the portal and support staff call them, with the
 * {@code local} profile's demo keys (api-security's {@code supportsla-local-demo-keys.yml}).
 */
final class PlatformApi {

    /** Acme's own helpdesk (customer acme, region EMEA). */
    static final String ACME_HELPDESK = "local-acme-helpdesk-key";
    /** Northwind's helpdesk, the partner that serves customer globex (region AMER). */
    static final String NORTHWIND_HELPDESK = "local-northwind-helpdesk-key";
    /** A support consultant (jane-consultant). */
    static final String CONSULTANT = "local-consultant-key";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String intake;
    private final String sla;
    private final String escalation;

    PlatformApi(String intakeUrl, String slaUrl, String escalationUrl) {
        this.intake = intakeUrl + "/api/v1";
        this.sla = slaUrl + "/api/v1";
        this.escalation = escalationUrl + "/api/v1";
    }

    /** {@code POST /cases} as a helpdesk; answers intake's 201 body (caseNumber, receivedAt, ...). */
    JsonNode openCase(String helpdeskKey, String customerId, String severity, String category, String title) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("customerId", customerId);
        body.put("severity", severity);
        body.put("category", category);
        body.put("title", title);
        body.put("description", title + " (filed by the system tests)");
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(intake + "/cases"))
                .header("Authorization", "Bearer " + helpdeskKey)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes(body))).build());
        return expect(201, response, "POST /cases");
    }

    /** A consultant's response: {@code POST /cases/{n}/responses}. */
    JsonNode respond(String caseNumber, String message) {
        return post(intake + "/cases/" + caseNumber + "/responses", CONSULTANT, Map.of("message", message));
    }

    /** A disagreement with its full written documentation; {@code previousDisagreementId} may be null. */
    JsonNode raiseDisagreement(String helpdeskKey, String caseNumber, String previousDisagreementId) {
        Map<String, Object> documentation = Map.of(
                "caseNumbers", List.of(caseNumber),
                "issueDescription", "The action plan does not address the outage.",
                "progressToDate", "Two calls with support, no workaround yet.",
                "customerImpact", "Our users cannot work.",
                "reason", "We disagree with the plan support proposes.");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("documentation", documentation);
        if (previousDisagreementId != null) {
            body.put("previousDisagreementId", previousDisagreementId);
        }
        return post(intake + "/cases/" + caseNumber + "/disagreements", helpdeskKey, body);
    }

    /** {@code POST /cases/{n}/resolution} as a consultant. */
    JsonNode resolve(String caseNumber, String resolution) {
        return post(intake + "/cases/" + caseNumber + "/resolution", CONSULTANT, Map.of("resolution", resolution));
    }

    /** sla-service's view of a case: {@code GET /api/v1/sla/cases/{n}}. */
    JsonNode slaCase(String caseNumber) {
        return get(sla + "/sla/cases/" + caseNumber, CONSULTANT);
    }

    /** escalation-service's view of a case's escalations: {@code GET /api/v1/cases/{n}/escalations}. */
    JsonNode escalations(String caseNumber) {
        return get(escalation + "/cases/" + caseNumber + "/escalations", CONSULTANT);
    }

    /** The status of each of a case's escalations, oldest first (AWAITING_ACKNOWLEDGEMENT, SUPERSEDED, ...). */
    List<String> escalationStatuses(String caseNumber) {
        List<String> statuses = new java.util.ArrayList<>();
        escalations(caseNumber).path("escalations").forEach(escalation -> statuses.add(escalation.path("status").asText()));
        return statuses;
    }

    private JsonNode post(String url, String key, Map<String, Object> body) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes(body))).build());
        return expect(200, response, "POST " + url);
    }

    private JsonNode get(String url, String key) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + key).GET().build());
        return expect(200, response, "GET " + url);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static JsonNode expect(int status, HttpResponse<String> response, String what) {
        if (response.statusCode() != status) {
            throw new AssertionError(what + " answered " + response.statusCode() + " (expected " + status + "): "
                    + response.body());
        }
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(what + " answered something that is not JSON: " + response.body(), e);
        }
    }

    private static byte[] bytes(Object body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
