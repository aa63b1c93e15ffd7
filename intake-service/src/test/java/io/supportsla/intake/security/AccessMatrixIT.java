package io.supportsla.intake.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.supportsla.intake.testing.IntakeHttp.Reply;
import io.supportsla.intake.testing.IntakeITSupport;
import io.supportsla.intake.testing.Keys;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The access matrix of intake's API (docs/reliability.md): every endpoint, for no credentials, a
 * key that is not configured, each role of acme (whose open SEV1 case is the target), and
 * another organisation's helpdesk. Each row runs on a case of its own; a refusal publishes nothing.
 */
class AccessMatrixIT extends IntakeITSupport {

    private static final Map<String, String> KEYS = Map.of(
            "none", "",
            "bad key", "not-a-configured-key",
            "acme helpdesk", Keys.ACME_HELPDESK,
            "acme end user", Keys.ACME_END_USER,
            "consultant", Keys.CONSULTANT,
            "answering service", Keys.ANSWERING_SERVICE,
            "initech helpdesk", Keys.INITECH_HELPDESK);

    @ParameterizedTest(name = "{0} as {1}: {2} {3}")
    @CsvSource(delimiter = '|', textBlock = """
            POST /cases                | none              | 401 |
            POST /cases                | bad key           | 401 |
            POST /cases                | acme helpdesk     | 201 |
            POST /cases                | acme end user     | 403 | END_USER_ISSUE_ONLY
            POST /cases                | consultant        | 403 | ROLE_NOT_PERMITTED
            POST /cases                | answering service | 403 | ROLE_NOT_PERMITTED
            POST /cases                | initech helpdesk  | 403 | OTHER_ORGANISATION
            GET /cases                 | none              | 401 |
            GET /cases                 | bad key           | 401 |
            GET /cases                 | acme helpdesk     | 200 |
            GET /cases                 | acme end user     | 200 |
            GET /cases                 | consultant        | 200 |
            GET /cases                 | answering service | 200 |
            GET /cases                 | initech helpdesk  | 200 |
            GET /cases/{n}             | none              | 401 |
            GET /cases/{n}             | bad key           | 401 |
            GET /cases/{n}             | acme helpdesk     | 200 |
            GET /cases/{n}             | acme end user     | 403 | OTHER_ORGANISATION
            GET /cases/{n}             | consultant        | 200 |
            GET /cases/{n}             | answering service | 200 |
            GET /cases/{n}             | initech helpdesk  | 403 | OTHER_ORGANISATION
            POST /cases/{n}/hotline-calls  | none              | 401 |
            POST /cases/{n}/hotline-calls  | bad key           | 401 |
            POST /cases/{n}/hotline-calls  | acme helpdesk     | 403 | ROLE_NOT_PERMITTED
            POST /cases/{n}/hotline-calls  | acme end user     | 403 | ROLE_NOT_PERMITTED
            POST /cases/{n}/hotline-calls  | consultant        | 200 |
            POST /cases/{n}/hotline-calls  | answering service | 200 |
            POST /cases/{n}/hotline-calls  | initech helpdesk  | 403 | ROLE_NOT_PERMITTED
            POST /cases/{n}/responses      | none              | 401 |
            POST /cases/{n}/responses      | bad key           | 401 |
            POST /cases/{n}/responses      | acme helpdesk     | 403 | ROLE_NOT_PERMITTED
            POST /cases/{n}/responses      | acme end user     | 403 | ROLE_NOT_PERMITTED
            POST /cases/{n}/responses      | consultant        | 200 |
            POST /cases/{n}/responses      | answering service | 403 | ROLE_NOT_PERMITTED
            POST /cases/{n}/responses      | initech helpdesk  | 403 | ROLE_NOT_PERMITTED
            POST /cases/{n}/status-updates | none              | 401 |
            POST /cases/{n}/status-updates | bad key           | 401 |
            POST /cases/{n}/status-updates | acme helpdesk     | 403 | ROLE_NOT_PERMITTED
            POST /cases/{n}/status-updates | acme end user     | 403 | ROLE_NOT_PERMITTED
            POST /cases/{n}/status-updates | consultant        | 200 |
            POST /cases/{n}/status-updates | answering service | 403 | ROLE_NOT_PERMITTED
            POST /cases/{n}/status-updates | initech helpdesk  | 403 | ROLE_NOT_PERMITTED
            POST /cases/{n}/severity       | none              | 401 |
            POST /cases/{n}/severity       | bad key           | 401 |
            POST /cases/{n}/severity       | acme helpdesk     | 403 | ROLE_NOT_PERMITTED
            POST /cases/{n}/severity       | acme end user     | 403 | ROLE_NOT_PERMITTED
            POST /cases/{n}/severity       | consultant        | 200 |
            POST /cases/{n}/severity       | answering service | 403 | ROLE_NOT_PERMITTED
            POST /cases/{n}/severity       | initech helpdesk  | 403 | ROLE_NOT_PERMITTED
            POST /cases/{n}/disagreements  | none              | 401 |
            POST /cases/{n}/disagreements  | bad key           | 401 |
            POST /cases/{n}/disagreements  | acme helpdesk     | 200 |
            POST /cases/{n}/disagreements  | acme end user     | 403 | ROLE_NOT_PERMITTED
            POST /cases/{n}/disagreements  | consultant        | 200 |
            POST /cases/{n}/disagreements  | answering service | 403 | ROLE_NOT_PERMITTED
            POST /cases/{n}/disagreements  | initech helpdesk  | 403 | OTHER_ORGANISATION
            POST /cases/{n}/resolution     | none              | 401 |
            POST /cases/{n}/resolution     | bad key           | 401 |
            POST /cases/{n}/resolution     | acme helpdesk     | 403 | ROLE_NOT_PERMITTED
            POST /cases/{n}/resolution     | acme end user     | 403 | ROLE_NOT_PERMITTED
            POST /cases/{n}/resolution     | consultant        | 200 |
            POST /cases/{n}/resolution     | answering service | 403 | ROLE_NOT_PERMITTED
            POST /cases/{n}/resolution     | initech helpdesk  | 403 | ROLE_NOT_PERMITTED
            """)
    void eachCallerGetsWhatTheMatrixSays(String endpoint, String caller, int status, String reason) {
        String caseNumber = openSev1ForAcme();
        if (endpoint.endsWith("/status-updates")) {
            // A status update follows the first response.
            assertThat(http.post(casePath(caseNumber) + "/responses", Keys.CONSULTANT, Map.of("message", "On it")).status())
                    .isEqualTo(200);
        }
        Map<TopicPartition, Long> before = events.endOffsets();

        Reply reply = call(endpoint, caseNumber, KEYS.get(caller));

        assertThat(reply.status()).as("%s as %s: %s", endpoint, caller, reply).isEqualTo(status);
        if (status >= 400) {
            assertProblem(reply, status, reason);
            assertNoEventSince(before);
        } else if (endpoint.startsWith("POST")) {
            assertThat(events.endOffsets()).as("a granted command publishes its event").isNotEqualTo(before);
        }
    }

