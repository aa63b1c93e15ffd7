package io.supportsla.intake.cases;

import io.supportsla.schemas.common.Category;
import io.supportsla.schemas.common.Severity;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A request to open a case: the body of {@code POST /cases} and the {@code case} of a portal
 * submission.
 *
 * @param customerId the customer the case is for (the caller's own organisation, or a customer its partner organisation serves)
 * @param category what the case is about; it decides the severities allowed
 * @param severity the case type: SEV1, SEV2, SEV3 or END_USER_ISSUE
 * @param title one-line summary
 * @param description the problem in writing
 * @param configurationChange whether this is a configuration change request (default false; some categories always are)
 * @param channel how the requester made the request: PORTAL (default) or EMAIL; PHONE is refused
 * @param statusUpdateIntervalMinutes an agreed interval between status updates for this case, overriding the customer's
 */
public record OpenCase(
        @NotBlank @Size(max = 100) String customerId,
        @NotNull Category category,
        @NotNull Severity severity,
        @NotBlank @Size(max = 200) String title,
        @NotBlank @Size(max = 20_000) String description,
        Boolean configurationChange,
        RequestChannel channel,
        @Min(5) @Max(1440) Integer statusUpdateIntervalMinutes) {

    public OpenCase {
        configurationChange = configurationChange != null && configurationChange;
        channel = channel == null ? RequestChannel.PORTAL : channel;
    }
}
