package io.supportsla.intake;

import io.supportsla.intake.cases.SupportCase;

/**
 * The result of opening a case.
 *
 * @param supportCase the case as created
 * @param replayed true when an earlier request with the same idempotency key created it
 */
public record CaseCreation(SupportCase supportCase, boolean replayed) {
}
