package io.supportsla.sla.streams;

import io.supportsla.sla.targets.SlaRules;
import io.supportsla.sla.timers.TimerMetrics;
import io.supportsla.sla.timers.TimerStores;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.state.StoreBuilder;

/**
 * Creates one {@link SlaProcessor} per task, each with a decoder of its own (tasks may run on
 * several stream threads), and declares the two timer stores they use.
 */
public final class SlaProcessorSupplier implements ProcessorSupplier<byte[], byte[], String, SlaOutput> {

    private final SlaRules rules;
    private final Supplier<CaseEventDecoder> decoders;
    private final SlaProcessorSettings settings;
    private final TimerMetrics metrics;

    public SlaProcessorSupplier(SlaRules rules, Supplier<CaseEventDecoder> decoders, SlaProcessorSettings settings,
            TimerMetrics metrics) {
        this.rules = Objects.requireNonNull(rules, "rules");
        this.decoders = Objects.requireNonNull(decoders, "decoders");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    @Override
    public Processor<byte[], byte[], String, SlaOutput> get() {
        return new SlaProcessor(rules, decoders.get(), settings, metrics);
    }

    @Override
    public Set<StoreBuilder<?>> stores() {
        return Set.of(TimerStores.cases(), TimerStores.dueIndex());
    }
}
