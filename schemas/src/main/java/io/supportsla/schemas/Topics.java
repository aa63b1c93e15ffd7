package io.supportsla.schemas;

import java.util.List;

import io.supportsla.schemas.cases.CaseEvent;
import io.supportsla.schemas.escalation.EscalationEvent;
import io.supportsla.schemas.notification.NotificationEvent;
import io.supportsla.schemas.sla.SlaEvent;

/**
 * Every topic of the platform, declared once (SPEC section 4). Each Avro topic has one writer
 * service and one envelope type whose payload is a union of that topic's event records.
 */
public final class Topics {

    /** Case facts; written by intake-service. */
    public static final Topic<CaseEvent> CASE_EVENTS =
            new Topic<>("support.case-events", CaseEvent.class, CaseEvent.getClassSchema());

    /** Targets, warnings, breaches, met targets, status-update reminders; written by sla-service. */
    public static final Topic<SlaEvent> SLA_EVENTS =
            new Topic<>("support.sla-events", SlaEvent.class, SlaEvent.getClassSchema());

    /** Escalations raised, acknowledged and timed out; written by escalation-service. */
    public static final Topic<EscalationEvent> ESCALATION_EVENTS =
            new Topic<>("support.escalation-events", EscalationEvent.class, EscalationEvent.getClassSchema());

    /** Outcome of every email and page; written by notification-service. */
    public static final Topic<NotificationEvent> NOTIFICATION_EVENTS =
            new Topic<>("support.notification-events", NotificationEvent.class, NotificationEvent.getClassSchema());

    /** JSON case submissions published by the customer portal; read by intake-service. */
    public static final String PORTAL_CASE_SUBMISSIONS = "portal.case-submissions";

    /** Portal submissions intake refused, with the reasons; written by intake-service. */
    public static final String PORTAL_CASE_SUBMISSIONS_REJECTED = "portal.case-submissions.rejected";

    private Topics() {
    }

    /** The Avro topics, in the order of the event flow. */
    public static List<Topic<?>> avroTopics() {
        return List.of(CASE_EVENTS, SLA_EVENTS, ESCALATION_EVENTS, NOTIFICATION_EVENTS);
    }

    /** The dead-letter topic of a topic: {@code <topic>.dlq}. */
    public static String deadLetterTopic(String topic) {
        return topic + ".dlq";
    }
}
