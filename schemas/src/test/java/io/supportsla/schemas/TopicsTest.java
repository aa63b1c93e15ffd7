package io.supportsla.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TopicsTest {

    @Test
    void subjectsFollowTheTopicNameStrategy() {
        assertThat(Topics.avroTopics()).extracting(Topic::valueSubject).containsExactly(
                "support.case-events-value", "support.sla-events-value",
                "support.escalation-events-value", "support.notification-events-value");
    }

    @Test
    void deadLetterTopicsAreTheTopicNameWithDlq() {
        assertThat(Topics.CASE_EVENTS.deadLetterTopic()).isEqualTo("support.case-events.dlq");
        assertThat(Topics.deadLetterTopic(Topics.PORTAL_CASE_SUBMISSIONS)).isEqualTo("portal.case-submissions.dlq");
    }
}
