package io.supportsla.sla.streams;

import io.supportsla.schemas.cases.CaseEvent;
import io.supportsla.sla.targets.CaseFact;
import io.supportsla.sla.targets.CaseSla;
import io.supportsla.sla.targets.Decision;
import io.supportsla.sla.targets.Emission;
import io.supportsla.sla.targets.SlaRules;
import io.supportsla.sla.timers.CaseTimers;
import io.supportsla.sla.timers.DueIndexKey;
import io.supportsla.sla.timers.TimerMetrics;
import io.supportsla.sla.timers.TimerStores;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.Cancellable;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Kafka Streams adapter of the SLA rules, one instance per task. For each case event it
 * decodes, translates, asks {@link SlaRules} and stores the new state with the outcomes; a
 * wall-clock punctuator ({@code context.currentSystemTimeMs()} is "now", so TopologyTestDriver's
 * virtual clock drives it) range-scans the due-time index for what is due and fires it the same
 * way. Under {@code exactly_once_v2} the store writes (and their changelog records), the published
 * events and the input offsets commit in one transaction: a timer fires exactly once however the
 * task is stopped, crashed or moved. Records that cannot be read or processed go to the dead-letter
 * topic, also inside the transaction.
 */
final class SlaProcessor implements Processor<byte[], byte[], String, SlaOutput> {

    private static final Logger log = LoggerFactory.getLogger(SlaProcessor.class);
    /** A case whose timers fail to fire is retried after this long rather than on every punctuation. */
    static final Duration FIRING_RETRY_DELAY = Duration.ofMinutes(1);

    private final SlaRules rules;
    private final CaseEventDecoder decoder;
    private final CaseEventTranslator caseEvents = new CaseEventTranslator();
    private final SlaEventTranslator slaEvents = new SlaEventTranslator();
    private final SlaProcessorSettings settings;
    private final TimerMetrics metrics;

    private ProcessorContext<String, SlaOutput> context;
    private CaseTimers timers;
    private String taskId;
    private Cancellable punctuation;

    SlaProcessor(SlaRules rules, CaseEventDecoder decoder, SlaProcessorSettings settings, TimerMetrics metrics) {
        this.rules = rules;
        this.decoder = decoder;
        this.settings = settings;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, SlaOutput> context) {
        this.context = context;
        this.timers = new CaseTimers(context.getStateStore(TimerStores.CASES), context.getStateStore(TimerStores.DUE_INDEX));
        this.taskId = context.taskId().toString();
        // init runs after the task's stores are restored, so the count is of the committed state.
        metrics.taskStarted(taskId, timers.countPendingByKind());
        this.punctuation = context.schedule(settings.punctuationInterval(), PunctuationType.WALL_CLOCK_TIME, this::fireDueTimers);
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        String caseNumber;
        CaseEvent event;
        Optional<CaseFact> fact;
        try {
            caseNumber = decoder.decodeKey(record.key());
            event = decoder.decodeValue(topic(), record.value());
            fact = caseEvents.toFact(caseNumber, event);
        } catch (UndecodableCaseEventException e) {
            deadLetter(record, e);
            return;
        }
        if (fact.isEmpty()) {
            return;
        }
        Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
        CaseSla before = timers.find(caseNumber);
        Decision decision;
        try {
            decision = rules.apply(before, fact.get(), now);
        } catch (RuntimeException e) {
            log.error("Case event {} of case {} could not be applied; sending it to the dead-letter topic", event.getEventId(),
                    caseNumber, e);
            deadLetter(record, e);
            return;
        }
        commit(caseNumber, before, true, decision, event.getEventId(), event.getOccurredAt(), record.timestamp(), now);
    }

    /** The punctuator: fires everything due at {@code nowMs}, earliest first, up to the configured batch size. */
    void fireDueTimers(long nowMs) {
        Instant now = Instant.ofEpochMilli(nowMs);
        for (DueIndexKey entry : timers.due(now, settings.maxFiredPerPunctuation())) {
            timers.unindex(entry);
            CaseSla state = timers.find(entry.caseNumber());
            if (state == null) {
                continue;
            }
            Decision decision;
            try {
                decision = rules.fireDue(state, now);
            } catch (RuntimeException e) {
                log.error("Timers of case {} due at {} failed to fire; retrying in {}", entry.caseNumber(), entry.dueAt(),
                        FIRING_RETRY_DELAY, e);
                timers.index(new DueIndexKey(now.plus(FIRING_RETRY_DELAY), entry.caseNumber()));
                continue;
            }
            if (decision.change() == Decision.Change.UNCHANGED) {
                // A stale entry: nothing of the case is due yet; file it under its real next due instant.
                timers.save(null, state);
                continue;
            }
            commit(entry.caseNumber(), state, false, decision, null, now, nowMs, now);
        }
    }

    /**
     * Stores the decision's state and forwards its outcomes, in that order, in the task's transaction.
     *
     * @param before the stored state before the decision (null for a new case)
     * @param indexed whether {@code before}'s index entry is still in the index (and must move)
     */
    private void commit(String caseNumber, CaseSla before, boolean indexed, Decision decision, String causationEventId,
            Instant occurredAt, long timestamp, Instant now) {
        switch (decision.change()) {
            case UNCHANGED -> {
                return;
            }
            case UPDATED -> timers.save(indexed ? before : null, decision.state());
            case DELETED -> timers.delete(caseNumber, indexed ? before : null);
        }
        metrics.stateChanged(taskId, before, decision.state());
        Map<String, Integer> positions = new HashMap<>();
        for (Emission emission : decision.emissions()) {
            // Ids derive from the cause and the position among the outcomes of the same cause.
            String cause = emission.isFiredByTimer() ? emission.firedTimer() + "@" + emission.scheduledFor() : "event";
            int position = positions.merge(cause, 1, Integer::sum) - 1;
            context.forward(new Record<>(caseNumber,
                    new SlaOutput.Publish(slaEvents.toEvent(caseNumber, emission, causationEventId, occurredAt, position)),
                    timestamp, new RecordHeaders()));
            if (emission.isFiredByTimer() && position == 0) {
                metrics.fired(emission.firedTimer(), Duration.between(emission.scheduledFor(), now));
            }
        }
    }

    private void deadLetter(Record<byte[], byte[]> record, Exception failure) {
        Optional<RecordMetadata> source = context.recordMetadata();
        log.warn("Dead-lettering a record of {} (partition {}, offset {}): {}", topic(),
                source.map(RecordMetadata::partition).orElse(-1), source.map(RecordMetadata::offset).orElse(-1L),
                failure.getMessage());
        metrics.deadLettered();
        context.forward(new Record<>(null, (SlaOutput) new SlaOutput.DeadLetter(record.key(), record.value()),
                record.timestamp(),
                DeadLetterHeaders.of(record.headers(), source.orElse(null), record.timestamp(), context.applicationId(), failure)));
    }

    private String topic() {
        return context.recordMetadata().map(RecordMetadata::topic).orElse("");
    }

    @Override
    public void close() {
        if (punctuation != null) {
            punctuation.cancel();
        }
        metrics.taskClosed(taskId);
    }
}
