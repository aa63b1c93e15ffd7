package io.supportsla.escalation.streams;

import io.supportsla.escalation.rules.CaseEscalations;
import io.supportsla.escalation.rules.EscalationFact;
import io.supportsla.escalation.rules.EscalationRules;
import io.supportsla.escalation.rules.Outcome;
import io.supportsla.escalation.rules.Trigger;
import io.supportsla.escalation.timers.DueTimer;
import io.supportsla.escalation.timers.DueTimerIndex;
import io.supportsla.schemas.escalation.EscalationEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the escalation rules to each case's triggers and fires acknowledgement timers. Per
 * trigger: read the case's state, decide, store the new state, bring the due-time index in line
 * with the new deadlines, and forward one event per fact. A wall-clock punctuator reads only the
 * due entries of the index ({@code context.currentSystemTimeMs()} is "now") and feeds each as an
 * {@link Trigger.AcknowledgementDue}. Under exactly_once_v2 the state, the index and the events
 * commit together.
 */
final class EscalationProcessor implements Processor<String, Trigger, String, EscalationEvent> {

    private static final Logger log = LoggerFactory.getLogger(EscalationProcessor.class);

    /** Timers fired per punctuation at most; the rest follow in the next one. */
    static final int TIMERS_PER_SCAN = 1_000;

    private final Function<ProcessorContext<?, ?>, EscalationRules> rulesFactory;
    private final EscalationEvents events;
    private final EscalationMetrics metrics;
    private final Duration scanInterval;

    private ProcessorContext<String, EscalationEvent> context;
    private KeyValueStore<String, CaseEscalations> cases;
    private DueTimerIndex timers;
    private EscalationRules rules;

    EscalationProcessor(Function<ProcessorContext<?, ?>, EscalationRules> rulesFactory, EscalationEvents events,
            EscalationMetrics metrics, Duration scanInterval) {
        this.rulesFactory = rulesFactory;
        this.events = events;
        this.metrics = metrics;
        this.scanInterval = scanInterval;
    }

    @Override
    public void init(ProcessorContext<String, EscalationEvent> context) {
        this.context = context;
        this.cases = context.getStateStore(EscalationStores.CASES);
        this.timers = new DueTimerIndex(context.getStateStore(EscalationStores.DUE_TIMERS));
        this.rules = rulesFactory.apply(context);
        context.schedule(scanInterval, PunctuationType.WALL_CLOCK_TIME, this::fireDueTimers);
    }

    @Override
    public void process(Record<String, Trigger> record) {
        if (record.key() == null || record.key().isBlank()) {
            throw new IllegalArgumentException("A record without a case number as key cannot be escalated: " + record.value());
        }
        handle(record.key(), record.value());
    }

    private void handle(String caseNumber, Trigger trigger) {
        CaseEscalations before = cases.get(caseNumber);
        if (before == null) {
            before = CaseEscalations.empty(caseNumber);
        }
        Outcome outcome = rules.apply(before, trigger);
        if (outcome.ignoredBecause().isPresent()) {
            log.debug("Case {}: {} changed nothing ({})", caseNumber, trigger, outcome.ignored());
            metrics.ignored(outcome.ignored());
            return;
        }
        CaseEscalations after = outcome.state();
        cases.put(caseNumber, after);
        timers.reschedule(caseNumber, before.acknowledgementDeadlines(), after.acknowledgementDeadlines());
        Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
        for (EscalationFact fact : outcome.facts()) {
            EscalationEvent event = events.toEvent(caseNumber, after.facts(), fact, now);
            context.forward(new Record<>(caseNumber, event, now.toEpochMilli()));
            metrics.decided(fact);
            log.info("Case {}: {} {} (level {}, {})", caseNumber, fact.getClass().getSimpleName(), fact.escalationId(),
                    fact.escalation().level(), fact.escalation().stage());
        }
    }

    private void fireDueTimers(long punctuationTime) {
        List<DueTimer> due = timers.dueAt(Instant.ofEpochMilli(context.currentSystemTimeMs()), TIMERS_PER_SCAN);
        for (DueTimer timer : due) {
            boolean failed = false;
            try {
                handle(timer.caseNumber(), new Trigger.AcknowledgementDue(timer.escalationId()));
            } catch (RuntimeException e) {
                // One broken timer must not stop the others from firing, nor fire again every scan.
                log.error("Case {}: the acknowledgement timer of {} failed and is dropped", timer.caseNumber(),
                        timer.escalationId(), e);
                failed = true;
            }
            if (failed || !stillWanted(timer)) {
                timers.cancel(timer);
            }
        }
    }

    /** Whether the case still waits for an acknowledgement at exactly this timer's deadline. */
    private boolean stillWanted(DueTimer timer) {
        CaseEscalations state = cases.get(timer.caseNumber());
        return state != null && timer.due().equals(state.acknowledgementDeadlines().get(timer.escalationId()));
    }
}
