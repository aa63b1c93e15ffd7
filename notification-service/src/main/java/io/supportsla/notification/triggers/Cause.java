package io.supportsla.notification.triggers;

import java.time.Instant;
import java.util.Objects;

/**
 * The event a notification answers: its id (half of every notification id), its case and when it
 * happened.
 */
public record Cause(String eventId, String caseNumber, Instant occurredAt) {

    public Cause {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(caseNumber, "caseNumber");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }
}
