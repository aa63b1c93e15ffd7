package io.supportsla.notification.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.supportsla.calendar.BusinessCalendars;
import io.supportsla.notification.Events;
import io.supportsla.notification.triggers.OwnRecipients;
import io.supportsla.notification.triggers.PlannedNotification;
import io.supportsla.notification.triggers.Recipient;
import io.supportsla.notification.triggers.Triggers;
import io.supportsla.schemas.common.Channel;
import io.supportsla.schemas.common.RecipientRole;
import io.supportsla.schemas.common.Severity;
import io.supportsla.schemas.escalation.EscalationRaised;
import io.supportsla.schemas.escalation.EscalationReason;
import org.junit.jupiter.api.Test;

class EmailTemplatesTest {

    final EmailTemplates templates = new EmailTemplates();
    final Triggers triggers = new Triggers(new OwnRecipients(
            new Recipient("Consulting team queue", RecipientRole.CONSULTING_TEAM, "consulting@support.example.com", null, null),
            new Recipient("Hotline on-call", RecipientRole.HOTLINE_ON_CALL, null, "rk-hotline", null),
            new Recipient("On-duty technicians", RecipientRole.ON_DUTY_TECHNICIANS, null, "rk-technicians", null),
            Map.of()), BusinessCalendars.defaults());
    final String caseNumber = Events.newCaseNumber();

    @Test
    void disagreementEmailShowsEverythingAManagerNeedsInBothBodies() {
        RenderedEmail email = templates.render(disagreement());

        assertThat(email.subject()).isEqualTo("[" + caseNumber + " SEV1] Disagreement on the action plan, escalation level 1: "
                + "RoamServer down in Frankfurt");
        for (String body : List.of(email.text(), email.html())) {
            assertThat(body)
                    .contains("Hello London regional contact,")
                    .contains(caseNumber)
                    .contains("RoamServer down in Frankfurt")
                    .contains("Acme Travel GmbH")
                    .contains("SEV1 - Severity 1 (high)")
                    .contains("RoamServer down or all users cannot connect")
                    .contains("EMEA (London)")
                    .contains("1 - Manager of Customer Consulting (escalation contact)")
                    .contains("Disagreement on the action plan")
                    .contains("Acknowledge by")
                    .contains("2025-03-11 10:30 UTC (Tue 10:30 GMT in London)")
                    .contains("Written documentation")
                    .contains("All users in Frankfurt fail to authenticate since 09:00.")
                    .contains("Logs collected; RoamServer restarted twice without effect.")
                    .contains("Customer disagrees with waiting for the next maintenance window.")
                    .contains("C-OLD-0001");
        }
        assertThat(email.text()).contains("Impact: 4,000 travelling staff cannot connect to the corporate network.")
                .contains("Acknowledge this escalation: " + Events.ACK_URL);
        assertThat(email.html()).contains("href=\"" + Events.ACK_URL.replace("&", "&amp;") + "\"")
                .contains("4,000 travelling staff cannot connect to the corporate network.");
    }

    @Test
    void breachEmailShowsTheMissedDeadlineAndNoDocumentationSection() {
        EscalationRaised raised = Events.escalation(caseNumber, Severity.SEV1, List.of(Events.londonContact()),
                List.of(Channel.EMAIL)).build();
        PlannedNotification notification = triggers.onEscalationEvent(Events.escalationEvent(caseNumber, raised),
                Optional.empty(), List.of()).get(0);

        RenderedEmail email = templates.render(notification);

        assertThat(email.text()).contains("Response was due: 2025-03-11 10:15 UTC (Tue 10:15 GMT in London)")
                .doesNotContain("Written documentation");
        assertThat(email.html()).contains("Response was due").doesNotContain("Written documentation");
    }

    @Test
    void slaWarningEmailNeedsNoAcknowledgement() {
        PlannedNotification warning = triggers.onSlaEvent(Events.slaEvent(caseNumber, Events.warning(Severity.SEV2, 90, 48)),
                Optional.empty()).get(0);

        RenderedEmail email = templates.render(warning);

        assertThat(email.subject()).isEqualTo("[" + caseNumber + " SEV2] 90% of the response target elapsed, 48 min left");
        assertThat(email.text()).contains("Hello Consulting team queue,").contains("Response due: 2025-03-11 18:00 UTC")
                .doesNotContain("Acknowledge");
        assertThat(email.html()).doesNotContain("Acknowledge");
    }

    @Test
    void htmlEscapesWhatCustomersWrote() {
        EscalationRaised raised = Events.escalation(caseNumber, Severity.SEV1, List.of(Events.londonContact()),
                List.of(Channel.EMAIL)).setReason(EscalationReason.DISAGREEMENT)
                .setDocumentation(Events.documentation(caseNumber)).build();
        raised.getDocumentation().setIssueDescription("<script>alert('x')</script>");
        PlannedNotification notification = triggers.onEscalationEvent(Events.escalationEvent(caseNumber, raised),
                Optional.empty(), List.of()).get(0);

        RenderedEmail email = templates.render(notification);

        assertThat(email.html()).doesNotContain("<script>").contains("&lt;script&gt;");
        assertThat(email.text()).contains("<script>alert('x')</script>");
    }

    @Test
    void footerNamesTheNotificationId() {
        PlannedNotification notification = disagreement();

        assertThat(templates.render(notification).text()).contains("Notification " + notification.id().value() + ".");
    }

    private PlannedNotification disagreement() {
        EscalationRaised raised = Events.escalation(caseNumber, Severity.SEV1, List.of(Events.londonContact()),
                List.of(Channel.EMAIL)).setReason(EscalationReason.DISAGREEMENT).setBreachedDeadline(null)
                .setDocumentation(Events.documentation(caseNumber)).build();
        return triggers.onEscalationEvent(Events.escalationEvent(caseNumber, raised), Optional.empty(), List.of()).get(0);
    }
}
