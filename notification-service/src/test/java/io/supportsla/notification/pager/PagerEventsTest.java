package io.supportsla.notification.pager;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.supportsla.calendar.BusinessCalendars;
import io.supportsla.notification.Events;
import io.supportsla.notification.triggers.OpenPage;
import io.supportsla.notification.triggers.OwnRecipients;
import io.supportsla.notification.triggers.PlannedNotification;
import io.supportsla.notification.triggers.Recipient;
import io.supportsla.notification.triggers.Triggers;
import io.supportsla.schemas.common.Channel;
import io.supportsla.schemas.common.RecipientRole;
import io.supportsla.schemas.common.Severity;
import io.supportsla.schemas.escalation.EscalationEvent;
import io.supportsla.schemas.escalation.EscalationRaised;
import io.supportsla.schemas.notification.NotificationTrigger;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class PagerEventsTest {

    final PagerEvents events = new PagerEvents("support-sla-platform", "Support SLA platform");
    final JsonMapper json = JsonMapper.builder().build();
    final Triggers triggers = new Triggers(new OwnRecipients(
            new Recipient("Consulting team queue", RecipientRole.CONSULTING_TEAM, "consulting@support.example.com", null, null),
            new Recipient("Hotline on-call", RecipientRole.HOTLINE_ON_CALL, null, "rk-hotline", null),
            new Recipient("On-duty technicians", RecipientRole.ON_DUTY_TECHNICIANS, null, "rk-technicians", null),
            Map.of()), BusinessCalendars.defaults());
    final String caseNumber = Events.newCaseNumber();

    @Test
    void triggerCarriesRoutingKeyDedupKeySummarySourceSeverityAndTheAcknowledgementLink() {
        EscalationRaised raised = Events.escalation(caseNumber, Severity.SEV1, List.of(Events.hotline()), List.of(Channel.PAGE)).build();
        EscalationEvent event = Events.escalationEvent(caseNumber, raised);
        PlannedNotification page = triggers.onEscalationEvent(event, Optional.empty(), List.of()).get(0);

        JsonNode body = json.readTree(json.writeValueAsString(events.of(page)));

        assertThat(body.get("routing_key").asString()).isEqualTo("rk-hotline");
        assertThat(body.get("event_action").asString()).isEqualTo("trigger");
        assertThat(body.get("dedup_key").asString()).isEqualTo(caseNumber + "/escalation/" + raised.getEscalationId());
        assertThat(body.get("payload").get("summary").asString())
                .isEqualTo("[" + caseNumber + " SEV1] Response target breached, escalation level 1: RoamServer down in Frankfurt");
        assertThat(body.get("payload").get("source").asString()).isEqualTo("support-sla-platform");
        assertThat(body.get("payload").get("severity").asString()).isEqualTo("critical");
        assertThat(body.get("payload").get("timestamp").asString()).isEqualTo(event.getOccurredAt().toString());
        assertThat(body.get("payload").get("component").asString()).isEqualTo("case " + caseNumber);
        assertThat(body.get("payload").get("group").asString()).isEqualTo("EMEA");
        assertThat(body.get("payload").get("class").asString()).isEqualTo("RESPONSE_BREACH");
        assertThat(body.get("payload").get("custom_details").get("level").asString()).isEqualTo("1");
        assertThat(body.get("payload").get("custom_details").get("customer").asString()).isEqualTo("Acme Travel GmbH");
        assertThat(body.get("links").get(0).get("href").asString()).isEqualTo(Events.ACK_URL);
        assertThat(body.get("links").get(0).get("text").asString()).isEqualTo("Acknowledge escalation");
        assertThat(body.get("client").asString()).isEqualTo("Support SLA platform");
    }

    @Test
    void caseSeverityMapsToPagerSeverity() {
        assertThat(severityOf(Severity.SEV1)).isEqualTo("critical");
        assertThat(severityOf(Severity.SEV2)).isEqualTo("error");
        assertThat(severityOf(Severity.SEV3)).isEqualTo("warning");
        assertThat(severityOf(Severity.END_USER_ISSUE)).isEqualTo("info");
    }

    @Test
    void resolveCarriesOnlyRoutingKeyActionAndDedupKey() {
        OpenPage open = new OpenPage(caseNumber, "rk-hotline", caseNumber + "/sev1-call-out", "Hotline on-call",
                RecipientRole.HOTLINE_ON_CALL, null, NotificationTrigger.SEV1_CALL_OUT, null, Severity.SEV1);
        PlannedNotification resolve = triggers.onCaseEvent(Events.caseEvent(caseNumber, Events.resolved()), Optional.empty(),
                List.of(open)).get(0);

        JsonNode body = json.readTree(json.writeValueAsString(events.of(resolve)));

        assertThat(body.propertyNames()).containsExactlyInAnyOrder("routing_key", "event_action", "dedup_key");
        assertThat(body.get("event_action").asString()).isEqualTo("resolve");
        assertThat(body.get("dedup_key").asString()).isEqualTo(caseNumber + "/sev1-call-out");
        assertThat(body.get("routing_key").asString()).isEqualTo("rk-hotline");
    }

    @Test
    void pageWithoutAnAcknowledgementLinkHasNoLinks() {
        PlannedNotification callOut = triggers.onCaseEvent(Events.caseEvent(caseNumber, Events.created(Severity.SEV1, Events.SATURDAY)),
                Optional.empty(), List.of()).get(0);

        assertThat(json.readTree(json.writeValueAsString(events.of(callOut))).has("links")).isFalse();
    }

    @Test
    void summaryIsCutToPagerDutysLimit() {
        EscalationRaised raised = Events.escalation(caseNumber, Severity.SEV1, List.of(Events.hotline()), List.of(Channel.PAGE)).build();
        raised.getCaseSummary().setTitle("x".repeat(2000));
        PlannedNotification page = triggers.onEscalationEvent(Events.escalationEvent(caseNumber, raised), Optional.empty(),
                List.of()).get(0);

        assertThat(events.of(page).payload().summary()).hasSize(PagerEvents.MAX_SUMMARY);
    }

    private String severityOf(Severity severity) {
        EscalationRaised raised = Events.escalation(caseNumber, severity, List.of(Events.hotline()), List.of(Channel.PAGE)).build();
        PlannedNotification page = triggers.onEscalationEvent(Events.escalationEvent(caseNumber, raised), Optional.empty(),
                List.of()).get(0);
        return events.of(page).payload().severity();
    }
}
