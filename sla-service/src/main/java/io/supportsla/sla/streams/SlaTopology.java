package io.supportsla.sla.streams;

import io.supportsla.schemas.sla.SlaEvent;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

/**
 * The service's topology, from the case events' raw bytes to the SLA events:
 * <pre>
 * support.case-events (bytes) -> sla-timers processor [sla-cases, sla-due-index]
 *     -> dead letters -> support.case-events.dlq (bytes as received, kafka_dlt-* headers)
 *     -> SLA events   -> returned (the binder writes them to support.sla-events)
 * </pre>
 * Decoding happens inside the processor (not in a deserializer) so that a bad record is
 * dead-lettered inside the same transaction as everything else, and shows up in
 * TopologyTestDriver tests like any other output.
 */
public final class SlaTopology {

    private static final String BRANCH_PREFIX = "sla-output-";
    private static final String DEAD_LETTERS = "dead-letters";
    private static final String EVENTS = "events";

    private final SlaProcessorSupplier processor;
    private final String deadLetterTopic;

    public SlaTopology(SlaProcessorSupplier processor, String deadLetterTopic) {
        this.processor = Objects.requireNonNull(processor, "processor");
        this.deadLetterTopic = Objects.requireNonNull(deadLetterTopic, "deadLetterTopic");
    }

    public KStream<String, SlaEvent> apply(KStream<byte[], byte[]> caseEvents) {
        Map<String, KStream<String, SlaOutput>> outputs = caseEvents
                .process(processor, Named.as("sla-timers"))
                .split(Named.as(BRANCH_PREFIX))
                .branch((key, output) -> output instanceof SlaOutput.DeadLetter, Branched.as(DEAD_LETTERS))
                .defaultBranch(Branched.as(EVENTS));
        outputs.get(BRANCH_PREFIX + DEAD_LETTERS)
                .map((key, output) -> {
                    SlaOutput.DeadLetter letter = (SlaOutput.DeadLetter) output;
                    return KeyValue.pair(letter.key(), letter.value());
                }, Named.as("sla-dead-letter-records"))
                .to(deadLetterTopic, Produced.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("sla-dead-letter-sink"));
        return outputs.get(BRANCH_PREFIX + EVENTS)
                .mapValues(output -> ((SlaOutput.Publish) output).event(), Named.as("sla-events"));
    }
}
