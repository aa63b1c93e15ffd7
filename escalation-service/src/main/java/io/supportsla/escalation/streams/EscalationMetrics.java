package io.supportsla.escalation.streams;

import io.micrometer.core.instrument.MeterRegistry;
import io.supportsla.escalation.rules.EscalationFact;
import io.supportsla.escalation.rules.Ignored;
import java.util.Objects;

/**
 * The service's own metrics (Prometheus names in brackets): escalations raised by level and reason
 * ({@code supportsla_escalations_raised_total}), acknowledgement timeouts by level
 * ({@code supportsla_escalations_timed_out_total}), acknowledgements by channel
 * ({@code supportsla_escalations_acknowledged_total}) and inputs that changed nothing, by why
 * ({@code supportsla_escalation_inputs_ignored_total}). Counted when decided; a task retried after
 * a crash may count a decision twice, the events themselves are exactly once.
 */
public final class EscalationMetrics {

    private final MeterRegistry registry;

    public EscalationMetrics(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    void decided(EscalationFact fact) {
        if (fact instanceof EscalationFact.Raised raised) {
            registry.counter("supportsla.escalations.raised",
                    "level", Integer.toString(raised.escalation().level()), "reason", raised.reason().name()).increment();
        } else if (fact instanceof EscalationFact.TimedOut timedOut) {
            registry.counter("supportsla.escalations.timed.out",
                    "level", Integer.toString(timedOut.escalation().level())).increment();
        } else if (fact instanceof EscalationFact.Acknowledged acknowledged) {
            registry.counter("supportsla.escalations.acknowledged",
                    "via", acknowledged.acknowledgement().via().name()).increment();
        }
    }

    void ignored(Ignored why) {
        registry.counter("supportsla.escalation.inputs.ignored", "reason", why.name()).increment();
    }
}
