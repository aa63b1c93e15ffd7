package io.supportsla.console.acknowledgement;

import io.supportsla.console.ConsoleProperties;
import io.micrometer.observation.ObservationRegistry;
import java.net.http.HttpClient;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * escalation-service's acknowledgement endpoint, called with the signed-in consultant's own API key:
 * {@code POST /api/v1/escalations/{id}/acknowledgement} with {@code Authorization: Bearer <key>} and
 * no body. escalation-service checks the key and records who acknowledged (the key's name), so the
 * console never acknowledges on anyone's behalf but the person's.
 */
public class EscalationServiceClient {

    private static final Logger log = LoggerFactory.getLogger(EscalationServiceClient.class);

    private final RestClient http;
    private final JsonMapper json = JsonMapper.builder().build();

    public EscalationServiceClient(ConsoleProperties.EscalationService settings, ObservationRegistry observations) {
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(client);
        requests.setReadTimeout(settings.readTimeout());
        this.http = RestClient.builder()
                .baseUrl(settings.baseUrl().toString())
                .requestFactory(requests)
                .observationRegistry(observations)
                .build();
    }

    public AcknowledgementOutcome acknowledge(String escalationId, String apiKey) {
        try {
            return http.post()
                    .uri("/api/v1/escalations/{id}/acknowledgement", Map.of("id", escalationId))
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + apiKey)
                    .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON)
                    .exchange((request, response) -> outcome(escalationId, response.getStatusCode().value(),
                            response.getBody().readAllBytes()), true);
        } catch (ResourceAccessException e) {
            log.warn("escalation-service unreachable acknowledging {}: {}", escalationId, e.getMessage());
            return new AcknowledgementOutcome.Unavailable(escalationId, "no answer");
        } catch (RestClientException e) {
            log.warn("Acknowledging {} failed: {}", escalationId, e.toString());
            return new AcknowledgementOutcome.Unavailable(escalationId, "unexpected answer");
        }
    }

    private AcknowledgementOutcome outcome(String escalationId, int status, byte[] body) {
        JsonNode answer = parse(body);
        return switch (status) {
            case 202 -> new AcknowledgementOutcome.Accepted(escalationId);
            case 200 -> new AcknowledgementOutcome.AlreadyAcknowledged(escalationId, text(answer, "acknowledgedBy"));
            case 404, 409 -> new AcknowledgementOutcome.NotAcknowledgeable(escalationId, status, text(answer, "detail"));
            case 401, 403 -> new AcknowledgementOutcome.Refused(escalationId, status, text(answer, "detail"));
            default -> {
                log.warn("escalation-service answered {} acknowledging {}", status, escalationId);
                yield new AcknowledgementOutcome.Unavailable(escalationId, "HTTP " + status);
            }
        };
    }

    private JsonNode parse(byte[] body) {
        try {
            return body.length == 0 ? null : json.readTree(body);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String text(JsonNode answer, String field) {
        if (answer == null || answer.get(field) == null || answer.get(field).isNull()) {
            return null;
        }
        return answer.get(field).asString();
    }
}
