package io.supportsla.systemtests;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import io.supportsla.localstack.MailSink;
import io.supportsla.localstack.PagerSink;
import io.supportsla.schemas.Topic;
import io.supportsla.schemas.cases.CaseCreated;
import io.supportsla.schemas.escalation.EscalationRaised;
import io.supportsla.schemas.escalation.EscalationReason;
import io.supportsla.schemas.notification.NotificationFailed;
import io.supportsla.schemas.notification.NotificationSent;
import io.supportsla.schemas.notification.NotificationTrigger;
import io.supportsla.schemas.sla.SlaBreached;
import io.supportsla.schemas.sla.TargetKind;

/**
 * Everything the platform did about one case, as the outside world sees it: its records on the
 * four topics, the emails the SMTP server received and the pages the pager endpoint received.
 * Every call reads afresh, so it can be polled.
 */
final class CaseTrail {

    private final Platform platform;
    private final String caseNumber;

    CaseTrail(Platform platform, String caseNumber) {
        this.platform = platform;
        this.caseNumber = caseNumber;
    }

    /** Opens a case through intake's API as a helpdesk and follows it. */
    static CaseTrail open(Platform platform, String helpdeskKey, String customerId, String severity, String category,
            String title) {
        return new CaseTrail(platform, platform.api().openCase(helpdeskKey, customerId, severity, category, title)
                .path("caseNumber").asText());
    }

    /** Acme (EMEA) opens a SEV1: its response target runs around the clock. */
    static CaseTrail openAcmeSev1(Platform platform, String title) {
        return open(platform, PlatformApi.ACME_HELPDESK, "acme", "SEV1", "ALL_USERS_CANNOT_CONNECT", title);
    }

    /** The case's {@code CaseCreated}, once intake's event is on the topic. */
    CaseCreated created() {
        return Eventually.first(caseNumber + " CaseCreated", Eventually.SOON, () -> payloads(CaseCreated.class));
    }

    String caseNumber() {
        return caseNumber;
    }

    <T> List<T> payloads(Class<T> type) {
        return platform.topics().payloads(caseNumber, type);
    }

    <T> List<TopicRecorder.Event<T>> events(Class<T> type) {
        return platform.topics().events(caseNumber, type);
    }

    List<TopicRecorder.Recorded> records(Topic<?> topic) {
        return platform.topics().records(topic, caseNumber);
    }

    List<TopicRecorder.Event<SlaBreached>> responseBreaches() {
        return events(SlaBreached.class).stream()
                .filter(breach -> breach.payload().getTarget().getKind() == TargetKind.RESPONSE).toList();
    }

    List<TopicRecorder.Event<EscalationRaised>> raised(EscalationReason reason) {
        return events(EscalationRaised.class).stream().filter(raised -> raised.payload().getReason() == reason).toList();
    }

    List<NotificationSent> sent(NotificationTrigger trigger) {
        return payloads(NotificationSent.class).stream()
                .filter(sent -> sent.getNotification().getTrigger() == trigger).toList();
    }

    List<NotificationFailed> failed() {
        return payloads(NotificationFailed.class);
    }

    List<MailSink.Mail> mails() {
        return platform.mailsAbout(caseNumber);
    }

    /** Emails the SMTP server received for this case, to this address, for notifications of this trigger. */
    List<MailSink.Mail> mailsTo(String address, NotificationTrigger trigger) {
        Set<String> ids = sent(trigger).stream().map(sent -> sent.getNotification().getNotificationId())
                .collect(Collectors.toSet());
        return mails().stream()
                .filter(mail -> mail.to().stream().map(CaseTrail::address).anyMatch(address::equalsIgnoreCase))
                .filter(mail -> ids.contains(mail.header("X-Notification-Id")))
                .toList();
    }

    List<PagerSink.Page> pages() {
        return platform.pagesAbout(caseNumber);
    }

    /** {@code trigger} events the pager endpoint received for this routing key and dedup key. */
    List<PagerSink.Page> pageTriggers(String routingKey, String dedupKey) {
        return pages(routingKey, dedupKey, "trigger");
    }

    /** {@code resolve} events the pager endpoint received for this routing key and dedup key. */
    List<PagerSink.Page> pageResolves(String routingKey, String dedupKey) {
        return pages(routingKey, dedupKey, "resolve");
    }

    private List<PagerSink.Page> pages(String routingKey, String dedupKey, String action) {
        return pages().stream()
                .filter(page -> page.eventAction().equals(action) && page.routingKey().equals(routingKey)
                        && page.dedupKey().equals(dedupKey))
                .toList();
    }

    /** The dedup key notification-service gives every page of an escalation, whoever it is with. */
    String escalationDedupKey(String escalationId) {
        return caseNumber + "/escalation/" + escalationId;
    }

    /** The dedup key of a SEV1 call-out page. */
    String callOutDedupKey() {
        return caseNumber + "/sev1-call-out";
    }

    /** {@code Name <a@b>} or {@code a@b} to {@code a@b}. */
    private static String address(String recipient) {
        int open = recipient.lastIndexOf('<');
        int close = recipient.lastIndexOf('>');
        String address = open >= 0 && close > open ? recipient.substring(open + 1, close) : recipient;
        return address.strip().toLowerCase(Locale.ROOT);
    }
}
