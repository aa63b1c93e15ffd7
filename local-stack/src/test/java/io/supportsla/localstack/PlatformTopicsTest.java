package io.supportsla.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

class PlatformTopicsTest {

    @Test
    void declaresTheFourSupportTopicsAsDocsTopicsMdDoes() {
        assertThat(PlatformTopics.declared()).extracting(NewTopic::name).containsExactly(
                "support.case-events", "support.sla-events", "support.escalation-events", "support.notification-events");
        assertThat(PlatformTopics.declared()).allSatisfy(topic -> {
            assertThat(topic.numPartitions()).isEqualTo(6);
            assertThat(topic.replicationFactor()).as("the broker's default").isEqualTo((short) -1);
        });
        assertThat(PlatformTopics.declared().get(0).configs()).containsEntry("retention.ms", "-1");
        assertThat(PlatformTopics.declared().get(1).configs())
                .containsEntry("retention.ms", Long.toString(Duration.ofDays(400).toMillis()));
    }
}
