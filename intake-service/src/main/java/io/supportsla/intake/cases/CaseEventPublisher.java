package io.supportsla.intake.cases;

import io.supportsla.schemas.cases.CaseEvent;

/** Publishes a case event to {@code support.case-events} and returns once the broker has it. */
public interface CaseEventPublisher {

    /**
     * Publishes the event, keyed by its case number, and waits for the broker's acknowledgement
     * from all in-sync replicas.
     *
     * @throws IntakeUnavailableException when the broker or the registry cannot take it; the event is then not published
     */
    void publish(CaseEvent event);
}
