package io.supportsla.intake.cases;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A consultant's response to the customer; the first makes the consultant the point of contact.
 *
 * @param message the response text
 */
public record PostResponse(@NotBlank @Size(max = 20_000) String message) {
}
