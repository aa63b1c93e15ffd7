package io.supportsla.intake.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.supportsla.intake.testing.IntakeHttp.Reply;
import io.supportsla.intake.testing.IntakeITSupport;
import io.supportsla.intake.testing.Keys;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every action needs an API key (401), and only the roles and organisations allowed may take it (403); neither publishes. */
class AuthenticationIT extends IntakeITSupport {

    private static final String SOME_CASE = "C-0000-0001";

    static Stream<Arguments> protectedActions() {
        return Stream.of(
                Arguments.of("POST", "/api/v1/cases", caseFor("acme", "VIP_USER", "SEV1")),
                Arguments.of("GET", "/api/v1/cases", null),
                Arguments.of("GET", casePath(SOME_CASE), null),
                Arguments.of("POST", casePath(SOME_CASE) + "/hotline-calls", Map.of("takenBy", "TECHNICIAN")),
                Arguments.of("POST", casePath(SOME_CASE) + "/responses", Map.of("message", "Hello")),
                Arguments.of("POST", casePath(SOME_CASE) + "/status-updates", Map.of("message", "Update")),
                Arguments.of("POST", casePath(SOME_CASE) + "/severity", Map.of("severity", "SEV2", "reason", "x")),
                Arguments.of("POST", casePath(SOME_CASE) + "/disagreements", Map.of("previousDisagreementId", "x")),
                Arguments.of("POST", casePath(SOME_CASE) + "/resolution", Map.of("resolution", "Fixed")));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("protectedActions")
    void withoutAnApiKeyEveryActionIs401(String method, String path, Map<String, Object> body) {
        Map<TopicPartition, Long> before = events.endOffsets();

        Reply reply = call(method, path, null, body);

        assertProblem(reply, 401, null);
        assertThat(reply.json().get("type").asString()).isEqualTo("https://supportsla.io/problems/unauthenticated");
        assertThat(reply.header("WWW-Authenticate")).contains("Bearer realm=\"intake-service\"");
        assertNoEventSince(before);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("protectedActions")
    void withAWrongApiKeyEveryActionIs401(String method, String path, Map<String, Object> body) {
        Map<TopicPartition, Long> before = events.endOffsets();

        Reply reply = call(method, path, "not-a-configured-key", body);

        assertProblem(reply, 401, null);
        assertThat(reply.header("WWW-Authenticate")).contains("Bearer realm=\"intake-service\", error=\"invalid_token\"");
        assertNoEventSince(before);
    }

    @Test
    void consultantsAndTheAnsweringServiceDoNotOpenCases() {
        Map<TopicPartition, Long> before = events.endOffsets();

        for (String key : List.of(Keys.CONSULTANT, Keys.ANSWERING_SERVICE)) {
            Reply reply = http.post("/api/v1/cases", key, caseFor("acme", "VIP_USER", "SEV1"));
            assertProblem(reply, 403, "ROLE_NOT_PERMITTED");
            assertThat(reply.json().get("detail").asString())
                    .contains("Cases are opened by a customer or partner helpdesk, or by an end user");
        }
        assertNoEventSince(before);
    }

    @Test
    void onlySupportStaffLogHotlineCalls() {
        String caseNumber = openSev1ForAcme();
        Map<TopicPartition, Long> before = events.endOffsets();

        for (String key : List.of(Keys.ACME_HELPDESK, Keys.ACME_END_USER)) {
            Reply reply = http.post(casePath(caseNumber) + "/hotline-calls", key, Map.of("takenBy", "TECHNICIAN"));
            assertProblem(reply, 403, "ROLE_NOT_PERMITTED");
            assertThat(reply.json().get("detail").asString()).contains("Hotline calls are logged by support staff");
        }
        assertNoEventSince(before);
    }

    @Test
    void respondingUpdatingReclassifyingAndResolvingAreConsultantOnly() {
        String caseNumber = openSev1ForAcme();
        Map<String, Map<String, Object>> consultantOnly = Map.of(
                "/responses", Map.of("message", "Hello"),
                "/status-updates", Map.of("message", "Update"),
                "/severity", Map.of("severity", "SEV2", "category", "ACCESS_POINTS_UNREACHABLE", "reason", "x"),
                "/resolution", Map.of("resolution", "Fixed"));
        Map<TopicPartition, Long> before = events.endOffsets();

        consultantOnly.forEach((action, body) -> {
            for (String key : List.of(Keys.ACME_HELPDESK, Keys.ACME_END_USER, Keys.ANSWERING_SERVICE)) {
                Reply reply = http.post(casePath(caseNumber) + action, key, body);
                assertProblem(reply, 403, "ROLE_NOT_PERMITTED");
                assertThat(reply.json().get("detail").asString()).contains("Only support consultants");
                assertThat(reply.json().get("allowedRoles").get(0).asString()).isEqualTo("CONSULTANT");
            }
        });
        assertNoEventSince(before);
    }

    @Test
    void endUsersAndTheAnsweringServiceDoNotRaiseDisagreements() {
        String caseNumber = open(Keys.ACME_END_USER, caseFor("acme", "END_USER_CONNECTIVITY", "END_USER_ISSUE"));
        Map<TopicPartition, Long> before = events.endOffsets();

        for (String key : List.of(Keys.ACME_END_USER, Keys.ANSWERING_SERVICE)) {
            assertProblem(http.post(casePath(caseNumber) + "/disagreements", key, Map.of("documentation", Map.of())),
                    403, "ROLE_NOT_PERMITTED");
        }
        assertNoEventSince(before);
    }

    @Test
    void aHelpdeskSeesAndActsOnlyOnItsOwnOrganisationsCases() {
        String acmeCase = openSev1ForAcme();
        Map<TopicPartition, Long> before = events.endOffsets();

        Reply read = http.get(casePath(acmeCase), Keys.INITECH_HELPDESK);
        Reply disagreement = http.post(casePath(acmeCase) + "/disagreements", Keys.INITECH_HELPDESK,
                Map.of("documentation", Map.of("caseNumbers", List.of(acmeCase), "issueDescription", "x", "progressToDate", "x",
                        "customerImpact", "x", "reason", "x")));

        assertProblem(read, 403, "OTHER_ORGANISATION");
        assertProblem(disagreement, 403, "OTHER_ORGANISATION");
        assertThat(http.get("/api/v1/cases", Keys.INITECH_HELPDESK).body()).doesNotContain(acmeCase);
        assertNoEventSince(before);
    }

    @Test
    void anEndUserSeesOnlyTheCasesTheyOpened() {
        String helpdeskCase = openSev1ForAcme();

        assertProblem(http.get(casePath(helpdeskCase), Keys.ACME_END_USER), 403, "OTHER_ORGANISATION");
    }

    private Reply call(String method, String path, String key, Map<String, Object> body) {
        return method.equals("GET") ? http.get(path, key) : http.post(path, key, body);
    }
}
