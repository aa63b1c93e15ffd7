package io.supportsla.notification.triggers;

import io.supportsla.notification.triggers.NotificationContent.CaseDetails;

/** Email subjects and page summaries: "[C-1042 SEV1] Response target breached, level 1: RoamServer down". */
final class Subjects {

    private Subjects() {
    }

    static String of(CaseDetails details, String headline) {
        StringBuilder subject = new StringBuilder("[").append(details.caseNumber());
        if (details.severity() != null) {
            subject.append(' ').append(Labels.severity(details.severity()));
        }
        subject.append("] ").append(headline);
        if (details.title() != null && !details.title().isBlank()) {
            subject.append(": ").append(details.title().strip());
        }
        return subject.toString();
    }

    /** The impact to show: the documented one, else what the severity and category say. */
    static String impact(CaseDetails details, String documentedImpact) {
        if (documentedImpact != null && !documentedImpact.isBlank()) {
            return documentedImpact;
        }
        String category = Labels.category(details.category());
        return category == null ? Labels.severityDescription(details.severity())
                : Labels.severityDescription(details.severity()) + ": " + category;
    }
}
