package io.supportsla.escalation.streams;

import java.util.List;
import org.apache.kafka.streams.KafkaStreams;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.cloud.stream.binder.kafka.streams.KafkaStreamsRegistry;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.stereotype.Component;

/**
 * Health of the escalation topology, part of the readiness group: UP only while Kafka Streams is
 * RUNNING (timers fire and state can be queried); OUT_OF_SERVICE while it starts, rebalances or
 * restores; DOWN when it has stopped or failed.
 */
@Component("escalationStreamsHealthIndicator")
public class StreamsHealthIndicator implements HealthIndicator {

    private final KafkaStreamsRegistry registry;

    public StreamsHealthIndicator(KafkaStreamsRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Health health() {
        List<StreamsBuilderFactoryBean> factories = registry.streamsBuilderFactoryBeans();
        if (factories.isEmpty()) {
            return Health.outOfService().withDetail("state", "not built yet").build();
        }
        Health.Builder health = Health.up();
        for (StreamsBuilderFactoryBean factory : factories) {
            KafkaStreams streams = factory.getKafkaStreams();
            KafkaStreams.State state = streams == null ? null : streams.state();
            String applicationId = String.valueOf(factory.getStreamsConfiguration() == null ? null
                    : factory.getStreamsConfiguration().get("application.id"));
            health.withDetail(applicationId, state == null ? "not started" : state.name());
            Status status = statusOf(state);
            if (!Status.UP.equals(status)) {
                health.status(status);
            }
        }
        return health.build();
    }

    private static Status statusOf(KafkaStreams.State state) {
        if (state == null) {
            return Status.OUT_OF_SERVICE;
        }
        return switch (state) {
            case RUNNING -> Status.UP;
            case CREATED, REBALANCING -> Status.OUT_OF_SERVICE;
            default -> Status.DOWN;
        };
    }
}
