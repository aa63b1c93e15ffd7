package io.supportsla.sla.testing;

import io.supportsla.schemas.cases.CaseCreated;
import io.supportsla.schemas.cases.CaseEvent;
import io.supportsla.schemas.cases.CaseResolved;
import io.supportsla.schemas.cases.CaseResponded;
import io.supportsla.schemas.cases.CallTaker;
import io.supportsla.schemas.cases.DisagreementRaised;
import io.supportsla.schemas.cases.HotlineCallLogged;
import io.supportsla.schemas.cases.SeverityChanged;
import io.supportsla.schemas.cases.StatusUpdatePosted;
import io.supportsla.schemas.cases.SubmissionChannel;
import io.supportsla.schemas.common.Actor;
import io.supportsla.schemas.common.ActorRole;
import io.supportsla.schemas.common.Category;
import io.supportsla.schemas.common.EscalationDocumentation;
import io.supportsla.schemas.common.Region;
import io.supportsla.schemas.common.Severity;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Builds {@code support.case-events} envelopes as intake-service writes them, for tests. */
public final class CaseEvents {

    public static final String CONSULTANT = "consultant-ana";

    private CaseEvents() {
    }

    public static CaseEvent created(String caseNumber, Severity severity, Region region, Instant receivedAt) {
        return created(caseNumber, severity, region, receivedAt, 60);
    }

    public static CaseEvent created(String caseNumber, Severity severity, Region region, Instant receivedAt,
            int statusUpdateIntervalMinutes) {
        return envelope(caseNumber, receivedAt, CaseCreated.newBuilder()
                .setSeverity(severity)
                .setCategory(categoryFor(severity))
                .setTitle("Case " + caseNumber)
                .setDescription("Users cannot connect")
                .setCustomerId("customer-1")
                .setCustomerName("Acme Corp")
                .setRegion(region)
                .setStatusUpdateIntervalMinutes(statusUpdateIntervalMinutes)
                .setOpenedBy(actor("helpdesk-acme", ActorRole.HELPDESK))
                .setSubmissionChannel(SubmissionChannel.PORTAL_HTTP)
                .setReceivedAt(receivedAt)
                .build());
    }

    public static CaseEvent severityChanged(String caseNumber, Severity from, Severity to, Instant changedAt) {
        return envelope(caseNumber, changedAt, SeverityChanged.newBuilder()
                .setPreviousSeverity(from)
                .setNewSeverity(to)
                .setCategory(categoryFor(to))
                .setReason("Reclassified after analysis")
                .setChangedBy(actor(CONSULTANT, ActorRole.CONSULTANT))
                .setChangedAt(changedAt)
                .build());
    }

    public static CaseEvent hotlineCall(String caseNumber, Instant calledAt) {
        return envelope(caseNumber, calledAt, HotlineCallLogged.newBuilder()
                .setCalledAt(calledAt)
                .setTakenBy(CallTaker.TECHNICIAN)
                .setTakerName("Tom")
                .setLoggedBy(actor("tech-tom", ActorRole.CONSULTANT))
                .build());
    }

    public static CaseEvent responded(String caseNumber, Instant respondedAt) {
        return envelope(caseNumber, respondedAt, CaseResponded.newBuilder()
                .setRespondedAt(respondedAt)
                .setConsultant(actor(CONSULTANT, ActorRole.CONSULTANT))
                .setFirstResponse(true)
                .setMessage("We are on it")
                .build());
    }

    public static CaseEvent statusUpdate(String caseNumber, Instant postedAt, Integer newIntervalMinutes) {
        return envelope(caseNumber, postedAt, StatusUpdatePosted.newBuilder()
                .setPostedAt(postedAt)
                .setConsultant(actor(CONSULTANT, ActorRole.CONSULTANT))
                .setMessage("Still investigating")
                .setStatusUpdateIntervalMinutes(newIntervalMinutes)
                .build());
    }

    public static CaseEvent resolved(String caseNumber, Instant resolvedAt) {
        return envelope(caseNumber, resolvedAt, CaseResolved.newBuilder()
                .setResolvedAt(resolvedAt)
                .setResolvedBy(actor(CONSULTANT, ActorRole.CONSULTANT))
                .setResolution("Fixed")
                .build());
    }

    public static CaseEvent disagreement(String caseNumber, Instant at) {
        return envelope(caseNumber, at, DisagreementRaised.newBuilder()
                .setDisagreementId("d-1")
                .setRaisedBy(actor("helpdesk-acme", ActorRole.HELPDESK))
                .setDocumentation(EscalationDocumentation.newBuilder()
                        .setCaseNumbers(List.of(caseNumber))
                        .setIssueDescription("x")
                        .setProgressToDate("y")
                        .setCustomerImpact("z")
                        .setReason("r")
                        .build())
                .build());
    }

    private static CaseEvent envelope(String caseNumber, Instant occurredAt, Object payload) {
        return CaseEvent.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOccurredAt(occurredAt)
                .setCaseNumber(caseNumber)
                .setPayload(payload)
                .build();
    }

    private static Actor actor(String principal, ActorRole role) {
        return Actor.newBuilder().setPrincipal(principal).setOrganisation("org").setRole(role).build();
    }

    private static Category categoryFor(Severity severity) {
        return switch (severity) {
            case SEV1 -> Category.ALL_USERS_CANNOT_CONNECT;
            case SEV2 -> Category.ACCESS_POINTS_UNREACHABLE;
            case SEV3 -> Category.QUESTION_OR_SERVICE_REQUEST;
            case END_USER_ISSUE -> Category.END_USER_CONNECTIVITY;
        };
    }
}
