package io.supportsla.intake.cases;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A disagreement on the action plan, escalated with its written documentation (SPEC 3.4).
 * Completeness is a rule of its own: anything missing is refused with the list of what is missing.
 *
 * @param documentation the written documentation
 * @param previousDisagreementId the earlier, still open disagreement this raises again (to the next level)
 */
public record RaiseDisagreement(
        @Valid Documentation documentation,
        @Size(max = 100) String previousDisagreementId) {

    /**
     * @param caseNumbers the original case number(s)
     * @param issueDescription the issue
     * @param progressToDate what has been done so far
     * @param customerImpact the impact on the customer
     * @param reason the reason for the escalation: what the parties disagree on
     */
    public record Documentation(
            @Size(max = 20) List<@Size(max = 20) String> caseNumbers,
            @Size(max = 20_000) String issueDescription,
            @Size(max = 20_000) String progressToDate,
            @Size(max = 20_000) String customerImpact,
            @Size(max = 20_000) String reason) {
    }
}
