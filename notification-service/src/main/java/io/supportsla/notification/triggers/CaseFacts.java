package io.supportsla.notification.triggers;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import io.supportsla.schemas.cases.CaseCreated;
import io.supportsla.schemas.cases.CaseEvent;
import io.supportsla.schemas.cases.CaseResolved;
import io.supportsla.schemas.cases.CaseResponded;
import io.supportsla.schemas.cases.SeverityChanged;
import io.supportsla.schemas.common.Category;
import io.supportsla.schemas.common.Region;
import io.supportsla.schemas.common.Severity;

/**
 * What this service remembers of an open case from {@code support.case-events}: enough to know a
 * hotline call is on a SEV1 case and to tell recipients what the case is about.
 *
 * @param consultant the principal of the first consultant to respond (the point of contact)
 */
public record CaseFacts(String caseNumber, Severity severity, Category category, String title, String customerId,
        String customerName, Region region, Instant openedAt, String consultant) {

    public CaseFacts {
        Objects.requireNonNull(caseNumber, "caseNumber");
    }

    /** The facts after a case event: created, reclassified, first responded; forgotten once resolved. */
    public static Optional<CaseFacts> after(Optional<CaseFacts> before, CaseEvent event) {
        Object payload = event.getPayload();
        if (payload instanceof CaseCreated created) {
            return Optional.of(new CaseFacts(event.getCaseNumber(), created.getSeverity(), created.getCategory(),
                    created.getTitle(), created.getCustomerId(), created.getCustomerName(), created.getRegion(),
                    created.getReceivedAt(), null));
        }
        if (payload instanceof CaseResolved) {
            return Optional.empty();
        }
        return before.map(facts -> {
            if (payload instanceof SeverityChanged changed) {
                return new CaseFacts(facts.caseNumber, changed.getNewSeverity(), changed.getCategory(), facts.title,
                        facts.customerId, facts.customerName, facts.region, facts.openedAt, facts.consultant);
            }
            if (payload instanceof CaseResponded responded && responded.getFirstResponse() && facts.consultant == null) {
                return new CaseFacts(facts.caseNumber, facts.severity, facts.category, facts.title, facts.customerId,
                        facts.customerName, facts.region, facts.openedAt, responded.getConsultant().getPrincipal());
            }
            return facts;
        });
    }

    public NotificationContent.CaseDetails details() {
        return new NotificationContent.CaseDetails(caseNumber, severity, title, customerName, category, region, openedAt,
                consultant);
    }
}
