package io.supportsla.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The demo the local stack files with {@code --demo}, through intake's public API with the demo
 * keys, exactly as the README's curl commands do: a SEV1 nobody answers (breach, escalation,
 * email and page within about a minute), a SEV2 answered at once (met), and a SEV3 whose
 * disagreement is raised twice (level 1, then the director).
 */
final class DemoScenario {

    static final String HELPDESK_KEY = "local-acme-helpdesk-key";
    static final String CONSULTANT_KEY = "local-consultant-key";

    private static final Logger log = LoggerFactory.getLogger("local-stack");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String intake;

    DemoScenario(String intakeUrl) {
        this.intake = intakeUrl + "/api/v1";
    }

    /** Files the demo cases; returns a line per step for the banner. */
    List<String> run() throws IOException, InterruptedException {
        String sev1 = openCase("SEV1", "ALL_USERS_CANNOT_CONNECT", "Nobody at Acme can connect",
                "Since this morning every Acme user fails to connect to the VPN.");
        String sev2 = openCase("SEV2", "ACCESS_POINTS_UNREACHABLE", "Hotspots in Lisbon unreachable",
                "Users in Lisbon cannot reach the airport access points.");
        post(sev2 + "/responses", CONSULTANT_KEY, Map.of("message", "Looking at the Lisbon access points now."));
        String sev3 = openCase("SEV3", "QUESTION_OR_SERVICE_REQUEST", "Licence count question",
                "How many licences does our contract include?");
        Map<String, Object> documentation = Map.of(
                "caseNumbers", List.of(caseNumber(sev3)),
                "issueDescription", "The licence count we were given does not match our contract.",
                "progressToDate", "Support answered twice with the same figure.",
                "customerImpact", "Acme cannot roll out to 200 new users.",
                "reason", "We disagree with the figure support gives us.");
        JsonNode first = post(sev3 + "/disagreements", HELPDESK_KEY, Map.of("documentation", documentation));
        post(sev3 + "/disagreements", HELPDESK_KEY, Map.of("documentation", documentation,
                "previousDisagreementId", first.path("disagreementId").asText()));
        return List.of(
                caseNumber(sev1) + "  SEV1, nobody answers: breach in 1 min, level-1 escalation, email and page",
                caseNumber(sev2) + "  SEV2, answered at once: met",
                caseNumber(sev3) + "  SEV3, disagreement raised twice: level 1, then the director");
    }

    private String openCase(String severity, String category, String title, String description)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(intake + "/cases"))
                .header("Authorization", "Bearer " + HELPDESK_KEY)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofByteArray(JsonHttp.JSON.writeValueAsBytes(Map.of(
                        "customerId", "acme", "severity", severity, "category", category,
                        "title", title, "description", description))))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IOException("intake refused the demo case (" + response.statusCode() + "): " + response.body());
        }
        String location = response.headers().firstValue("Location")
                .orElseThrow(() -> new IOException("intake answered 201 without a Location"));
        log.info("Demo: opened {} ({})", caseNumberOf(location), severity);
        return intake + "/cases/" + caseNumberOf(location);
    }

    private JsonNode post(String url, String key, Map<String, Object> body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(JsonHttp.JSON.writeValueAsBytes(body)))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IOException("intake refused POST " + url + " (" + response.statusCode() + "): " + response.body());
        }
        return JsonHttp.JSON.readTree(response.body());
    }

    private static String caseNumber(String caseUrl) {
        return caseNumberOf(caseUrl);
    }

    private static String caseNumberOf(String location) {
        return location.substring(location.lastIndexOf('/') + 1);
    }
}
