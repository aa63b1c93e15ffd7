package io.supportsla.escalation.streams;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.apache.kafka.streams.processor.api.ProcessingContext;

/**
 * The Kafka Streams wall clock ({@link ProcessingContext#currentSystemTimeMs()}) as a
 * {@link Clock}, so the rules and the punctuator agree on "now" and topology tests can drive it
 * with the test driver's virtual wall clock.
 */
final class ProcessorClock extends Clock {

    private final ProcessingContext context;

    ProcessorClock(ProcessingContext context) {
        this.context = context;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("The processor clock is UTC");
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(context.currentSystemTimeMs());
    }

    @Override
    public long millis() {
        return context.currentSystemTimeMs();
    }
}
