package io.supportsla.intake.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.supportsla.intake.testing.IntakeHttp.Reply;
import io.supportsla.intake.testing.IntakeITSupport;
import io.supportsla.intake.testing.Keys;
import io.supportsla.schemas.cases.CallTaker;
import io.supportsla.schemas.cases.CaseEvent;
import io.supportsla.schemas.cases.CaseResolved;
import io.supportsla.schemas.cases.CaseResponded;
import io.supportsla.schemas.cases.DisagreementRaised;
import io.supportsla.schemas.cases.HotlineCallLogged;
import io.supportsla.schemas.cases.SeverityChanged;
import io.supportsla.schemas.cases.StatusUpdatePosted;
import io.supportsla.schemas.common.ActorRole;
import io.supportsla.schemas.common.Category;
import io.supportsla.schemas.common.Severity;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** Each command on a case publishes its event to support.case-events, read back through the registry. */
class CaseCommandsIT extends IntakeITSupport {

    @Test
    void aHotlineCallTakenByATechnicianIsLogged() {
        String caseNumber = openSev1ForAcme();
        Instant calledAt = Instant.now().minus(2, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MILLIS);

        HotlineCallLogged call = single(caseNumber, http.post(casePath(caseNumber) + "/hotline-calls", Keys.CONSULTANT,
                Map.of("calledAt", calledAt.toString(), "takenBy", "TECHNICIAN", "takerName", "Jane", "callerName", "Acme helpdesk")),
                HotlineCallLogged.class);

        assertThat(call.getCalledAt()).isEqualTo(calledAt);
        assertThat(call.getTakenBy()).isEqualTo(CallTaker.TECHNICIAN);
        assertThat(call.getTakerName()).isEqualTo("Jane");
        assertThat(call.getCallerName()).isEqualTo("Acme helpdesk");
        assertThat(call.getLoggedBy().getRole()).isEqualTo(ActorRole.CONSULTANT);
    }

    @Test
    void aHotlineCallTakenByTheAnsweringServiceIsLoggedWithItsMessage() {
        String caseNumber = openSev1ForAcme();

        HotlineCallLogged call = single(caseNumber, http.post(casePath(caseNumber) + "/hotline-calls", Keys.ANSWERING_SERVICE,
                Map.of("callerName", "Acme helpdesk", "message", "All users down, please call back")), HotlineCallLogged.class);

        assertThat(call.getTakenBy()).isEqualTo(CallTaker.ANSWERING_SERVICE);
        assertThat(call.getTakerName()).isEqualTo("answering-service");
        assertThat(call.getMessage()).isEqualTo("All users down, please call back");
        assertThat(call.getLoggedBy().getRole()).isEqualTo(ActorRole.ANSWERING_SERVICE);
    }

    @Test
    void theFirstConsultantToRespondBecomesThePointOfContact() {
        String caseNumber = openSev1ForAcme();

        Reply firstReply = http.post(casePath(caseNumber) + "/responses", Keys.CONSULTANT, Map.of("message", "Looking into it"));
        CaseResponded first = single(caseNumber, firstReply, CaseResponded.class);
        CaseResponded second = single(caseNumber, http.post(casePath(caseNumber) + "/responses", Keys.OTHER_CONSULTANT,
                Map.of("message", "Adding a colleague")), CaseResponded.class);

        assertThat(first.getFirstResponse()).isTrue();
        assertThat(first.getConsultant().getPrincipal()).isEqualTo("jane-consultant");
        assertThat(first.getMessage()).isEqualTo("Looking into it");
        assertThat(second.getFirstResponse()).isFalse();
        assertThat(firstReply.json().get("eventType").asString()).isEqualTo("CaseResponded");
        assertThat(firstReply.json().get("case").get("pointOfContact").get("principal").asString()).isEqualTo("jane-consultant");
        Reply read = http.get(casePath(caseNumber), Keys.ACME_HELPDESK);
        assertThat(read.json().get("pointOfContact").get("principal").asString()).isEqualTo("jane-consultant");
    }

    @Test
    void aStatusUpdateFollowsTheFirstResponseAndMayAgreeANewInterval() {
        String caseNumber = openSev1ForAcme();
        http.post(casePath(caseNumber) + "/responses", Keys.CONSULTANT, Map.of("message", "Looking into it"));

        StatusUpdatePosted update = single(caseNumber, http.post(casePath(caseNumber) + "/status-updates", Keys.CONSULTANT,
                Map.of("message", "Root cause found", "statusUpdateIntervalMinutes", 30)), StatusUpdatePosted.class);

        assertThat(update.getMessage()).isEqualTo("Root cause found");
        assertThat(update.getStatusUpdateIntervalMinutes()).isEqualTo(30);
        assertThat(http.get(casePath(caseNumber), Keys.CONSULTANT).json().get("statusUpdateIntervalMinutes").asInt()).isEqualTo(30);
    }

