package io.supportsla.notification;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.supportsla.schemas.cases.CallTaker;
import io.supportsla.schemas.cases.CaseCreated;
import io.supportsla.schemas.cases.CaseEvent;
import io.supportsla.schemas.cases.CaseResolved;
import io.supportsla.schemas.cases.CaseResponded;
import io.supportsla.schemas.cases.HotlineCallLogged;
import io.supportsla.schemas.cases.SeverityChanged;
import io.supportsla.schemas.cases.SubmissionChannel;
import io.supportsla.schemas.common.Actor;
import io.supportsla.schemas.common.ActorRole;
import io.supportsla.schemas.common.CaseSummary;
import io.supportsla.schemas.common.Category;
import io.supportsla.schemas.common.Channel;
import io.supportsla.schemas.common.EscalationDocumentation;
import io.supportsla.schemas.common.Recipient;
import io.supportsla.schemas.common.RecipientRole;
import io.supportsla.schemas.common.Region;
import io.supportsla.schemas.common.Severity;
import io.supportsla.schemas.escalation.AcknowledgementChannel;
import io.supportsla.schemas.escalation.EscalationAcknowledged;
import io.supportsla.schemas.escalation.EscalationEvent;
import io.supportsla.schemas.escalation.EscalationRaised;
import io.supportsla.schemas.escalation.EscalationReason;
import io.supportsla.schemas.escalation.EscalationTimedOut;
import io.supportsla.schemas.sla.SlaBreached;
import io.supportsla.schemas.sla.SlaEvent;
import io.supportsla.schemas.sla.SlaTarget;
import io.supportsla.schemas.sla.SlaWarning;
import io.supportsla.schemas.sla.StatusUpdateDue;
import io.supportsla.schemas.sla.TargetBasis;
import io.supportsla.schemas.sla.TargetClock;
import io.supportsla.schemas.sla.TargetKind;

/** Events as the other services publish them, with example.com/example.org addresses only. */
public final class Events {

    public static final Instant TUESDAY = Instant.parse("2025-03-11T10:00:00Z");
    /** Saturday 15 March 2025, 11:00 in London. */
    public static final Instant SATURDAY = Instant.parse("2025-03-15T11:00:00Z");
    /** Christmas Day 2025 (a Thursday), 10:00 in London. */
    public static final Instant CHRISTMAS_DAY = Instant.parse("2025-12-25T10:00:00Z");

    public static final String ACK_URL = "https://support.example.com/escalations/esc-1/ack?sig=abc123&exp=1741690800";

    private Events() {
    }

    public static String newCaseNumber() {
        return "C-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    public static String newEventId() {
        return UUID.randomUUID().toString();
    }

    public static Recipient londonContact() {
        return Recipient.newBuilder().setName("London regional contact").setRole(RecipientRole.REGIONAL_CONTACT)
                .setEmail("emea-escalations@support.example.com").setPagerRoutingKey("rk-emea-contact")
                .setOffice(Region.EMEA).build();
    }

    public static Recipient hotline() {
        return Recipient.newBuilder().setName("Hotline on-call").setRole(RecipientRole.HOTLINE_ON_CALL)
                .setEmail(null).setPagerRoutingKey("rk-hotline").setOffice(null).build();
    }

    public static Recipient director() {
        return Recipient.newBuilder().setName("Director of Customer Consulting").setRole(RecipientRole.DIRECTOR)
                .setEmail("director@support.example.org").setPagerRoutingKey(null).setOffice(Region.EMEA).build();
    }

    public static Recipient recipient(String name, RecipientRole role, String email, String routingKey) {
        return Recipient.newBuilder().setName(name).setRole(role).setEmail(email).setPagerRoutingKey(routingKey)
                .setOffice(Region.EMEA).build();
    }

    public static CaseSummary summary(Severity severity) {
        return CaseSummary.newBuilder()
                .setTitle("RoamServer down in Frankfurt")
                .setSeverity(severity)
                .setCategory(severity == Severity.SEV1 ? Category.ALL_USERS_CANNOT_CONNECT : Category.CLIENT_DEPLOYMENT)
                .setCustomerId("cust-acme")
                .setCustomerName("Acme Travel GmbH")
                .setRegion(Region.EMEA)
                .setOpenedAt(TUESDAY)
                .setConsultant("consultant.jane")
                .build();
    }

    public static EscalationDocumentation documentation(String caseNumber) {
        return EscalationDocumentation.newBuilder()
                .setCaseNumbers(List.of(caseNumber, "C-OLD-0001"))
                .setIssueDescription("All users in Frankfurt fail to authenticate since 09:00.")
                .setProgressToDate("Logs collected; RoamServer restarted twice without effect.")
                .setCustomerImpact("4,000 travelling staff cannot connect to the corporate network.")
                .setReason("Customer disagrees with waiting for the next maintenance window.")
                .build();
    }

    public static EscalationRaised.Builder escalation(String caseNumber, Severity severity, List<Recipient> recipients,
            List<Channel> channels) {
        return EscalationRaised.newBuilder()
                .setEscalationId("esc-" + UUID.randomUUID().toString().substring(0, 8))
                .setLevel(1)
                .setReason(EscalationReason.RESPONSE_BREACH)
                .setRegion(Region.EMEA)
                .setRecipients(recipients)
                .setChannels(channels)
                .setCaseSummary(summary(severity))
                .setDocumentation(null)
                .setBreachedDeadline(TUESDAY.plusSeconds(15 * 60))
                .setAcknowledgementUrl(ACK_URL)
                .setAcknowledgeBy(TUESDAY.plusSeconds(30 * 60))
                .setPreviousRecipientRole(null);
    }

