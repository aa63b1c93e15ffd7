package io.supportsla.notification.triggers;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import io.supportsla.schemas.common.Category;
import io.supportsla.schemas.common.Region;
import io.supportsla.schemas.common.RecipientRole;
import io.supportsla.schemas.common.Severity;
import io.supportsla.schemas.escalation.EscalationReason;

/**
 * What a notification says, independent of the channel: the email templates and the page payload
 * render it.
 *
 * @param subject            the email subject and page summary: case number, severity, headline, title
 * @param headline           what happened, in one line
 * @param caseDetails        the case facts
 * @param impact             the impact on the customer (the documentation's, or the severity and category)
 * @param deadline           the deadline that matters, if any
 * @param escalation         level, reason and documentation of an escalation; null otherwise
 * @param details            further facts specific to the trigger, in order
 * @param acknowledgementUrl the signed link that acknowledges the escalation; null when there is none
 */
public record NotificationContent(
        String subject,
        String headline,
        CaseDetails caseDetails,
        String impact,
        Deadline deadline,
        EscalationDetails escalation,
        List<Detail> details,
        String acknowledgementUrl) {

    public NotificationContent {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(headline, "headline");
        Objects.requireNonNull(caseDetails, "caseDetails");
        details = List.copyOf(details);
    }

    /**
     * The case as far as it is known; anything but the number may be null.
     *
     * @param consultant the principal of the case's point of contact
     */
    public record CaseDetails(String caseNumber, Severity severity, String title, String customerName, Category category,
            Region region, Instant openedAt, String consultant) {

        public CaseDetails {
            Objects.requireNonNull(caseNumber, "caseNumber");
        }

        public static CaseDetails onlyNumber(String caseNumber) {
            return new CaseDetails(caseNumber, null, null, null, null, null, null, null);
        }
    }

    /** A deadline and what it is the deadline of. */
    public record Deadline(String label, Instant at) {
    }

    /**
     * @param passedOnFrom set when the escalation was passed on after an acknowledgement timeout
     * @param documentation the written documentation of a disagreement; null for breaches
     */
    public record EscalationDetails(String escalationId, int level, EscalationReason reason, RecipientRole passedOnFrom,
            Instant acknowledgeBy, Documentation documentation) {
    }

    /** The written documentation of a disagreement (SPEC 3.4). */
    public record Documentation(List<String> caseNumbers, String issueDescription, String progressToDate,
            String customerImpact, String reason) {

        public Documentation {
            caseNumbers = List.copyOf(caseNumbers);
        }
    }

    /** One more labelled fact. */
    public record Detail(String label, String value) {
    }
}
