package io.supportsla.notification.email;

import java.util.ArrayList;
import java.util.List;

import io.supportsla.notification.triggers.Labels;
import io.supportsla.notification.triggers.NotificationContent;
import io.supportsla.notification.triggers.NotificationContent.CaseDetails;
import io.supportsla.notification.triggers.NotificationContent.Detail;
import io.supportsla.notification.triggers.NotificationContent.EscalationDetails;
import io.supportsla.notification.triggers.PlannedNotification;

/**
 * What the email templates show, as ready-made text: the templates only lay it out. Facts that are
 * unknown are left out rather than shown empty.
 *
 * @param caseFacts       summary, customer, severity, category, region, opened, consultant
 * @param deadline        the deadline that matters ("Response was due: ..."), or null
 * @param escalationFacts level, reason and acknowledgement deadline of an escalation; empty otherwise
 * @param documentation   the written documentation of a disagreement, or null
 */
public record EmailView(
        String subject,
        String headline,
        String recipientName,
        String caseNumber,
        List<Detail> caseFacts,
        String impact,
        Detail deadline,
        List<Detail> escalationFacts,
        NotificationContent.Documentation documentation,
        List<Detail> details,
        String acknowledgementUrl,
        String notificationId) {

    public static EmailView of(PlannedNotification notification) {
        NotificationContent content = notification.content();
        CaseDetails details = content.caseDetails();
        List<Detail> caseFacts = new ArrayList<>();
        caseFacts.add(new Detail("Case", details.caseNumber()));
        add(caseFacts, "Summary", details.title());
        add(caseFacts, "Customer", details.customerName());
        add(caseFacts, "Severity", details.severity() == null ? null
                : Labels.severity(details.severity()) + " - " + Labels.severityDescription(details.severity()));
        add(caseFacts, "Category", Labels.category(details.category()));
        add(caseFacts, "Region", Labels.region(details.region()));
        add(caseFacts, "Opened", Labels.instant(details.openedAt(), details.region()));
        add(caseFacts, "Consultant", details.consultant());

        Detail deadline = content.deadline() == null ? null
                : new Detail(content.deadline().label(), Labels.instant(content.deadline().at(), details.region()));

        List<Detail> escalationFacts = new ArrayList<>();
        EscalationDetails escalation = content.escalation();
        if (escalation != null) {
            escalationFacts.add(new Detail("Level", escalation.level() == 1
                    ? "1 - Manager of Customer Consulting (escalation contact)"
                    : escalation.level() + " - Director of Customer Consulting"));
            escalationFacts.add(new Detail("Reason", Labels.reason(escalation.reason())));
            add(escalationFacts, "Acknowledge by", Labels.instant(escalation.acknowledgeBy(), details.region()));
        }
        return new EmailView(content.subject(), content.headline(), notification.recipient().name(), details.caseNumber(),
                caseFacts, content.impact(), deadline, escalationFacts,
                escalation == null ? null : escalation.documentation(), content.details(), content.acknowledgementUrl(),
                notification.id().value());
    }

    private static void add(List<Detail> facts, String label, String value) {
        if (value != null && !value.isBlank()) {
            facts.add(new Detail(label, value));
        }
    }
}
