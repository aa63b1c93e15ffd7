package io.supportsla.intake.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.supportsla.intake.cases.Transport;
import io.supportsla.schemas.common.Severity;
import java.util.Locale;

/**
 * intake's business metrics (Prometheus names in brackets): cases opened by severity and channel
 * ({@code intake_cases_opened_total}), requests refused by reason and channel
 * ({@code intake_refusals_total}), case events published by type
 * ({@code intake_case_events_published_total}) and requests that could not be recorded because
 * Kafka or the registry was unavailable ({@code intake_unavailable_total}).
 */
public final class IntakeMetrics {

    private final MeterRegistry registry;

    public IntakeMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void caseOpened(Severity severity, Transport transport) {
        Counter.builder("intake.cases.opened")
                .description("Cases opened, by severity and by the channel they arrived on")
                .tag("severity", severity.name())
                .tag("channel", channel(transport))
                .register(registry)
                .increment();
    }

    /** @param reason the refusal's code, e.g. PARTNER_SERVED_CUSTOMER, or PAYLOAD_TOO_LARGE */
    public void refused(String reason, Transport transport) {
        Counter.builder("intake.refusals")
                .description("Requests refused, by the rule that refused them and the channel they arrived on")
                .tag("reason", reason)
                .tag("channel", channel(transport))
                .register(registry)
                .increment();
    }

    public void eventPublished(String eventType) {
        Counter.builder("intake.case.events.published")
                .description("Case events acknowledged by the broker, by event type")
                .tag("type", eventType)
                .register(registry)
                .increment();
    }

    public void unavailable(Transport transport) {
        Counter.builder("intake.unavailable")
                .description("Requests not recorded because Kafka or the schema registry was unavailable")
                .tag("channel", channel(transport))
                .register(registry)
                .increment();
    }

    private static String channel(Transport transport) {
        return transport.name().toLowerCase(Locale.ROOT);
    }
}
