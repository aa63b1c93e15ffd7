package io.supportsla.console.testing;

import io.supportsla.schemas.cases.CaseCreated;
import io.supportsla.schemas.cases.CaseEvent;
import io.supportsla.schemas.cases.CaseResolved;
import io.supportsla.schemas.cases.CaseResponded;
import io.supportsla.schemas.cases.DisagreementRaised;
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
import io.supportsla.schemas.notification.FailureKind;
import io.supportsla.schemas.notification.Notification;
import io.supportsla.schemas.notification.NotificationEvent;
import io.supportsla.schemas.notification.NotificationFailed;
import io.supportsla.schemas.notification.NotificationSent;
import io.supportsla.schemas.notification.NotificationTrigger;
import io.supportsla.schemas.sla.SlaBreached;
import io.supportsla.schemas.sla.SlaEvent;
import io.supportsla.schemas.sla.SlaMet;
import io.supportsla.schemas.sla.SlaTarget;
import io.supportsla.schemas.sla.SlaTimerStarted;
import io.supportsla.schemas.sla.SlaWarning;
import io.supportsla.schemas.sla.TargetBasis;
import io.supportsla.schemas.sla.TargetClock;
import io.supportsla.schemas.sla.TargetKind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The services' events, built as the services write them (the generated Avro classes), for the
 * view's unit tests and for producing onto the real topics in the integration tests.
 */
public final class Events {

    /** Customers of the local demo directory: acme is direct (EMEA), globex is served by the partner northwind (AMER). */
    public enum Customer {
        ACME("acme", "Acme Corporation", null, Region.EMEA, "acme-helpdesk"),
        GLOBEX("globex", "Globex Inc.", "northwind", Region.AMER, "northwind-helpdesk"),
        INITECH("initech", "Initech Pty Ltd", null, Region.APAC, "initech-helpdesk");

        public final String id;
        public final String name;
        public final String partner;
        public final Region region;
        public final String helpdesk;

        Customer(String id, String name, String partner, Region region, String helpdesk) {
            this.id = id;
            this.name = name;
            this.partner = partner;
            this.region = region;
            this.helpdesk = helpdesk;
        }

        String organisationOfHelpdesk() {
            return partner == null ? id : partner;
        }
    }

    private Events() {
    }

    public static String newEventId() {
        return UUID.randomUUID().toString();
    }

    // ---- support.case-events ----

    public static CaseEvent caseCreated(String caseNumber, Severity severity, Customer customer, Instant receivedAt) {
        return caseCreated(caseNumber, severity, customer, receivedAt, helpdesk(customer));
    }

    public static CaseEvent caseCreated(String caseNumber, Severity severity, Customer customer, Instant receivedAt, Actor openedBy) {
        CaseCreated created = CaseCreated.newBuilder()
                .setSeverity(severity)
                .setCategory(categoryFor(severity))
                .setTitle(severity + " problem of " + customer.name + " (" + caseNumber + ")")
                .setDescription("Users report the problem since this morning.")
                .setCustomerId(customer.id)
                .setCustomerName(customer.name)
                .setPartnerId(customer.partner)
                .setRegion(customer.region)
                .setStatusUpdateIntervalMinutes(60)
                .setOpenedBy(openedBy)
                .setSubmissionChannel(SubmissionChannel.PORTAL_HTTP)
                .setConfigurationChange(false)
                .setReceivedAt(receivedAt)
                .setSubmissionId(null)
                .build();
        return caseEvent(caseNumber, receivedAt, created);
    }

    public static CaseEvent severityChanged(String caseNumber, Severity from, Severity to, Instant at) {
        return caseEvent(caseNumber, at, SeverityChanged.newBuilder().setPreviousSeverity(from).setNewSeverity(to)
                .setCategory(categoryFor(to)).setReason("Reclassified after review").setChangedBy(consultant())
                .setChangedAt(at).build());
    }

    public static CaseEvent caseResponded(String caseNumber, Instant at) {
        return caseEvent(caseNumber, at, CaseResponded.newBuilder().setRespondedAt(at).setConsultant(consultant())
                .setFirstResponse(true).setMessage("We are looking into it.").build());
    }

