package io.supportsla.registry.kafka;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/** UP once the schemas topic was read to its end and while the reader follows it. */
public final class KafkaStoreHealthIndicator implements HealthIndicator {

    private final KafkaSchemaStore store;

    public KafkaStoreHealthIndicator(KafkaSchemaStore store) {
        this.store = store;
    }

    @Override
    public Health health() {
        Health.Builder health = store.isReady() ? Health.up() : Health.down();
        return health.withDetail("topic", store.topic())
                .withDetail("nextOffsetToApply", store.nextOffsetToApply())
                .build();
    }
}
