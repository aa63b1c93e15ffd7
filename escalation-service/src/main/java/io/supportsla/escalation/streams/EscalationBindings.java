package io.supportsla.escalation.streams;

import io.supportsla.schemas.Topics;
import java.util.List;

/**
 * The Spring Cloud Stream function of the topology, its bindings and the topics they bind to.
 * The analytics topics come from {@link Topics}; the one topic private to this service, the
 * acknowledgement command topic, is declared here.
 */
public final class EscalationBindings {

    /** The function bean's name; bindings are {@code escalations-in-0..2} and {@code escalations-out-0}. */
    public static final String FUNCTION = "escalations";

    /** Checked acknowledgement requests from the HTTP API (JSON, keyed by case number, partitioned like the case topics). */
    public static final String ACKNOWLEDGEMENT_REQUESTS_TOPIC = "escalation-service.acknowledgement-requests";

    public static final String SLA_EVENTS_IN = FUNCTION + "-in-0";
    public static final String CASE_EVENTS_IN = FUNCTION + "-in-1";
    public static final String ACKNOWLEDGEMENT_REQUESTS_IN = FUNCTION + "-in-2";
    public static final String ESCALATION_EVENTS_OUT = FUNCTION + "-out-0";

    private EscalationBindings() {
    }

    /** The topics the topology reads, each of which gets a dead-letter topic. */
    public static List<String> inputTopics() {
        return List.of(Topics.SLA_EVENTS.name(), Topics.CASE_EVENTS.name(), ACKNOWLEDGEMENT_REQUESTS_TOPIC);
    }
}