    public static EscalationEvent escalationEvent(String caseNumber, Object payload) {
        return EscalationEvent.newBuilder().setEventId(newEventId()).setOccurredAt(Instant.now())
                .setCaseNumber(caseNumber).setCausationEventId(newEventId()).setPayload(payload).build();
    }

    public static EscalationAcknowledged acknowledged(String escalationId) {
        return EscalationAcknowledged.newBuilder().setEscalationId(escalationId).setAcknowledgedBy("emea-escalations@support.example.com")
                .setAcknowledgedAt(TUESDAY.plusSeconds(20 * 60)).setVia(AcknowledgementChannel.LINK).build();
    }

    public static EscalationTimedOut timedOut(String escalationId) {
        return EscalationTimedOut.newBuilder().setEscalationId(escalationId).setLevel(1)
                .setAcknowledgeBy(TUESDAY.plusSeconds(30 * 60)).setUnacknowledgedRecipients(List.of(londonContact()))
                .setNextRecipientRole(RecipientRole.BACKUP_CONTACT).build();
    }

    public static SlaTarget target(TargetKind kind, Severity severity) {
        return SlaTarget.newBuilder().setKind(kind).setSeverity(severity).setRegion(Region.EMEA)
                .setClock(severity == Severity.SEV1 ? TargetClock.AROUND_THE_CLOCK : TargetClock.BUSINESS_TIME)
                .setBasis(kind == TargetKind.RESPONSE ? TargetBasis.CASE_CREATED : TargetBasis.LAST_STATUS_UPDATE)
                .setStartsAt(TUESDAY).setTargetMinutes(severity == Severity.SEV1 ? 60 : 480)
                .setDeadline(TUESDAY.plusSeconds(severity == Severity.SEV1 ? 3600 : 8 * 3600)).build();
    }

    public static SlaWarning warning(Severity severity, int percent, int remainingMinutes) {
        return SlaWarning.newBuilder().setTarget(target(TargetKind.RESPONSE, severity)).setThresholdPercent(percent)
                .setRemainingMinutes(remainingMinutes).build();
    }

    public static StatusUpdateDue statusUpdateDue(String consultant) {
        return StatusUpdateDue.newBuilder().setTarget(target(TargetKind.STATUS_UPDATE, Severity.SEV1)).setUpdateNumber(2)
                .setConsultant(consultant).build();
    }

    public static SlaBreached breached() {
        return SlaBreached.newBuilder().setTarget(target(TargetKind.RESPONSE, Severity.SEV1))
                .setBreachedAt(TUESDAY.plusSeconds(3600)).build();
    }

    public static SlaEvent slaEvent(String caseNumber, Object payload) {
        return SlaEvent.newBuilder().setEventId(newEventId()).setOccurredAt(Instant.now()).setCaseNumber(caseNumber)
                .setCausationEventId(null).setPayload(payload).build();
    }

    public static Actor helpdesk() {
        return Actor.newBuilder().setPrincipal("helpdesk@acme.example.org").setOrganisation("acme").setRole(ActorRole.HELPDESK).build();
    }

    public static Actor consultant(String principal) {
        return Actor.newBuilder().setPrincipal(principal).setOrganisation("support").setRole(ActorRole.CONSULTANT).build();
    }

    public static CaseCreated created(Severity severity, Instant receivedAt) {
        return CaseCreated.newBuilder()
                .setSeverity(severity)
                .setCategory(severity == Severity.SEV1 ? Category.ALL_USERS_CANNOT_CONNECT : Category.CLIENT_DEPLOYMENT)
                .setTitle("RoamServer down in Frankfurt")
                .setDescription("Nobody can connect since 09:00.")
                .setCustomerId("cust-acme")
                .setCustomerName("Acme Travel GmbH")
                .setPartnerId(null)
                .setRegion(Region.EMEA)
                .setStatusUpdateIntervalMinutes(60)
                .setOpenedBy(helpdesk())
                .setSubmissionChannel(SubmissionChannel.PORTAL_HTTP)
                .setConfigurationChange(false)
                .setReceivedAt(receivedAt)
                .build();
    }

    public static SeverityChanged severityChanged(Severity from, Severity to) {
        return SeverityChanged.newBuilder().setPreviousSeverity(from).setNewSeverity(to)
                .setCategory(to == Severity.SEV1 ? Category.ALL_USERS_CANNOT_CONNECT : Category.CLIENT_DEPLOYMENT)
                .setReason("Reclassified after triage").setChangedBy(consultant("consultant.jane")).setChangedAt(TUESDAY).build();
    }

    public static CaseResponded firstResponse(String consultant) {
        return CaseResponded.newBuilder().setRespondedAt(TUESDAY.plusSeconds(600)).setConsultant(consultant(consultant))
                .setFirstResponse(true).setMessage("Looking into it.").build();
    }

    public static HotlineCallLogged call(CallTaker takenBy) {
        return HotlineCallLogged.newBuilder().setCalledAt(TUESDAY.plusSeconds(120)).setTakenBy(takenBy)
                .setTakerName("Operator Olga").setCallerName("Max Mustermann").setMessage("Please call back urgently, all users down.")
                .setLoggedBy(Actor.newBuilder().setPrincipal("answering@support.example.com").setOrganisation("support")
                        .setRole(ActorRole.ANSWERING_SERVICE).build())
                .build();
    }

    public static CaseResolved resolved() {
        return CaseResolved.newBuilder().setResolvedAt(TUESDAY.plusSeconds(7200)).setResolvedBy(consultant("consultant.jane"))
                .setResolution("Certificate renewed on the RoamServer.").build();
    }

    public static CaseEvent caseEvent(String caseNumber, Object payload) {
        return CaseEvent.newBuilder().setEventId(newEventId()).setOccurredAt(Instant.now()).setCaseNumber(caseNumber)
                .setCausationEventId(null).setPayload(payload).build();
    }
}
