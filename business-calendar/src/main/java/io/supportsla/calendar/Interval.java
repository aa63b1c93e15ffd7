package io.supportsla.calendar;

import java.time.Duration;
import java.time.Instant;

/** A half-open span of time {@code [start, end)}. */
record Interval(Instant start, Instant end) {

    Duration length() {
        return Duration.between(start, end);
    }

    boolean isEmpty() {
        return !end.isAfter(start);
    }

    boolean contains(Instant instant) {
        return !instant.isBefore(start) && instant.isBefore(end);
    }
}
