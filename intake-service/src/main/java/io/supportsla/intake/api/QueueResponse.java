package io.supportsla.intake.api;

import io.supportsla.intake.cases.SupportCase;
import io.supportsla.schemas.common.Category;
import io.supportsla.schemas.common.Severity;
import java.time.Instant;
import java.util.List;

/**
 * The caller's open cases in queue order: SEV1, SEV2, SEV3, END_USER_ISSUE, each in order of receipt.
 *
 * @param cases the cases
 */
public record QueueResponse(List<Entry> cases) {

    static QueueResponse of(List<SupportCase> cases) {
        return new QueueResponse(cases.stream().map(Entry::of).toList());
    }

    /**
     * @param caseNumber the case number
     * @param severity current severity
     * @param category current category
     * @param title one-line summary
     * @param customerId the customer
     * @param receivedAt when it was received
     * @param pointOfContact the consultant who responded first, if any
     */
    public record Entry(String caseNumber, Severity severity, Category category, String title, String customerId,
                        Instant receivedAt, String pointOfContact) {

        static Entry of(SupportCase supportCase) {
            return new Entry(supportCase.number().toString(), supportCase.severity(), supportCase.category(),
                    supportCase.opening().title(), supportCase.customerId(), supportCase.opening().receivedAt(),
                    supportCase.pointOfContact() == null ? null : supportCase.pointOfContact().principal());
        }
    }
}
