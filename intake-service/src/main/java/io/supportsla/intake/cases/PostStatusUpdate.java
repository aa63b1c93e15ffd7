package io.supportsla.intake.cases;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A status update to the customer, after the first response.
 *
 * @param message the update text
 * @param statusUpdateIntervalMinutes a newly agreed interval for the next updates, if any
 */
public record PostStatusUpdate(
        @NotBlank @Size(max = 20_000) String message,
        @Min(5) @Max(1440) Integer statusUpdateIntervalMinutes) {
}