    public static CaseEvent disagreementRaised(String caseNumber, String eventId, String disagreementId, String previousId, Instant at) {
        DisagreementRaised raised = DisagreementRaised.newBuilder()
                .setDisagreementId(disagreementId)
                .setRaisedBy(helpdesk(Customer.ACME))
                .setDocumentation(EscalationDocumentation.newBuilder().setCaseNumbers(List.of(caseNumber))
                        .setIssueDescription("Connection drops").setProgressToDate("Logs collected")
                        .setCustomerImpact("All users").setReason("We disagree with the action plan").build())
                .setPreviousDisagreementId(previousId)
                .build();
        return CaseEvent.newBuilder().setEventId(eventId).setOccurredAt(at).setCaseNumber(caseNumber)
                .setCausationEventId(null).setPayload(raised).build();
    }

    public static CaseEvent caseResolved(String caseNumber, Instant at) {
        return caseEvent(caseNumber, at, CaseResolved.newBuilder().setResolvedAt(at).setResolvedBy(consultant())
                .setResolution("Fixed the gateway").build());
    }

    public static CaseEvent caseEvent(String caseNumber, Instant at, Object payload) {
        return CaseEvent.newBuilder().setEventId(newEventId()).setOccurredAt(at).setCaseNumber(caseNumber)
                .setCausationEventId(null).setPayload(payload).build();
    }

    // ---- support.sla-events ----

    public static SlaTarget target(TargetKind kind, Severity severity, Region region, Instant startsAt, Instant deadline) {
        return SlaTarget.newBuilder().setKind(kind).setSeverity(severity).setRegion(region)
                .setClock(TargetClock.AROUND_THE_CLOCK)
                .setBasis(kind == TargetKind.RESPONSE ? TargetBasis.CASE_CREATED : TargetBasis.LAST_STATUS_UPDATE)
                .setStartsAt(startsAt).setTargetMinutes((int) Duration.between(startsAt, deadline).toMinutes())
                .setDeadline(deadline).build();
    }

    public static SlaTarget responseTarget(Severity severity, Instant startsAt, Instant deadline) {
        return target(TargetKind.RESPONSE, severity, Region.EMEA, startsAt, deadline);
    }

    public static SlaEvent timerStarted(String caseNumber, SlaTarget target, Instant at) {
        return slaEvent(caseNumber, at, SlaTimerStarted.newBuilder().setTarget(target).setPreviousDeadline(null).build());
    }

    public static SlaEvent warning(String caseNumber, SlaTarget target, int percent, Instant at) {
        return slaEvent(caseNumber, at, SlaWarning.newBuilder().setTarget(target).setThresholdPercent(percent)
                .setRemainingMinutes((int) Duration.between(at, target.getDeadline()).toMinutes()).build());
    }

    public static SlaEvent breached(String caseNumber, SlaTarget target, Instant at) {
        return slaEvent(caseNumber, at, SlaBreached.newBuilder().setTarget(target).setBreachedAt(at).build());
    }

    public static SlaEvent met(String caseNumber, SlaTarget target, Instant at) {
        return slaEvent(caseNumber, at, SlaMet.newBuilder().setTarget(target).setMetAt(at).setConsultant("jane-consultant").build());
    }

    public static SlaEvent slaEvent(String caseNumber, Instant at, Object payload) {
        return SlaEvent.newBuilder().setEventId(newEventId()).setOccurredAt(at).setCaseNumber(caseNumber)
                .setCausationEventId(null).setPayload(payload).build();
    }

    // ---- support.escalation-events ----

    public static Recipient recipient(String name, RecipientRole role) {
        return Recipient.newBuilder().setName(name).setRole(role).setEmail(name.toLowerCase().replace(' ', '.') + "@example.com")
                .setPagerRoutingKey("examplepagerroutingkey0000000001").setOffice(Region.EMEA).build();
    }

