package io.supportsla.intake.api;

import io.supportsla.intake.cases.SupportCase;
import io.supportsla.schemas.cases.SubmissionChannel;
import io.supportsla.schemas.common.Category;
import io.supportsla.schemas.common.Severity;
import java.time.Instant;

/**
 * The answer to {@code POST /cases}: the case number and how the case was classified. A retry
 * with the same Idempotency-Key gets the same answer.
 *
 * @param caseNumber the new case's number, e.g. C-0000-0042
 * @param severity the case type as classified
 * @param category the category as filed
 * @param customerId the customer it is for
 * @param configurationChange whether it is a configuration change request
 * @param submissionChannel how it reached intake
 * @param receivedAt when intake received it: its place in the queue
 * @param submissionId the Idempotency-Key it was opened with, if any
 */
public record CaseCreatedResponse(
        String caseNumber,
        Severity severity,
        Category category,
        String customerId,
        boolean configurationChange,
        SubmissionChannel submissionChannel,
        Instant receivedAt,
        String submissionId) {

    static CaseCreatedResponse of(SupportCase created) {
        SupportCase.Opening opening = created.opening();
        return new CaseCreatedResponse(created.number().toString(), opening.severity(), opening.category(), opening.customerId(),
                opening.configurationChange(), opening.submissionChannel(), opening.receivedAt(), opening.submissionId());
    }
}
