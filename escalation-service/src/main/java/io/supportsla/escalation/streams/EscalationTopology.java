package io.supportsla.escalation.streams;

import io.supportsla.escalation.acknowledgement.AcknowledgementRequest;
import io.supportsla.escalation.directory.EscalationDirectory;
import io.supportsla.escalation.rules.AcknowledgementTimeouts;
import io.supportsla.escalation.rules.EscalationRules;
import io.supportsla.escalation.rules.RespectiveTimeZone;
import io.supportsla.escalation.rules.Trigger;
import io.supportsla.schemas.cases.CaseEvent;
import io.supportsla.schemas.escalation.EscalationEvent;
import io.supportsla.schemas.sla.SlaEvent;
import java.time.Duration;
import java.util.Objects;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;

/**
 * The escalation topology: SLA events, case events and acknowledgement requests, all keyed by
 * case number and co-partitioned, become triggers that one stateful processor turns into
 * escalation events. Used as the body of the Spring Cloud Stream function and, unchanged, by the
 * topology tests.
 * <pre>
 * support.sla-events ----------------------------\
 * support.case-events ----------------------------+-- triggers --&gt; escalation-rules --&gt; support.escalation-events
 * escalation-service.acknowledgement-requests ---/     (stores: escalation-cases, escalation-due-timers;
 *                                                       wall-clock punctuator fires due acknowledgement timers)
 * </pre>
 */
public final class EscalationTopology {

    public static final String RULES_PROCESSOR = "escalation-rules";

    private final EscalationDirectory directory;
    private final AcknowledgementTimeouts timeouts;
    private final RespectiveTimeZone timeZones;
    private final EscalationEvents events;
    private final EscalationMetrics metrics;
    private final Duration timerScanInterval;

    public EscalationTopology(EscalationDirectory directory, AcknowledgementTimeouts timeouts,
            RespectiveTimeZone timeZones, EscalationEvents events, EscalationMetrics metrics, Duration timerScanInterval) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.timeouts = Objects.requireNonNull(timeouts, "timeouts");
        this.timeZones = Objects.requireNonNull(timeZones, "timeZones");
        this.events = Objects.requireNonNull(events, "events");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.timerScanInterval = Objects.requireNonNull(timerScanInterval, "timerScanInterval");
    }

    /** The stores {@link #escalate} needs must have been added to the builder ({@link EscalationStores#all()}). */
    public KStream<String, EscalationEvent> escalate(KStream<String, SlaEvent> slaEvents, KStream<String, CaseEvent> caseEvents,
            KStream<String, AcknowledgementRequest> acknowledgementRequests) {
        KStream<String, Trigger> triggers = slaEvents
                .flatMapValues((key, event) -> Triggers.fromSlaEvent(key, event), Named.as("sla-event-triggers"))
                .merge(caseEvents.flatMapValues((key, event) -> Triggers.fromCaseEvent(key, event), Named.as("case-event-triggers")),
                        Named.as("merge-case-event-triggers"))
                .merge(acknowledgementRequests.flatMapValues(Triggers::fromAcknowledgementRequest,
                        Named.as("acknowledgement-triggers")), Named.as("merge-acknowledgement-triggers"));
        return triggers.process(
                () -> new EscalationProcessor(
                        context -> new EscalationRules(directory, timeouts, timeZones, new ProcessorClock(context)),
                        events, metrics, timerScanInterval),
                Named.as(RULES_PROCESSOR), EscalationStores.CASES, EscalationStores.DUE_TIMERS);
    }
}
