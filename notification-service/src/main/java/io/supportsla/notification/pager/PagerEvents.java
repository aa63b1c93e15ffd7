package io.supportsla.notification.pager;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.supportsla.notification.triggers.Labels;
import io.supportsla.notification.triggers.NotificationContent;
import io.supportsla.notification.triggers.NotificationContent.CaseDetails;
import io.supportsla.notification.triggers.NotificationContent.Detail;
import io.supportsla.notification.triggers.PlannedNotification;
import io.supportsla.schemas.notification.PageAction;

/** Builds the PagerDuty Events API v2 event of a planned page. */
public final class PagerEvents {

    /** PagerDuty's limit on {@code payload.summary}. */
    static final int MAX_SUMMARY = 1024;

    private final String source;
    private final String client;

    /**
     * @param source the {@code payload.source}: this platform, as the on-call sees it
     * @param client the {@code client} name shown with the alert
     */
    public PagerEvents(String source, String client) {
        this.source = source;
        this.client = client;
    }

    public PagerEvent of(PlannedNotification page) {
        String routingKey = page.address().orElseThrow(() -> new IllegalArgumentException("A page needs a routing key"));
        String action = page.pageAction().name().toLowerCase(Locale.ROOT);
        if (page.pageAction() != PageAction.TRIGGER) {
            return new PagerEvent(routingKey, action, page.dedupKey(), null, null, null);
        }
        NotificationContent content = page.content();
        CaseDetails details = content.caseDetails();
        PagerEvent.Payload payload = new PagerEvent.Payload(
                truncate(content.subject()),
                source,
                Labels.pagerSeverity(details.severity()),
                page.cause().occurredAt().toString(),
                "case " + details.caseNumber(),
                details.region() == null ? null : details.region().name(),
                page.trigger().name(),
                customDetails(page));
        List<PagerEvent.Link> links = content.acknowledgementUrl() == null ? null
                : List.of(new PagerEvent.Link(content.acknowledgementUrl(), "Acknowledge escalation"));
        return new PagerEvent(routingKey, action, page.dedupKey(), payload, links, client);
    }

    private static Map<String, String> customDetails(PlannedNotification page) {
        NotificationContent content = page.content();
        CaseDetails details = content.caseDetails();
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("case", details.caseNumber());
        put(facts, "severity", details.severity() == null ? null : Labels.severity(details.severity()));
        put(facts, "summary", details.title());
        put(facts, "customer", details.customerName());
        put(facts, "impact", content.impact());
        if (content.deadline() != null) {
            put(facts, content.deadline().label().toLowerCase(Locale.ROOT), Labels.instant(content.deadline().at(), details.region()));
        }
        if (content.escalation() != null) {
            facts.put("level", Integer.toString(content.escalation().level()));
            facts.put("reason", Labels.reason(content.escalation().reason()));
            put(facts, "acknowledge by", Labels.instant(content.escalation().acknowledgeBy(), details.region()));
        }
        for (Detail detail : content.details()) {
            put(facts, detail.label().toLowerCase(Locale.ROOT), detail.value());
        }
        put(facts, "acknowledgement link", content.acknowledgementUrl());
        facts.put("notification id", page.id().value());
        return facts;
    }

    private static void put(Map<String, String> facts, String key, String value) {
        if (value != null && !value.isBlank()) {
            facts.put(key, value);
        }
    }

    private static String truncate(String summary) {
        return summary.length() <= MAX_SUMMARY ? summary : summary.substring(0, MAX_SUMMARY - 1) + "…";
    }
}
