package io.supportsla.intake.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.supportsla.intake.testing.IntakeHttp.Reply;
import io.supportsla.intake.testing.IntakeITSupport;
import io.supportsla.intake.testing.Keys;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Bad input is answered with a 4xx problem naming each bad field, never a 5xx, and never publishes. */
class BadInputIT extends IntakeITSupport {

    @Test
    void unknownFieldsWrongTypesAndMissingFieldsAreEachNamed() {
        Map<TopicPartition, Long> before = events.endOffsets();

        Reply reply = http.post("/api/v1/cases", Keys.ACME_HELPDESK,
                "{\"customerId\": 42, \"category\": \"ROAMSERVER_DOWN\", \"severity\": 1, \"title\": \"\","
                        + " \"priority\": \"urgent\", \"configurationChange\": \"yes\"}");

        assertProblem(reply, 400, "INVALID_REQUEST");
        Map<String, String> errors = errors(reply.json());
        assertThat(errors).containsOnlyKeys("category", "configurationChange", "customerId", "description", "priority", "severity", "title");
        assertThat(errors.get("customerId")).isEqualTo("must be a string");
        assertThat(errors.get("category")).startsWith("must be one of END_USER_CONNECTIVITY, ");
        assertThat(errors.get("severity")).isEqualTo("must be one of SEV1, SEV2, SEV3, END_USER_ISSUE");
        assertThat(errors.get("configurationChange")).isEqualTo("must be true or false");
        assertThat(errors.get("priority")).startsWith("is not a known field");
        assertThat(errors.get("title")).isEqualTo("must not be blank");
        assertThat(errors.get("description")).isEqualTo("must not be blank");
        assertThat(reply.json().get("errors").get(0).get("pointer").asString()).isEqualTo("/category");
        assertNoEventSince(before);
    }

    @Test
    void nestedFieldsAreNamedByTheirPath() {
        String caseNumber = openSev1ForAcme();
        Map<TopicPartition, Long> before = events.endOffsets();

        Reply reply = http.post(casePath(caseNumber) + "/disagreements", Keys.ACME_HELPDESK,
                "{\"documentation\": {\"caseNumbers\": [\"" + caseNumber + "\", 7], \"issueDescription\": \"x\", \"progressToDate\": \"x\","
                        + " \"customerImpact\": \"x\", \"reason\": \"x\", \"urgency\": \"high\"}}");

        assertProblem(reply, 400, "INVALID_REQUEST");
        assertThat(errors(reply.json())).containsOnlyKeys("documentation.caseNumbers[1]", "documentation.urgency");
        assertThat(reply.json().get("errors").get(0).get("pointer").asString()).isEqualTo("/documentation/caseNumbers/1");
        assertNoEventSince(before);
    }

    @Test
    void malformedJsonIs400WithWhereItBroke() {
        Map<TopicPartition, Long> before = events.endOffsets();

        Reply reply = http.post("/api/v1/cases", Keys.ACME_HELPDESK, "{\"customerId\": \"acme\",\n \"title\": }");

        assertProblem(reply, 400, "INVALID_REQUEST");
        assertThat(reply.json().get("title").asString()).isEqualTo("Malformed request body");
        assertThat(reply.json().get("detail").asString()).contains("line 2");
        assertNoEventSince(before);
    }

    @Test
    void duplicateKeysAndTrailingContentAreNotIgnored() {
        Map<TopicPartition, Long> before = events.endOffsets();

        Reply duplicate = http.post("/api/v1/cases", Keys.ACME_HELPDESK, "{\"customerId\": \"acme\", \"customerId\": \"initech\"}");
        Reply trailing = http.post("/api/v1/cases", Keys.ACME_HELPDESK, "{\"customerId\": \"acme\"} {}");

        assertProblem(duplicate, 400, "INVALID_REQUEST");
        assertThat(duplicate.json().get("detail").asString()).contains("customerId");
        assertProblem(trailing, 400, "INVALID_REQUEST");
        assertNoEventSince(before);
    }

