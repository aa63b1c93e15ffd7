package io.supportsla.intake.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.supportsla.intake.testing.IntakeHttp.Reply;
import io.supportsla.intake.testing.IntakeITSupport;
import io.supportsla.intake.testing.Keys;
import io.supportsla.schemas.cases.CaseCreated;
import io.supportsla.schemas.cases.CaseEvent;
import io.supportsla.schemas.cases.SubmissionChannel;
import io.supportsla.schemas.common.ActorRole;
import io.supportsla.schemas.common.Category;
import io.supportsla.schemas.common.Region;
import io.supportsla.schemas.common.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** POST /cases and the reads: each creation is a CaseCreated on support.case-events, read back through the registry. */
class CaseCreationIT extends IntakeITSupport {

    @Test
    void opensACaseAndAnswers201OnlyOnceCaseCreatedIsOnTheTopic() {
        Map<TopicPartition, Long> before = events.endOffsets();

        Reply reply = http.post("/api/v1/cases", Keys.ACME_HELPDESK, caseFor("acme", "ALL_USERS_CANNOT_CONNECT", "SEV1"));

        assertThat(reply.status()).as("%s", reply).isEqualTo(201);
        String caseNumber = reply.json().get("caseNumber").asString();
        assertThat(caseNumber).matches("C-\\d{4}-\\d{4}");
        assertThat(reply.header("Location")).contains("/api/v1/cases/" + caseNumber);
        assertThat(reply.json().get("severity").asString()).isEqualTo("SEV1");
        assertThat(reply.json().get("category").asString()).isEqualTo("ALL_USERS_CANNOT_CONNECT");

        // Already on the topic when the answer came: no waiting needed.
        List<ConsumerRecord<String, Object>> records = events.recordsSince(before);
        assertThat(records).hasSize(1);
        assertThat(records.get(0).key()).isEqualTo(caseNumber);
        CaseEvent event = (CaseEvent) records.get(0).value();
        assertThat(event.getCaseNumber()).isEqualTo(caseNumber);
        assertThat(event.getPayload()).isInstanceOf(CaseCreated.class);
        CaseCreated created = (CaseCreated) event.getPayload();
        assertThat(created.getSeverity()).isEqualTo(Severity.SEV1);
        assertThat(created.getCategory()).isEqualTo(Category.ALL_USERS_CANNOT_CONNECT);
        assertThat(created.getCustomerId()).isEqualTo("acme");
        assertThat(created.getCustomerName()).isEqualTo("Acme Corporation");
        assertThat(created.getPartnerId()).isNull();
        assertThat(created.getRegion()).isEqualTo(Region.EMEA);
        assertThat(created.getStatusUpdateIntervalMinutes()).isEqualTo(60);
        assertThat(created.getOpenedBy().getPrincipal()).isEqualTo("acme-helpdesk");
        assertThat(created.getOpenedBy().getOrganisation()).isEqualTo("acme");
        assertThat(created.getOpenedBy().getRole()).isEqualTo(ActorRole.HELPDESK);
        assertThat(created.getSubmissionChannel()).isEqualTo(SubmissionChannel.PORTAL_HTTP);
        assertThat(created.getConfigurationChange()).isFalse();
        assertThat(created.getReceivedAt()).isEqualTo(event.getOccurredAt());
    }

    @Test
    void getAnswersWithTheCaseAsKnownFromItsEvents() {
        String caseNumber = open(Keys.ACME_HELPDESK, with(caseFor("acme", "VIP_USER", "SEV1"), "title", "CEO cannot connect"));

        Reply reply = http.get(casePath(caseNumber), Keys.ACME_HELPDESK);

        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        JsonNode body = reply.json();
        assertThat(body.get("caseNumber").asString()).isEqualTo(caseNumber);
        assertThat(body.get("status").asString()).isEqualTo("OPEN");
        assertThat(body.get("severity").asString()).isEqualTo("SEV1");
        assertThat(body.get("opened").get("title").asString()).isEqualTo("CEO cannot connect");
        assertThat(body.get("opened").get("customerName").asString()).isEqualTo("Acme Corporation");
        assertThat(body.get("history").get(0).get("type").asString()).isEqualTo("CaseCreated");
    }

    @Test
    void caseNumbersFollowTheOrderOfReceipt() {
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            numbers.add(openSev1ForAcme());
        }

