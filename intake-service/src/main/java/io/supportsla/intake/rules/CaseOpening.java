package io.supportsla.intake.rules;

import io.supportsla.intake.customers.CustomerProfile;
import io.supportsla.schemas.cases.SubmissionChannel;

/**
 * What the rules decided about a case to open.
 *
 * @param customer the customer it is for
 * @param configurationChange whether it is a configuration change request (said so, or by its category)
 * @param statusUpdateIntervalMinutes the agreed interval between status updates
 * @param submissionChannel how it reached intake, as recorded on the event
 */
public record CaseOpening(CustomerProfile customer, boolean configurationChange, int statusUpdateIntervalMinutes,
                          SubmissionChannel submissionChannel) {
}
