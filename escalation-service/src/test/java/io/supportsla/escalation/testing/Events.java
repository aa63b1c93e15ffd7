package io.supportsla.escalation.testing;

import io.supportsla.schemas.cases.CallTaker;
import io.supportsla.schemas.cases.CaseCreated;
import io.supportsla.schemas.cases.CaseEvent;
import io.supportsla.schemas.cases.CaseResolved;
import io.supportsla.schemas.cases.CaseResponded;
import io.supportsla.schemas.cases.DisagreementRaised;
import io.supportsla.schemas.cases.HotlineCallLogged;
import io.supportsla.schemas.cases.SubmissionChannel;
import io.supportsla.schemas.common.Actor;
import io.supportsla.schemas.common.ActorRole;
import io.supportsla.schemas.common.Category;
import io.supportsla.schemas.common.EscalationDocumentation;
import io.supportsla.schemas.common.Region;
import io.supportsla.schemas.common.Severity;
import io.supportsla.schemas.sla.SlaBreached;
import io.supportsla.schemas.sla.SlaEvent;
import io.supportsla.schemas.sla.SlaTarget;
import io.supportsla.schemas.sla.SlaWarning;
import io.supportsla.schemas.sla.TargetBasis;
import io.supportsla.schemas.sla.TargetClock;
import io.supportsla.schemas.sla.TargetKind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Builders of the case and SLA events the escalation service reads, with plausible values. */
public final class Events {

    public static final Actor HELPDESK = Actor.newBuilder().setPrincipal("acme-helpdesk").setOrganisation("acme")
            .setRole(ActorRole.HELPDESK).build();
    public static final Actor CONSULTANT = Actor.newBuilder().setPrincipal("jane.consultant").setOrganisation("supportsla")
            .setRole(ActorRole.CONSULTANT).build();

    private Events() {
    }

    public static CaseEvent caseCreated(String caseNumber, Severity severity, Region region, Instant receivedAt) {
        Category category = switch (severity) {
            case SEV1 -> Category.ALL_USERS_CANNOT_CONNECT;
            case SEV2 -> Category.ACCESS_POINTS_UNREACHABLE;
            case SEV3 -> Category.QUESTION_OR_SERVICE_REQUEST;
            case END_USER_ISSUE -> Category.END_USER_CONNECTIVITY;
        };
        return caseEvent(caseNumber, receivedAt, CaseCreated.newBuilder()
                .setSeverity(severity)
                .setCategory(category)
                .setTitle("Users in " + region + " cannot connect")
                .setDescription("Since this morning no user can connect through the regional access points.")
                .setCustomerId("acme")
                .setCustomerName("Acme Corporation")
                .setRegion(region)
                .setStatusUpdateIntervalMinutes(60)
                .setOpenedBy(HELPDESK)
                .setSubmissionChannel(SubmissionChannel.PORTAL_HTTP)
                .setReceivedAt(receivedAt)
                .build());
    }

    public static CaseEvent firstResponse(String caseNumber, Instant at) {
        return caseEvent(caseNumber, at, CaseResponded.newBuilder().setRespondedAt(at).setConsultant(CONSULTANT)
                .setFirstResponse(true).setMessage("Looking into it.").build());
    }

    public static CaseEvent hotlineCall(String caseNumber, Instant at) {
        return caseEvent(caseNumber, at, HotlineCallLogged.newBuilder().setCalledAt(at).setTakenBy(CallTaker.TECHNICIAN)
                .setTakerName("Sam").setLoggedBy(CONSULTANT).build());
    }

    public static CaseEvent disagreement(String caseNumber, String disagreementId, String previousDisagreementId, Instant at) {
        return caseEvent(caseNumber, at, DisagreementRaised.newBuilder()
                .setDisagreementId(disagreementId)
                .setRaisedBy(HELPDESK)
                .setDocumentation(EscalationDocumentation.newBuilder()
                        .setCaseNumbers(List.of(caseNumber))
                        .setIssueDescription("Users cannot connect in the Paris office")
                        .setProgressToDate("Restarted the access point twice")
                        .setCustomerImpact("200 users without remote access")
                        .setReason("We disagree that a restart is enough; we want the configuration reviewed")
                        .build())
                .setPreviousDisagreementId(previousDisagreementId)
                .build());
    }

    public static CaseEvent resolved(String caseNumber, Instant at) {
        return caseEvent(caseNumber, at, CaseResolved.newBuilder().setResolvedAt(at).setResolvedBy(CONSULTANT)
                .setResolution("Access point configuration corrected").build());
    }

    public static SlaEvent responseBreached(String caseNumber, Severity severity, Region region, Instant deadline) {
        return breached(caseNumber, TargetKind.RESPONSE, severity, region, deadline);
    }

    public static SlaEvent breached(String caseNumber, TargetKind kind, Severity severity, Region region, Instant deadline) {
        return SlaEvent.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOccurredAt(deadline)
                .setCaseNumber(caseNumber)
                .setPayload(SlaBreached.newBuilder().setTarget(target(kind, severity, region, deadline)).setBreachedAt(deadline).build())
                .build();
    }

    public static SlaEvent warning(String caseNumber, Severity severity, Region region, Instant deadline) {
        return SlaEvent.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOccurredAt(deadline.minus(Duration.ofMinutes(30)))
                .setCaseNumber(caseNumber)
                .setPayload(SlaWarning.newBuilder().setTarget(target(TargetKind.RESPONSE, severity, region, deadline))
                        .setThresholdPercent(75).setRemainingMinutes(30).build())
                .build();
    }

    /** The same breach reported again by another event (e.g. re-emitted after an SLA service restart). */
    public static SlaEvent reportedAgain(SlaEvent breach) {
        return SlaEvent.newBuilder(breach).setEventId(UUID.randomUUID().toString()).build();
    }

    private static SlaTarget target(TargetKind kind, Severity severity, Region region, Instant deadline) {
        int minutes = kind == TargetKind.STATUS_UPDATE ? 60 : 120;
        return SlaTarget.newBuilder()
                .setKind(kind)
                .setSeverity(severity)
                .setRegion(region)
                .setClock(kind == TargetKind.STATUS_UPDATE || severity == Severity.SEV1
                        ? TargetClock.AROUND_THE_CLOCK : TargetClock.BUSINESS_TIME)
                .setBasis(kind == TargetKind.STATUS_UPDATE ? TargetBasis.LAST_STATUS_UPDATE : TargetBasis.CASE_CREATED)
                .setStartsAt(deadline.minus(Duration.ofMinutes(minutes)))
                .setTargetMinutes(minutes)
                .setDeadline(deadline)
                .build();
    }

    private static CaseEvent caseEvent(String caseNumber, Instant at, Object payload) {
        return CaseEvent.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOccurredAt(at)
                .setCaseNumber(caseNumber)
                .setPayload(payload)
                .build();
    }
}