        assertThat(numbers).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void theQueueListsTheOrganisationsOpenCasesSev1FirstThenByReceipt() {
        String sev3 = open(Keys.INITECH_HELPDESK, caseFor("initech", "QUESTION_OR_SERVICE_REQUEST", "SEV3"));
        String endUser = open(Keys.INITECH_HELPDESK, caseFor("initech", "END_USER_CONNECTIVITY", "END_USER_ISSUE"));
        String firstSev1 = open(Keys.INITECH_HELPDESK, caseFor("initech", "HOSTED_ADMIN", "SEV1"));
        String sev2 = open(Keys.INITECH_HELPDESK, caseFor("initech", "CLIENT_DEPLOYMENT", "SEV2"));
        String secondSev1 = open(Keys.INITECH_HELPDESK, caseFor("initech", "USER_MANAGEMENT", "SEV1"));
        String acmeCase = openSev1ForAcme();

        Reply queue = http.get("/api/v1/cases", Keys.INITECH_HELPDESK);

        assertThat(queue.status()).isEqualTo(200);
        List<String> listed = new ArrayList<>();
        queue.json().get("cases").forEach(entry -> {
            assertThat(entry.get("customerId").asString()).isEqualTo("initech");
            listed.add(entry.get("caseNumber").asString());
        });
        assertThat(listed).doesNotContain(acmeCase);
        assertThat(listed.stream().filter(List.of(sev3, endUser, firstSev1, sev2, secondSev1)::contains))
                .containsExactly(firstSev1, secondSev1, sev2, sev3, endUser);
    }

    @Test
    void anEndUserOfACustomerWithDirectEndUserSupportOpensAnEndUserIssue() {
        Reply reply = http.post("/api/v1/cases", Keys.ACME_END_USER, caseFor("acme", "END_USER_BILLING", "END_USER_ISSUE"));

        assertThat(reply.status()).as("%s", reply).isEqualTo(201);
        String caseNumber = reply.json().get("caseNumber").asString();
        CaseCreated created = (CaseCreated) events.awaitEvents(caseNumber, found -> !found.isEmpty()).get(0).getPayload();
        assertThat(created.getOpenedBy().getRole()).isEqualTo(ActorRole.END_USER);
        assertThat(http.get(casePath(caseNumber), Keys.ACME_END_USER).status()).isEqualTo(200);
    }

    @Test
    void aPartnerHelpdeskOpensCasesForTheCustomersItServes() {
        Reply reply = http.post("/api/v1/cases", Keys.NORTHWIND_HELPDESK, caseFor("globex", "ACCESS_POINTS_UNREACHABLE", "SEV2"));

        assertThat(reply.status()).as("%s", reply).isEqualTo(201);
        String caseNumber = reply.json().get("caseNumber").asString();
        CaseCreated created = (CaseCreated) events.awaitEvents(caseNumber, found -> !found.isEmpty()).get(0).getPayload();
        assertThat(created.getPartnerId()).isEqualTo("northwind");
        assertThat(created.getRegion()).isEqualTo(Region.AMER);
        assertThat(created.getStatusUpdateIntervalMinutes()).isEqualTo(30);
        // Both the partner and the customer's own helpdesk see it.
        assertThat(http.get(casePath(caseNumber), Keys.NORTHWIND_HELPDESK).status()).isEqualTo(200);
        assertThat(http.get(casePath(caseNumber), Keys.GLOBEX_HELPDESK).status()).isEqualTo(200);
    }

    @Test
    void aConfigurationChangeInWritingByEmailIsAccepted() {
        Reply reply = http.post("/api/v1/cases", Keys.ACME_HELPDESK,
                with(with(caseFor("acme", "ROAMSERVER_CONFIGURATION", "SEV2"), "channel", "EMAIL"), "statusUpdateIntervalMinutes", 45));

        assertThat(reply.status()).as("%s", reply).isEqualTo(201);
        assertThat(reply.json().get("configurationChange").asBoolean()).isTrue();
        assertThat(reply.json().get("submissionChannel").asString()).isEqualTo("EMAIL");
        CaseCreated created = (CaseCreated) events.awaitEvents(reply.json().get("caseNumber").asString(), found -> !found.isEmpty())
                .get(0).getPayload();
        assertThat(created.getConfigurationChange()).isTrue();
        assertThat(created.getSubmissionChannel()).isEqualTo(SubmissionChannel.EMAIL);
        assertThat(created.getStatusUpdateIntervalMinutes()).isEqualTo(45);
    }
}