    public static EscalationEvent escalationRaised(String caseNumber, String escalationId, int level, EscalationReason reason,
            Recipient recipient, Instant at, Instant acknowledgeBy, String causationEventId) {
        EscalationRaised raised = EscalationRaised.newBuilder()
                .setEscalationId(escalationId)
                .setLevel(level)
                .setReason(reason)
                .setRegion(Region.EMEA)
                .setRecipients(List.of(recipient))
                .setChannels(List.of(Channel.EMAIL, Channel.PAGE))
                .setCaseSummary(CaseSummary.newBuilder().setTitle("Case " + caseNumber).setSeverity(Severity.SEV1)
                        .setCategory(Category.ALL_USERS_CANNOT_CONNECT).setCustomerId("acme").setCustomerName("Acme Corporation")
                        .setRegion(Region.EMEA).setOpenedAt(at).setConsultant(null).build())
                .setDocumentation(null)
                .setBreachedDeadline(reason == EscalationReason.DISAGREEMENT ? null : at)
                .setAcknowledgementUrl("http://localhost:8083/api/v1/escalations/" + escalationId + "/acknowledgement?token=v1.x")
                .setAcknowledgeBy(acknowledgeBy)
                .setPreviousRecipientRole(null)
                .build();
        return EscalationEvent.newBuilder().setEventId(newEventId()).setOccurredAt(at).setCaseNumber(caseNumber)
                .setCausationEventId(causationEventId).setPayload(raised).build();
    }

    public static EscalationEvent escalationTimedOut(String caseNumber, String escalationId, int level, Instant acknowledgeBy,
            RecipientRole next) {
        return escalationEvent(caseNumber, acknowledgeBy, EscalationTimedOut.newBuilder().setEscalationId(escalationId)
                .setLevel(level).setAcknowledgeBy(acknowledgeBy)
                .setUnacknowledgedRecipients(List.of(recipient("London contact", RecipientRole.REGIONAL_CONTACT)))
                .setNextRecipientRole(next).build());
    }

    public static EscalationEvent escalationAcknowledged(String caseNumber, String escalationId, String by, Instant at) {
        return escalationEvent(caseNumber, at, EscalationAcknowledged.newBuilder().setEscalationId(escalationId)
                .setAcknowledgedBy(by).setAcknowledgedAt(at).setVia(AcknowledgementChannel.API_KEY).build());
    }

    public static EscalationEvent escalationEvent(String caseNumber, Instant at, Object payload) {
        return EscalationEvent.newBuilder().setEventId(newEventId()).setOccurredAt(at).setCaseNumber(caseNumber)
                .setCausationEventId(null).setPayload(payload).build();
    }

    // ---- support.notification-events ----

    public static Notification notification(String notificationId, NotificationTrigger trigger, Channel channel, String escalationId) {
        return Notification.newBuilder().setNotificationId(notificationId).setTrigger(trigger).setChannel(channel)
                .setRecipient(recipient("London contact", RecipientRole.REGIONAL_CONTACT))
                .setPageAction(channel == Channel.PAGE ? io.supportsla.schemas.notification.PageAction.TRIGGER : null)
                .setDedupKey(null).setEscalationId(escalationId).setSubject("Escalation: response breached").build();
    }

    public static NotificationEvent notificationSent(String caseNumber, String notificationId, Instant at) {
        return notificationEvent(caseNumber, at, NotificationSent.newBuilder()
                .setNotification(notification(notificationId, NotificationTrigger.ESCALATION, Channel.EMAIL, null))
                .setSentAt(at).setAttempts(1).setProviderMessageId("<" + notificationId + "@example.com>").build());
    }

    public static NotificationEvent notificationFailed(String caseNumber, String notificationId, Instant at) {
        return notificationEvent(caseNumber, at, NotificationFailed.newBuilder()
                .setNotification(notification(notificationId, NotificationTrigger.RESPONSE_BREACH, Channel.PAGE, null))
                .setFailedAt(at).setAttempts(1).setFailure(FailureKind.PERMANENT).setError("400 Bad Request: invalid routing key")
                .setStatusCode(400).build());
    }

    public static NotificationEvent notificationEvent(String caseNumber, Instant at, Object payload) {
        return NotificationEvent.newBuilder().setEventId(newEventId()).setOccurredAt(at).setCaseNumber(caseNumber)
                .setCausationEventId(null).setPayload(payload).build();
    }

    // ---- actors ----

    public static Actor helpdesk(Customer customer) {
        return Actor.newBuilder().setPrincipal(customer.helpdesk).setOrganisation(customer.organisationOfHelpdesk())
                .setRole(ActorRole.HELPDESK).build();
    }

    public static Actor endUser(String principal, String organisation) {
        return Actor.newBuilder().setPrincipal(principal).setOrganisation(organisation).setRole(ActorRole.END_USER).build();
    }

    public static Actor consultant() {
        return Actor.newBuilder().setPrincipal("jane-consultant").setOrganisation("supportsla").setRole(ActorRole.CONSULTANT).build();
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
