package io.supportsla.sla.health;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.WeakHashMap;
import org.apache.kafka.streams.KafkaStreams;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.cloud.stream.binder.kafka.streams.KafkaStreamsRegistry;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.stereotype.Component;

/**
 * Health of the SLA topology, for the readiness group: UP when every Kafka Streams client is
 * RUNNING (or REBALANCING after it has run: a routine rebalance must not take every instance out of
 * service at once), OUT_OF_SERVICE while it starts, DOWN once it is shutting down or failed.
 */
@Component("slaStreams")
public class KafkaStreamsStateHealthIndicator implements HealthIndicator {

    private final KafkaStreamsRegistry registry;
    private final Set<KafkaStreams> seenRunning = Collections.newSetFromMap(new WeakHashMap<>());

    public KafkaStreamsStateHealthIndicator(KafkaStreamsRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Health health() {
        List<StreamsBuilderFactoryBean> factories = registry.streamsBuilderFactoryBeans();
        if (factories.isEmpty()) {
            return Health.outOfService().withDetail("reason", "no Kafka Streams client yet").build();
        }
        Map<String, String> states = new TreeMap<>();
        boolean down = false;
        boolean starting = false;
        for (StreamsBuilderFactoryBean factory : factories) {
            KafkaStreams streams = factory.getKafkaStreams();
            String id = String.valueOf(factory.getStreamsConfiguration().getProperty("application.id"));
            if (streams == null) {
                states.put(id, "NOT_STARTED");
                starting = true;
                continue;
            }
            KafkaStreams.State state = streams.state();
            states.put(id, state.name());
            synchronized (seenRunning) {
                if (state == KafkaStreams.State.RUNNING) {
                    seenRunning.add(streams);
                }
                switch (state) {
                    case RUNNING -> { }
                    case REBALANCING -> starting |= !seenRunning.contains(streams);
                    case CREATED -> starting = true;
                    default -> down = true;
                }
            }
        }
        Health.Builder health = down ? Health.down() : starting ? Health.outOfService() : Health.up();
        return health.withDetail("states", states).build();
    }
}
