package io.supportsla.sla.targets;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Timers work in whole milliseconds, like the Avro timestamps they end up in. */
final class Instants {

    private Instants() {
    }

    /** Rounds up to the next whole millisecond, so that a timer never fires before its instant. */
    static Instant ceilToMillis(Instant instant) {
        Instant truncated = instant.truncatedTo(ChronoUnit.MILLIS);
        return truncated.equals(instant) ? instant : truncated.plusMillis(1);
    }

    static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
