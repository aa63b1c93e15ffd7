package io.supportsla.console.kafka;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * UP once the view has read everything that was on the four topics when the console started (until
 * then pages would show an incomplete queue); OUT_OF_SERVICE while it is still reading. What keeps
 * it from reading now (the broker or registry away) shows as a detail.
 */
public final class ViewReadinessIndicator implements HealthIndicator {

    private final TopicsReader reader;

    public ViewReadinessIndicator(TopicsReader reader) {
        this.reader = reader;
    }

    @Override
    public Health health() {
        Health.Builder health = reader.isCaughtUp() ? Health.up()
                : Health.outOfService().withDetail("reason", "still reading the topics from the beginning");
        if (reader.problem() != null) {
            health.withDetail("problem", reader.problem());
        }
        return health.withDetail("topics", reader.topics())
                .withDetail("positions", reader.positions())
                .build();
    }
}
