package io.supportsla.intake.cases;

import io.supportsla.schemas.cases.CallTaker;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * A hotline call about an existing case, logged by support staff.
 *
 * @param calledAt when the call came in (default: now); not in the future
 * @param takenBy TECHNICIAN or ANSWERING_SERVICE (default: the answering service for its own keys, else a technician)
 * @param takerName who took it (default: the logging key's name)
 * @param callerName who called, as they introduced themselves
 * @param message the message taken
 */
public record LogHotlineCall(
        Instant calledAt,
        CallTaker takenBy,
        @Size(max = 200) String takerName,
        @Size(max = 200) String callerName,
        @Size(max = 5_000) String message) {
}
