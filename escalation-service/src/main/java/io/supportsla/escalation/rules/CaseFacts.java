package io.supportsla.escalation.rules;

import io.supportsla.schemas.common.Category;
import io.supportsla.schemas.common.Region;
import io.supportsla.schemas.common.Severity;
import java.time.Instant;
import java.util.Objects;

/**
 * What the escalation service knows about a case from {@code support.case-events}: enough to
 * fill the case summary of an escalation and to pick its channels and timeout.
 *
 * @param consultant the principal of the consultant who gave the first response; null before
 */
public record CaseFacts(String title, Severity severity, Category category, String customerId, String customerName,
        Region region, Instant openedAt, String consultant) {

    public CaseFacts {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(customerName, "customerName");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(openedAt, "openedAt");
    }

    public CaseFacts reclassified(Severity newSeverity, Category newCategory) {
        return new CaseFacts(title, newSeverity, newCategory, customerId, customerName, region, openedAt, consultant);
    }

    public CaseFacts withConsultant(String newConsultant) {
        return new CaseFacts(title, severity, category, customerId, customerName, region, openedAt, newConsultant);
    }
}
