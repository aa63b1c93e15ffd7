package io.supportsla.intake.kafka;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/** UP once a followed topic has been read to its end since start (part of readiness), DOWN if it cannot be followed. */
public final class FollowerHealthIndicator implements HealthIndicator {

    private final TopicFollower<?, ?> follower;

    public FollowerHealthIndicator(TopicFollower<?, ?> follower) {
        this.follower = follower;
    }

    @Override
    public Health health() {
        Health.Builder health;
        if (follower.failure() != null) {
            health = Health.down().withDetail("error", follower.failure());
        } else {
            health = follower.isCaughtUp() ? Health.up() : Health.outOfService().withDetail("reason", "still reading the topic");
        }
        return health.withDetail("topic", follower.topic())
                .withDetail("positions", follower.positions())
                .withDetail("skippedRecords", follower.skippedRecords())
                .build();
    }
}
