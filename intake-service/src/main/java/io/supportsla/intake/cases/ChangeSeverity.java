package io.supportsla.intake.cases;

import io.supportsla.schemas.common.Category;
import io.supportsla.schemas.common.Severity;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A reclassification by a consultant.
 *
 * @param severity the new severity
 * @param category a new category, when the current one does not allow the new severity
 * @param reason the written reason; required when downgrading a Severity 1 case
 */
public record ChangeSeverity(
        @NotNull Severity severity,
        Category category,
        @Size(max = 5_000) String reason) {
}
