package io.supportsla.intake.portal;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.supportsla.intake.cases.OpenCase;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A case submission the portal publishes on {@code portal.case-submissions} (JSON):
 * <pre>
 * {"submissionId": "7b0e...", "submittedBy": "acme-helpdesk", "case": { ...as the body of POST /cases... }}
 * </pre>
 *
 * @param submissionId the portal's id of the submission: its idempotency key, so a republished submission opens one case
 * @param submittedBy the name of the API key the portal acts for (never the key itself); the
 *     portal's write access to the topic is what authenticates it
 * @param request the case, exactly as {@code POST /cases} takes it
 */
public record PortalSubmission(
        @NotBlank @Size(max = 255) String submissionId,
        @NotBlank @Size(max = 100) String submittedBy,
        @NotNull @Valid @JsonProperty("case") OpenCase request) {
}
