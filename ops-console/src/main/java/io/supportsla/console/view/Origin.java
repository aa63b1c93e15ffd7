package io.supportsla.console.view;

import io.supportsla.schemas.Topics;

/** Which topic, and so which service, an event came from. */
public enum Origin {
    CASE(Topics.CASE_EVENTS.name(), "intake"),
    SLA(Topics.SLA_EVENTS.name(), "sla"),
    ESCALATION(Topics.ESCALATION_EVENTS.name(), "escalation"),
    NOTIFICATION(Topics.NOTIFICATION_EVENTS.name(), "notification");

    private final String topic;
    private final String service;

    Origin(String topic, String service) {
        this.topic = topic;
        this.service = service;
    }

    public String topic() {
        return topic;
    }

    /** The service that writes the topic, as a short label. */
    public String service() {
        return service;
    }
}
