package io.supportsla.intake.cases;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The resolution of a case.
 *
 * @param resolution how it was resolved
 */
public record ResolveCase(@NotBlank @Size(max = 20_000) String resolution) {
}