    @Test
    void aConsultantDowngradesASev1WithAWrittenReason() {
        String caseNumber = openSev1ForAcme();

        SeverityChanged changed = single(caseNumber, http.post(casePath(caseNumber) + "/severity", Keys.CONSULTANT,
                Map.of("severity", "SEV2", "category", "ACCESS_POINTS_UNREACHABLE",
                        "reason", "Only one access point is affected")), SeverityChanged.class);

        assertThat(changed.getPreviousSeverity()).isEqualTo(Severity.SEV1);
        assertThat(changed.getNewSeverity()).isEqualTo(Severity.SEV2);
        assertThat(changed.getCategory()).isEqualTo(Category.ACCESS_POINTS_UNREACHABLE);
        assertThat(changed.getReason()).isEqualTo("Only one access point is affected");
        assertThat(changed.getChangedBy().getPrincipal()).isEqualTo("jane-consultant");
        assertThat(http.get(casePath(caseNumber), Keys.ACME_HELPDESK).json().get("severity").asString()).isEqualTo("SEV2");
    }

    @Test
    void aHelpdeskRaisesADisagreementWithItsDocumentationAndRaisesItAgainToTheNextLevel() {
        String caseNumber = openSev1ForAcme();
        Map<String, Object> documentation = Map.of("caseNumbers", List.of(caseNumber), "issueDescription", "All users cannot connect",
                "progressToDate", "Restarted RoamServer twice", "customerImpact", "2,000 users offline",
                "reason", "We disagree that a restart is the plan");

        Reply raised = http.post(casePath(caseNumber) + "/disagreements", Keys.ACME_HELPDESK, Map.of("documentation", documentation));
        DisagreementRaised first = single(caseNumber, raised, DisagreementRaised.class);
        DisagreementRaised again = single(caseNumber, http.post(casePath(caseNumber) + "/disagreements", Keys.ACME_HELPDESK,
                Map.of("documentation", documentation, "previousDisagreementId", first.getDisagreementId())), DisagreementRaised.class);

        assertThat(raised.json().get("disagreementId").asString()).isEqualTo(first.getDisagreementId());
        assertThat(first.getRaisedBy().getRole()).isEqualTo(ActorRole.HELPDESK);
        assertThat(first.getDocumentation().getCaseNumbers()).containsExactly(caseNumber);
        assertThat(first.getDocumentation().getCustomerImpact()).isEqualTo("2,000 users offline");
        assertThat(first.getPreviousDisagreementId()).isNull();
        assertThat(again.getPreviousDisagreementId()).isEqualTo(first.getDisagreementId());
    }

    @Test
    void aConsultantMayRaiseADisagreementToo() {
        String caseNumber = openSev1ForAcme();

        DisagreementRaised raised = single(caseNumber, http.post(casePath(caseNumber) + "/disagreements", Keys.CONSULTANT,
                Map.of("documentation", Map.of("caseNumbers", List.of(caseNumber), "issueDescription", "Outage",
                        "progressToDate", "Diagnosed", "customerImpact", "All users", "reason", "Customer refuses the workaround"))),
                DisagreementRaised.class);

        assertThat(raised.getRaisedBy().getRole()).isEqualTo(ActorRole.CONSULTANT);
    }

    @Test
    void aResolvedCaseLeavesTheQueueAndTakesNoFurtherCommands() {
        String caseNumber = openSev1ForAcme();

        CaseResolved resolved = single(caseNumber, http.post(casePath(caseNumber) + "/resolution", Keys.CONSULTANT,
                Map.of("resolution", "RoamServer restarted, users connect again")), CaseResolved.class);

        assertThat(resolved.getResolution()).isEqualTo("RoamServer restarted, users connect again");
        assertThat(resolved.getResolvedBy().getPrincipal()).isEqualTo("jane-consultant");
        assertThat(http.get(casePath(caseNumber), Keys.ACME_HELPDESK).json().get("status").asString()).isEqualTo("RESOLVED");
        List<String> queue = http.get("/api/v1/cases", Keys.ACME_HELPDESK).json().get("cases").valueStream()
                .map(entry -> entry.get("caseNumber").asString()).toList();
        assertThat(queue).doesNotContain(caseNumber);
        Map<TopicPartition, Long> before = events.endOffsets();
        assertProblem(http.post(casePath(caseNumber) + "/responses", Keys.CONSULTANT, Map.of("message", "Late reply")),
                409, "CASE_RESOLVED");
        assertNoEventSince(before);
    }

    /** The command's answer names its event, and that event, alone, is on the topic. */
    private <T> T single(String caseNumber, Reply reply, Class<T> payloadType) {
        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        assertThat(reply.header("Content-Location")).contains("/api/v1/cases/" + caseNumber);
        String eventId = reply.json().get("eventId").asString();
        List<CaseEvent> caseEvents = events.awaitEvents(caseNumber,
                found -> found.stream().anyMatch(event -> event.getEventId().equals(eventId)));
        CaseEvent event = caseEvents.stream().filter(candidate -> candidate.getEventId().equals(eventId)).findFirst().orElseThrow();
        assertThat(caseEvents.stream().filter(candidate -> candidate.getEventId().equals(eventId))).hasSize(1);
        assertThat(event.getPayload()).isInstanceOf(payloadType);
        assertThat(reply.json().get("eventType").asString()).isEqualTo(payloadType.getSimpleName());
        return payloadType.cast(event.getPayload());
    }
}
