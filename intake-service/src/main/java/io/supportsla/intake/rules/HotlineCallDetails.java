package io.supportsla.intake.rules;

import io.supportsla.schemas.cases.CallTaker;
import java.time.Instant;

/**
 * A hotline call as it will be recorded, defaults filled in.
 *
 * @param calledAt when the call came in
 * @param takenBy who took it
 * @param takerName the technician's or operator's name
 */
public record HotlineCallDetails(Instant calledAt, CallTaker takenBy, String takerName) {
}
