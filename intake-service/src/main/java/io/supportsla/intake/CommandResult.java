package io.supportsla.intake;

import io.supportsla.intake.cases.SupportCase;
import io.supportsla.schemas.cases.CaseEvent;

/**
 * The result of a command on a case.
 *
 * @param event the event published
 * @param after the case with the event applied
 */
public record CommandResult(CaseEvent event, SupportCase after) {
}
