package io.supportsla.intake.cases;

import io.supportsla.intake.casenumbers.CaseNumber;
import io.supportsla.schemas.cases.CallTaker;
import io.supportsla.schemas.cases.CaseCreated;
import io.supportsla.schemas.cases.CaseEvent;
import io.supportsla.schemas.cases.CaseResolved;
import io.supportsla.schemas.cases.CaseResponded;
import io.supportsla.schemas.cases.DisagreementRaised;
import io.supportsla.schemas.cases.HotlineCallLogged;
import io.supportsla.schemas.cases.SeverityChanged;
import io.supportsla.schemas.cases.StatusUpdatePosted;
import io.supportsla.schemas.cases.SubmissionChannel;
import io.supportsla.schemas.common.Actor;
import io.supportsla.schemas.common.ActorRole;
import io.supportsla.schemas.common.Category;
import io.supportsla.schemas.common.EscalationDocumentation;
import io.supportsla.schemas.common.Severity;
import io.supportsla.intake.customers.CustomerProfile;
import io.supportsla.security.Caller;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Builds the Avro events intake publishes, each in its {@link CaseEvent} envelope with a new event id. */
public final class CaseEvents {

    private CaseEvents() {
    }

    public static CaseEvent caseCreated(CaseNumber number, Instant receivedAt, Caller caller, OpenCase request,
                                        CustomerProfile customer, boolean configurationChange, int statusUpdateIntervalMinutes,
                                        SubmissionChannel channel, String submissionId) {
        return envelope(number, receivedAt, CaseCreated.newBuilder()
                .setSeverity(request.severity())
                .setCategory(request.category())
                .setTitle(request.title().strip())
                .setDescription(request.description())
                .setCustomerId(customer.id())
                .setCustomerName(customer.name())
                .setPartnerId(customer.partner().map(partner -> partner.id()).orElse(null))
                .setRegion(customer.region())
                .setStatusUpdateIntervalMinutes(statusUpdateIntervalMinutes)
                .setOpenedBy(actor(caller))
                .setSubmissionChannel(channel)
                .setConfigurationChange(configurationChange)
                .setReceivedAt(receivedAt)
                .setSubmissionId(submissionId)
                .build());
    }

    public static CaseEvent hotlineCallLogged(CaseNumber number, Instant now, Caller caller, Instant calledAt, CallTaker takenBy,
                                              String takerName, LogHotlineCall request) {
        return envelope(number, now, HotlineCallLogged.newBuilder()
                .setCalledAt(calledAt)
                .setTakenBy(takenBy)
                .setTakerName(takerName)
                .setCallerName(request.callerName())
                .setMessage(request.message())
                .setLoggedBy(actor(caller))
                .build());
    }

    public static CaseEvent caseResponded(CaseNumber number, Instant now, Caller caller, boolean firstResponse, PostResponse request) {
        return envelope(number, now, CaseResponded.newBuilder()
                .setRespondedAt(now)
                .setConsultant(actor(caller))
                .setFirstResponse(firstResponse)
                .setMessage(request.message())
                .build());
    }

    public static CaseEvent statusUpdatePosted(CaseNumber number, Instant now, Caller caller, PostStatusUpdate request) {
        return envelope(number, now, StatusUpdatePosted.newBuilder()
                .setPostedAt(now)
                .setConsultant(actor(caller))
                .setMessage(request.message())
                .setStatusUpdateIntervalMinutes(request.statusUpdateIntervalMinutes())
                .build());
    }

    public static CaseEvent severityChanged(CaseNumber number, Instant now, Caller caller, Severity previous, Severity next,
                                            Category category, String reason) {
        return envelope(number, now, SeverityChanged.newBuilder()
                .setPreviousSeverity(previous)
                .setNewSeverity(next)
                .setCategory(category)
                .setReason(reason == null ? "" : reason.strip())
                .setChangedBy(actor(caller))
                .setChangedAt(now)
                .build());
    }

    public static CaseEvent disagreementRaised(CaseNumber number, Instant now, Caller caller, String disagreementId,
                                               List<String> caseNumbers, RaiseDisagreement request) {
        RaiseDisagreement.Documentation documentation = request.documentation();
        return envelope(number, now, DisagreementRaised.newBuilder()
                .setDisagreementId(disagreementId)
                .setRaisedBy(actor(caller))
                .setDocumentation(EscalationDocumentation.newBuilder()
                        .setCaseNumbers(caseNumbers)
                        .setIssueDescription(documentation.issueDescription())
                        .setProgressToDate(documentation.progressToDate())
                        .setCustomerImpact(documentation.customerImpact())
                        .setReason(documentation.reason())
                        .build())
                .setPreviousDisagreementId(request.previousDisagreementId())
                .build());
    }

    public static CaseEvent caseResolved(CaseNumber number, Instant now, Caller caller, ResolveCase request) {
        return envelope(number, now, CaseResolved.newBuilder()
                .setResolvedAt(now)
                .setResolvedBy(actor(caller))
                .setResolution(request.resolution())
                .build());
    }

    static Actor actor(Caller caller) {
        return Actor.newBuilder()
                .setPrincipal(caller.principal())
                .setOrganisation(caller.organisation())
                .setRole(ActorRole.valueOf(caller.role().name()))
                .build();
    }

    private static CaseEvent envelope(CaseNumber number, Instant occurredAt, Object payload) {
        return CaseEvent.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOccurredAt(occurredAt)
                .setCaseNumber(number.toString())
                .setCausationEventId(null)
                .setPayload(payload)
                .build();
    }
}
