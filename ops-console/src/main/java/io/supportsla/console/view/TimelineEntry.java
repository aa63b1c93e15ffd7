package io.supportsla.console.view;

import java.time.Instant;

/**
 * One event of a case, from any of the four topics.
 *
 * @param type the event record's name, e.g. {@code SlaBreached}
 * @param summary one line saying what happened
 * @param sequence the order in which this console read it, to order events of the same instant
 */
public record TimelineEntry(Instant occurredAt, long sequence, Origin origin, String type, String summary, String eventId,
        String causationEventId) {
}
