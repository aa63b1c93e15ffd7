package io.supportsla.escalation.rules;

import java.util.List;

/**
 * The written documentation of a disagreement (SPEC 3.4): the original case number(s), the issue,
 * progress to date, the impact on the customer and the reason. Intake has already refused any
 * disagreement with a part missing.
 */
public record Documentation(List<String> caseNumbers, String issueDescription, String progressToDate,
        String customerImpact, String reason) {

    public Documentation {
        caseNumbers = caseNumbers == null ? List.of() : List.copyOf(caseNumbers);
    }
}