    private Reply call(String endpoint, String caseNumber, String key) {
        String apiKey = key.isEmpty() ? null : key;
        String[] methodAndPath = endpoint.split(" ");
        String path = "/api/v1" + methodAndPath[1].replace("{n}", caseNumber);
        if (methodAndPath[0].equals("GET")) {
            return http.get(path, apiKey);
        }
        return http.post(path, apiKey, bodyFor(path, caseNumber));
    }

    private static Map<String, Object> bodyFor(String path, String caseNumber) {
        if (path.endsWith("/cases")) {
            return caseFor("acme", "ALL_USERS_CANNOT_CONNECT", "SEV1");
        }
        String action = path.substring(path.lastIndexOf('/') + 1);
        return switch (action) {
            case "hotline-calls" -> Map.of("message", "The customer called about the outage");
            case "responses" -> Map.of("message", "We are on it");
            case "status-updates" -> Map.of("message", "Still on it");
            case "severity" -> Map.of("severity", "SEV2", "category", "ACCESS_POINTS_UNREACHABLE", "reason", "Only some access points");
            case "disagreements" -> Map.of("documentation", Map.of("caseNumbers", List.of(caseNumber), "issueDescription", "Outage",
                    "progressToDate", "Two calls", "customerImpact", "Nobody can work", "reason", "No plan yet"));
            case "resolution" -> Map.of("resolution", "Restarted the server");
            default -> throw new IllegalArgumentException(path);
        };
    }
}
