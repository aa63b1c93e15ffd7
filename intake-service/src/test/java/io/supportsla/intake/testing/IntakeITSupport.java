package io.supportsla.intake.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What the integration tests share: the running service over HTTP and the case events topic. */
@IntakeIntegrationTest
public abstract class IntakeITSupport {

    protected static CaseEventsTopic events;

    @LocalServerPort
    protected int port;

    protected IntakeHttp http;

    @AfterAll
    static void closeEventsTopic() {
        if (events != null) {
            events.close();
            events = null;
        }
    }

    @BeforeEach
    void connect() {
        http = new IntakeHttp(port);
        Readiness.awaitReady(http);
        if (events == null) {
            // Only once the service has created its topics.
            events = CaseEventsTopic.shared();
        }
    }

    /** A valid request to open a case. */
    protected static Map<String, Object> caseFor(String customerId, String category, String severity) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("customerId", customerId);
        body.put("category", category);
        body.put("severity", severity);
        body.put("title", "Test case " + UUID.randomUUID());
        body.put("description", "Users report the problem since this morning.");
        return body;
    }

    protected static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> changed = new LinkedHashMap<>(body);
        changed.put(field, value);
        return changed;
    }

    /** Opens a case and returns its number. */
    protected String open(String apiKey, Map<String, Object> body) {
        IntakeHttp.Reply reply = http.post("/api/v1/cases", apiKey, body);
        assertThat(reply.status()).as("opening a case: %s", reply).isEqualTo(201);
        return reply.json().get("caseNumber").asString();
    }

    protected String openSev1ForAcme() {
        return open(Keys.ACME_HELPDESK, caseFor("acme", "ALL_USERS_CANNOT_CONNECT", "SEV1"));
    }

    protected static String casePath(String caseNumber) {
        return "/api/v1/cases/" + caseNumber;
    }

    /** Nothing was written to support.case-events since these offsets (requests answer only after publishing, so no waiting). */
    protected static void assertNoEventSince(Map<TopicPartition, Long> before) {
        assertThat(events.endOffsets()).as("support.case-events end offsets").isEqualTo(before);
    }

    /** A refusal as problem+json with its reason; never a server error. */
    protected static void assertProblem(IntakeHttp.Reply reply, int status, String reason) {
        assertThat(reply.status()).as("%s", reply).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().get("status").asInt()).isEqualTo(status);
        if (reason != null) {
            assertThat(reply.json().get("reason").asString()).as("%s", reply).isEqualTo(reason);
            assertThat(reply.json().get("type").asString()).isEqualTo(
                    "https://supportsla.io/problems/" + reason.toLowerCase().replace('_', '-'));
        }
        assertThat(reply.json().get("detail").asString()).isNotBlank();
    }
}
