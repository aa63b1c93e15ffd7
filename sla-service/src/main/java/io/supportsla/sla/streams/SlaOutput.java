package io.supportsla.sla.streams;

import io.supportsla.schemas.sla.SlaEvent;
import java.util.Objects;

/** What the SLA processor emits: an event for {@code support.sla-events}, or a case event for the dead-letter topic. */
public sealed interface SlaOutput {

    /** An SLA event to publish, keyed by case number. */
    record Publish(SlaEvent event) implements SlaOutput {
        public Publish {
            Objects.requireNonNull(event, "event");
        }
    }

    /** A case event that could not be decoded or processed, as received; the reason travels in the record's headers. */
    record DeadLetter(byte[] key, byte[] value) implements SlaOutput {
    }
}
