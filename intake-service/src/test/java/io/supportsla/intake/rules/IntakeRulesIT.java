package io.supportsla.intake.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.supportsla.intake.testing.IntakeHttp.Reply;
import io.supportsla.intake.testing.IntakeITSupport;
import io.supportsla.intake.testing.Keys;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** Each rule of SPEC 3.1 and 3.3 refuses with a clear message, and a refused request publishes nothing. */
class IntakeRulesIT extends IntakeITSupport {

    @Test
    void aCategoryCannotBeFiledWithASeverityItDoesNotAllow() {
        Map<TopicPartition, Long> before = events.endOffsets();

        Reply outageAsSev3 = http.post("/api/v1/cases", Keys.ACME_HELPDESK, caseFor("acme", "ALL_USERS_CANNOT_CONNECT", "SEV3"));
        Reply questionAsSev1 = http.post("/api/v1/cases", Keys.ACME_HELPDESK, caseFor("acme", "QUESTION_OR_SERVICE_REQUEST", "SEV1"));

        assertProblem(outageAsSev3, 422, "SEVERITY_NOT_ALLOWED_FOR_CATEGORY");
        assertThat(outageAsSev3.json().get("detail").asString()).isEqualTo("Category ALL_USERS_CANNOT_CONNECT allows SEV1, not SEV3");
        assertThat(outageAsSev3.json().get("errors").get(0).get("field").asString()).isEqualTo("severity");
        assertProblem(questionAsSev1, 422, "SEVERITY_NOT_ALLOWED_FOR_CATEGORY");
        assertNoEventSince(before);
    }

    @Test
    void endUsersOpenEndUserIssuesOnly() {
        Map<TopicPartition, Long> before = events.endOffsets();

        Reply reply = http.post("/api/v1/cases", Keys.ACME_END_USER, caseFor("acme", "ALL_USERS_CANNOT_CONNECT", "SEV1"));

        assertProblem(reply, 403, "END_USER_ISSUE_ONLY");
        assertThat(reply.json().get("detail").asString()).contains("End users open END_USER_ISSUE cases only");
        assertNoEventSince(before);
    }

    @Test
    void endUsersOfACustomerWithoutDirectEndUserSupportAreSentToTheirHelpdesk() {
        Map<TopicPartition, Long> before = events.endOffsets();

        Reply reply = http.post("/api/v1/cases", Keys.INITECH_END_USER, caseFor("initech", "END_USER_CONNECTIVITY", "END_USER_ISSUE"));

        assertProblem(reply, 403, "NO_DIRECT_END_USER_SUPPORT");
        assertThat(reply.json().get("detail").asString())
                .isEqualTo("Initech Pty Ltd does not offer direct end-user support: please contact your own helpdesk");
        assertNoEventSince(before);
    }

    @Test
    void aPartnerServedCustomersOwnSubmissionIsRefusedNamingThePartner() {
        Map<TopicPartition, Long> before = events.endOffsets();

        Reply reply = http.post("/api/v1/cases", Keys.GLOBEX_HELPDESK, caseFor("globex", "VIP_USER", "SEV1"));

        assertProblem(reply, 403, "PARTNER_SERVED_CUSTOMER");
        assertThat(reply.json().get("detail").asString()).isEqualTo("Globex Inc. is supported through Northwind Support Partners:"
                + " please contact Northwind Support Partners (helpdesk@northwind.example), whose helpdesk opens cases for Globex Inc.");
        assertThat(reply.json().get("partner").get("id").asString()).isEqualTo("northwind");
        assertThat(reply.json().get("partner").get("contact").asString()).isEqualTo("helpdesk@northwind.example");
        assertNoEventSince(before);
    }

    @Test
    void aHelpdeskOpensCasesOnlyForItsOwnOrganisation() {
        Map<TopicPartition, Long> before = events.endOffsets();

        assertProblem(http.post("/api/v1/cases", Keys.ACME_HELPDESK, caseFor("initech", "VIP_USER", "SEV1")), 403, "OTHER_ORGANISATION");
        assertProblem(http.post("/api/v1/cases", Keys.NORTHWIND_HELPDESK, caseFor("acme", "VIP_USER", "SEV1")), 403, "OTHER_ORGANISATION");
        assertNoEventSince(before);
    }

    @Test
    void anUnknownCustomerIsRefusedNamingTheField() {
        Map<TopicPartition, Long> before = events.endOffsets();

        Reply reply = http.post("/api/v1/cases", Keys.ACME_HELPDESK, caseFor("umbrella", "VIP_USER", "SEV1"));

        assertProblem(reply, 422, "UNKNOWN_CUSTOMER");
        assertThat(reply.json().get("errors").get(0).get("field").asString()).isEqualTo("customerId");
        assertNoEventSince(before);
    }

    @Test
    void configurationChangesAreNeverTakenByPhone() {
        Map<TopicPartition, Long> before = events.endOffsets();

        Reply flagged = http.post("/api/v1/cases", Keys.ACME_HELPDESK,
                with(with(caseFor("acme", "CLIENT_DEPLOYMENT", "SEV2"), "configurationChange", true), "channel", "PHONE"));
        Reply byCategory = http.post("/api/v1/cases", Keys.ACME_HELPDESK,
                with(caseFor("acme", "ROAMSERVER_CONFIGURATION", "SEV2"), "channel", "PHONE"));

        assertProblem(flagged, 422, "CONFIGURATION_CHANGE_NOT_IN_WRITING");
        assertThat(flagged.json().get("detail").asString()).isEqualTo("Configuration change requests must be in writing: submit them"
                + " through the portal or by email with a written description, never by phone");
        assertProblem(byCategory, 422, "CONFIGURATION_CHANGE_NOT_IN_WRITING");
        assertNoEventSince(before);
    }

