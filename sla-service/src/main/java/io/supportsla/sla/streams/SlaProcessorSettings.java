package io.supportsla.sla.streams;

import java.time.Duration;
import java.util.Objects;

/**
 * How the SLA processor runs its timers.
 *
 * @param punctuationInterval how often the wall-clock punctuator looks for due timers
 * @param maxFiredPerPunctuation at most this many cases fire per punctuation (the rest wait for the next), bounding a transaction
 */
public record SlaProcessorSettings(Duration punctuationInterval, int maxFiredPerPunctuation) {

    public SlaProcessorSettings {
        Objects.requireNonNull(punctuationInterval, "punctuationInterval");
        if (punctuationInterval.isNegative() || punctuationInterval.isZero()) {
            throw new IllegalArgumentException("punctuationInterval must be positive: " + punctuationInterval);
        }
        if (maxFiredPerPunctuation < 1) {
            throw new IllegalArgumentException("maxFiredPerPunctuation must be at least 1: " + maxFiredPerPunctuation);
        }
    }

    public static SlaProcessorSettings defaults() {
        return new SlaProcessorSettings(Duration.ofMillis(250), 1_000);
    }
}