    @Test
    void aBodyThatIsNotAnObjectOrIsMissingIs400() {
        Map<TopicPartition, Long> before = events.endOffsets();

        assertProblem(http.post("/api/v1/cases", Keys.ACME_HELPDESK, "[1, 2]"), 400, "INVALID_REQUEST");
        assertProblem(http.post("/api/v1/cases", Keys.ACME_HELPDESK, ""), 400, "INVALID_REQUEST");
        assertProblem(http.post("/api/v1/cases", Keys.ACME_HELPDESK, "null"), 400, "INVALID_REQUEST");
        assertNoEventSince(before);
    }

    @Test
    void anotherContentTypeIs415() {
        Reply reply = http.send(http.request("/api/v1/cases", Keys.ACME_HELPDESK).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("open a case please")));

        assertThat(reply.status()).isEqualTo(415);
        assertThat(reply.contentType()).startsWith("application/problem+json");
    }

    @Test
    void anOversizedBodyIs413WhetherDeclaredOrChunked() {
        Map<TopicPartition, Long> before = events.endOffsets();
        Map<String, Object> huge = new HashMap<>(caseFor("acme", "VIP_USER", "SEV1"));
        huge.put("description", "x".repeat(70 * 1024));

        Reply declared = http.post("/api/v1/cases", Keys.ACME_HELPDESK, huge);
        String json = "{\"customerId\": \"acme\", \"description\": \"" + "y".repeat(70 * 1024) + "\"}";
        Reply chunked = http.postChunked("/api/v1/cases", Keys.ACME_HELPDESK, json.getBytes(StandardCharsets.UTF_8));

        assertThat(declared.status()).as("%s", declared.status()).isEqualTo(413);
        assertThat(declared.contentType()).startsWith("application/problem+json");
        assertThat(declared.json().get("type").asString()).isEqualTo("https://supportsla.io/problems/payload-too-large");
        assertThat(chunked.status()).as("%s", chunked.status()).isEqualTo(413);
        assertThat(chunked.json().get("detail").asString()).isEqualTo("The request body may be at most 65536 bytes");
        assertNoEventSince(before);
    }

    @Test
    void anUnknownCaseIs404ForReadsAndCommands() {
        Map<TopicPartition, Long> before = events.endOffsets();

        assertProblem(http.get(casePath("C-9999-9998"), Keys.CONSULTANT), 404, "CASE_NOT_FOUND");
        assertProblem(http.post(casePath("C-9999-9998") + "/responses", Keys.CONSULTANT, Map.of("message", "Hello")),
                404, "CASE_NOT_FOUND");
        assertNoEventSince(before);
    }

    @Test
    void aMalformedCaseNumberIs400NamingIt() {
        Reply reply = http.get(casePath("not-a-case"), Keys.CONSULTANT);

        assertProblem(reply, 400, "INVALID_REQUEST");
        assertThat(errors(reply.json())).containsOnlyKeys("caseNumber");
    }

    @Test
    void aCaseNumberIsReadBackHoweverItIsWritten() {
        String caseNumber = openSev1ForAcme();

        Reply reply = http.get(casePath(caseNumber.replace("-", "").toLowerCase()), Keys.CONSULTANT);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("caseNumber").asString()).isEqualTo(caseNumber);
    }

    @Test
    void aCallInTheFutureIsRefused() {
        String caseNumber = openSev1ForAcme();
        Map<TopicPartition, Long> before = events.endOffsets();

        Reply future = http.post(casePath(caseNumber) + "/hotline-calls", Keys.CONSULTANT, Map.of("calledAt", "2999-01-01T00:00:00Z"));
        Reply notADate = http.post(casePath(caseNumber) + "/hotline-calls", Keys.CONSULTANT, Map.of("calledAt", "yesterday"));

        assertProblem(future, 400, "INVALID_REQUEST");
        assertThat(errors(future.json())).containsEntry("calledAt", "must not be in the future");
        assertProblem(notADate, 400, "INVALID_REQUEST");
        assertThat(errors(notADate.json())).containsKey("calledAt");
        assertNoEventSince(before);
    }

    private static Map<String, String> errors(JsonNode problem) {
        Map<String, String> errors = new HashMap<>();
        problem.get("errors").forEach(error -> errors.put(error.get("field").asString(), error.get("detail").asString()));
        return errors;
    }
}