    @Test
    void casesAreOpenedInWritingNotByPhone() {
        Map<TopicPartition, Long> before = events.endOffsets();

        Reply reply = http.post("/api/v1/cases", Keys.ACME_HELPDESK, with(caseFor("acme", "VIP_USER", "SEV1"), "channel", "PHONE"));

        assertProblem(reply, 422, "NOT_IN_WRITING");
        assertNoEventSince(before);
    }

    @Test
    void aSev1DowngradeNeedsAWrittenReason() {
        String caseNumber = openSev1ForAcme();
        Map<TopicPartition, Long> before = events.endOffsets();

        Reply reply = http.post(casePath(caseNumber) + "/severity", Keys.CONSULTANT,
                Map.of("severity", "SEV2", "category", "ACCESS_POINTS_UNREACHABLE"));

        assertProblem(reply, 422, "DOWNGRADE_REASON_REQUIRED");
        assertThat(reply.json().get("errors").get(0).get("field").asString()).isEqualTo("reason");
        assertNoEventSince(before);
    }

    @Test
    void aReclassificationMustFitTheCategory() {
        String caseNumber = openSev1ForAcme();
        Map<TopicPartition, Long> before = events.endOffsets();

        Reply keptCategory = http.post(casePath(caseNumber) + "/severity", Keys.CONSULTANT, Map.of("severity", "SEV3", "reason", "Minor"));
        Reply unchanged = http.post(casePath(caseNumber) + "/severity", Keys.CONSULTANT, Map.of("severity", "SEV1"));

        assertProblem(keptCategory, 422, "SEVERITY_NOT_ALLOWED_FOR_CATEGORY");
        assertThat(keptCategory.json().get("errors").get(0).get("field").asString()).isEqualTo("category");
        assertProblem(unchanged, 422, "SEVERITY_UNCHANGED");
        assertNoEventSince(before);
    }

    @Test
    void aStatusUpdateWaitsForTheFirstResponse() {
        String caseNumber = openSev1ForAcme();
        Map<TopicPartition, Long> before = events.endOffsets();

        assertProblem(http.post(casePath(caseNumber) + "/status-updates", Keys.CONSULTANT, Map.of("message", "Update")),
                409, "NO_FIRST_RESPONSE");
        assertNoEventSince(before);
    }

    @Test
    void aHotlineCallIsLoggedOnlyAgainstAnExistingCase() {
        Map<TopicPartition, Long> before = events.endOffsets();

        Reply reply = http.post(casePath("C-9999-9999") + "/hotline-calls", Keys.CONSULTANT, Map.of("takenBy", "TECHNICIAN"));

        assertProblem(reply, 404, "CASE_NOT_FOUND");
        assertThat(reply.json().get("detail").asString()).isEqualTo("There is no case C-9999-9999");
        assertNoEventSince(before);
    }

    @Test
    void theAnsweringServiceLogsOnlyTheCallsItTook() {
        String caseNumber = openSev1ForAcme();
        Map<TopicPartition, Long> before = events.endOffsets();

        Reply reply = http.post(casePath(caseNumber) + "/hotline-calls", Keys.ANSWERING_SERVICE, Map.of("takenBy", "TECHNICIAN"));

        assertProblem(reply, 403, "ROLE_NOT_PERMITTED");
        assertNoEventSince(before);
    }

    @Test
    void aDisagreementWithIncompleteDocumentationIsRefusedListingWhatIsMissing() {
        String caseNumber = openSev1ForAcme();
        Map<TopicPartition, Long> before = events.endOffsets();

        Reply reply = http.post(casePath(caseNumber) + "/disagreements", Keys.ACME_HELPDESK,
                Map.of("documentation", Map.of("issueDescription", "All users cannot connect", "reason", "  ")));

        assertProblem(reply, 422, "DISAGREEMENT_DOCUMENTATION_INCOMPLETE");
        assertThat(reply.json().get("detail").asString()).isEqualTo("A disagreement needs complete written documentation; missing:"
                + " the original case number(s), the progress to date, the impact on the customer, the reason for the escalation");
        assertThat(reply.json().get("missing").valueStream().map(node -> node.asString()).toList())
                .containsExactly("caseNumbers", "progressToDate", "customerImpact", "reason");
        assertNoEventSince(before);
    }

    @Test
    void aDisagreementOnAPartnerServedCaseIsRaisedByThePartner() {
        String globexCase = open(Keys.NORTHWIND_HELPDESK, caseFor("globex", "VIP_USER", "SEV1"));
        Map<TopicPartition, Long> before = events.endOffsets();

        Reply reply = http.post(casePath(globexCase) + "/disagreements", Keys.GLOBEX_HELPDESK,
                Map.of("documentation", Map.of("caseNumbers", List.of(globexCase), "issueDescription", "x", "progressToDate", "x",
                        "customerImpact", "x", "reason", "x")));

        assertProblem(reply, 403, "PARTNER_SERVED_CUSTOMER");
        assertNoEventSince(before);
    }

    @Test
    void raisingAgainNeedsAnEarlierDisagreementOfTheCase() {
        String caseNumber = openSev1ForAcme();
        Map<TopicPartition, Long> before = events.endOffsets();

        Reply reply = http.post(casePath(caseNumber) + "/disagreements", Keys.ACME_HELPDESK,
                Map.of("documentation", Map.of("caseNumbers", List.of(caseNumber), "issueDescription", "x", "progressToDate", "x",
                        "customerImpact", "x", "reason", "x"), "previousDisagreementId", "no-such-disagreement"));

        assertProblem(reply, 422, "UNKNOWN_DISAGREEMENT");
        assertNoEventSince(before);
    }
}
