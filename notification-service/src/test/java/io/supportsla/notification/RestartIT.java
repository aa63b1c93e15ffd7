package io.supportsla.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.supportsla.notification.testing.Emails;
import io.supportsla.notification.testing.NotificationServiceInstance;
import io.supportsla.notification.testing.NotificationTestEnvironment;
import io.supportsla.schemas.Topics;
import io.supportsla.schemas.common.Channel;
import io.supportsla.schemas.common.RecipientRole;
import io.supportsla.schemas.common.Severity;
import io.supportsla.schemas.escalation.EscalationEvent;
import io.supportsla.testing.kafka.WithKafkaBroker;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/**
 * The de-duplication record lives in Kafka: a cause handed in again after a restart, because its
 * offset was never committed, sends nothing twice.
 */
@WithKafkaBroker
class RestartIT {

    static final Duration WAIT = Duration.ofSeconds(60);
    static final String ESCALATIONS = Topics.ESCALATION_EVENTS.name();

    final NotificationTestEnvironment environment = NotificationTestEnvironment.get();
    final String caseNumber = Events.newCaseNumber();
    final String routingKey = "rk-" + caseNumber.toLowerCase();
    final String contactEmail = "contact-" + caseNumber.toLowerCase() + "@support.example.com";

    @Test
    void restartBetweenDeliveryAndOffsetCommitSendsNothingTwice() throws Exception {
        EscalationEvent escalation = Events.escalationEvent(caseNumber, Events.escalation(caseNumber, Severity.SEV1,
                List.of(Events.recipient("London regional contact", RecipientRole.REGIONAL_CONTACT, contactEmail, routingKey)),
                List.of(Channel.EMAIL, Channel.PAGE)).build());
        RecordMetadata published;
        try (NotificationServiceInstance first = NotificationServiceInstance.start(environment)) {
            published = environment.publish(ESCALATIONS, caseNumber, escalation);
            await().atMost(WAIT).until(() -> environment.published().outcomesOfCause(escalation.getEventId()).size() == 2);
        }
        // As if the first instance had died after recording the outcomes but before committing the offset.
        rewindGroupTo(published);

        try (NotificationServiceInstance second = NotificationServiceInstance.start(environment)) {
            EscalationEvent marker = Events.escalationEvent(caseNumber, Events.escalation(caseNumber, Severity.SEV2,
                    List.of(Events.director()), List.of(Channel.EMAIL)).build());
            environment.publish(ESCALATIONS, caseNumber, marker);

            await().atMost(WAIT).until(() -> environment.published().outcomesOfCause(marker.getEventId()).size() == 1);
            // The second instance did get the escalation again, and recognised both notifications as sent.
            assertThat(second.count("notification.outcomes", "outcome", "duplicate")).isEqualTo(2);
        }
        assertThat(environment.emails(caseNumber)).filteredOn(message -> Emails.sentTo(message, contactEmail)).hasSize(1);
        assertThat(environment.pager().requests(routingKey)).hasSize(1);
        assertThat(environment.published().outcomesOfCause(escalation.getEventId())).hasSize(2);
    }

    private void rewindGroupTo(RecordMetadata published) {
        TopicPartition partition = new TopicPartition(published.topic(), published.partition());
        try (Admin admin = Admin.create(environment.broker().adminProperties())) {
            // The group accepts new offsets once the first instance has left it.
            await().atMost(WAIT).ignoreExceptions().until(() -> {
                admin.alterConsumerGroupOffsets("notification-service", Map.of(partition, new OffsetAndMetadata(published.offset())))
                        .all().get(10, TimeUnit.SECONDS);
                return true;
            });
            await().atMost(WAIT).until(() -> admin.listConsumerGroupOffsets("notification-service")
                    .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS).get(partition).offset() == published.offset());
        }
    }
}
