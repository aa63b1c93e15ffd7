package io.supportsla.notification.kafka;

import java.util.List;
import java.util.Optional;

import io.supportsla.notification.delivery.NotificationDispatcher;
import io.supportsla.notification.triggers.CaseFacts;
import io.supportsla.notification.triggers.PlannedNotification;
import io.supportsla.notification.triggers.Triggers;
import io.supportsla.schemas.cases.CaseEvent;
import io.supportsla.schemas.escalation.EscalationEvent;
import io.supportsla.schemas.sla.SlaEvent;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles one record of {@code support.case-events}, {@code support.sla-events} or
 * {@code support.escalation-events}: reads it, asks the triggers what it causes, delivers each
 * notification and records its outcome, then updates the case facts. Returns when everything is
 * recorded; the container commits the offset after that. A record that cannot be read, or that
 * the triggers cannot handle, goes to its dead-letter topic and is not retried; a failure to write
 * to Kafka is thrown, and the container hands the record in again.
 */
public final class CauseProcessor {

    private static final Logger log = LoggerFactory.getLogger(CauseProcessor.class);

    private final CauseDecoder decoder;
    private final Triggers triggers;
    private final NotificationState state;
    private final NotificationDispatcher dispatcher;
    private final OutcomeJournal journal;

    public CauseProcessor(CauseDecoder decoder, Triggers triggers, NotificationState state, NotificationDispatcher dispatcher,
            OutcomeJournal journal) {
        this.decoder = decoder;
        this.triggers = triggers;
        this.state = state;
        this.dispatcher = dispatcher;
        this.journal = journal;
    }

    public void process(ConsumerRecord<byte[], byte[]> record, Consumer<?, ?> consumer) {
        Object event;
        try {
            event = decoder.decode(record);
        } catch (CauseDecoder.UndecodableCauseException undecodable) {
            log.error("Dead-lettering {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), undecodable.getMessage());
            journal.deadLetter(record, consumer, undecodable);
            return;
        }
        if (event == null) {
            return;
        }
        Plan plan;
        try {
            plan = plan(event);
        } catch (RuntimeException bug) {
            log.error("Dead-lettering {}-{}@{}: the triggers failed on it", record.topic(), record.partition(), record.offset(), bug);
            journal.deadLetter(record, consumer, bug);
            return;
        }
        for (PlannedNotification notification : plan.notifications()) {
            dispatcher.dispatch(notification, outcome -> journal.record(outcome, record, consumer));
        }
        if (plan.factsChange()) {
            journal.recordCaseFacts(plan.caseNumber(), plan.factsAfter().orElse(null));
        }
    }

    /** What a cause leads to: notifications, and for case events the facts afterwards. */
    private record Plan(String caseNumber, List<PlannedNotification> notifications, boolean factsChange,
            Optional<CaseFacts> factsAfter) {
    }

    private Plan plan(Object event) {
        if (event instanceof CaseEvent caseEvent) {
            String caseNumber = caseEvent.getCaseNumber();
            Optional<CaseFacts> before = state.caseFacts(caseNumber);
            List<PlannedNotification> notifications = triggers.onCaseEvent(caseEvent, before, state.openPages(caseNumber));
            Optional<CaseFacts> after = CaseFacts.after(before, caseEvent);
            return new Plan(caseNumber, notifications, !after.equals(before), after);
        }
        if (event instanceof SlaEvent slaEvent) {
            String caseNumber = slaEvent.getCaseNumber();
            return new Plan(caseNumber, triggers.onSlaEvent(slaEvent, state.caseFacts(caseNumber)), false, Optional.empty());
        }
        EscalationEvent escalationEvent = (EscalationEvent) event;
        String caseNumber = escalationEvent.getCaseNumber();
        return new Plan(caseNumber, triggers.onEscalationEvent(escalationEvent, state.caseFacts(caseNumber),
                state.openPages(caseNumber)), false, Optional.empty());
    }
}
