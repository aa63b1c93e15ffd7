package io.supportsla.notification.kafka;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import io.supportsla.notification.delivery.DeliveryOutcome;
import io.supportsla.notification.triggers.CaseFacts;
import io.supportsla.notification.triggers.OpenPage;
import io.supportsla.notification.triggers.PlannedNotification;
import io.supportsla.schemas.Topics;
import io.supportsla.schemas.common.Channel;
import io.supportsla.schemas.notification.PageAction;
import io.supportsla.serde.KafkaAvroSerializer;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.support.SendResult;

/**
 * Records outcomes in one Kafka transaction each: the de-duplication record, the
 * {@code NotificationSent}/{@code NotificationFailed} event, for a failure the cause on its
 * dead-letter topic, and for pages the open-page change. Either all of it is visible to
 * {@code read_committed} readers or none. The cause's offset is committed after this, by the
 * listener container, so a crash in between redelivers a cause whose outcomes are all recorded:
 * nothing is sent or published twice.
 */
public final class OutcomeJournal {

    private final KafkaTemplate<byte[], byte[]> template;
    private final KafkaAvroSerializer outcomeSerializer;
    private final OutcomeEvents outcomeEvents;
    private final NotificationState state;
    private final DeadLetterPublishingRecoverer deadLetters;

    public OutcomeJournal(KafkaTemplate<byte[], byte[]> template, KafkaAvroSerializer outcomeSerializer,
            OutcomeEvents outcomeEvents, NotificationState state, DeadLetterPublishingRecoverer deadLetters) {
        this.template = template;
        this.outcomeSerializer = outcomeSerializer;
        this.outcomeEvents = outcomeEvents;
        this.state = state;
        this.deadLetters = deadLetters;
    }

    /** A committed write to one of the state tables, applied locally once the transaction commits. */
    private record StateWrite<V>(KafkaTable<V> table, String key, V value, CompletableFuture<SendResult<byte[], byte[]>> sent) {
        void apply() throws InterruptedException, ExecutionException {
            RecordMetadata metadata = sent.get().getRecordMetadata();
            table.applyCommitted(key, value, metadata.partition(), metadata.offset());
        }
    }

    public void record(DeliveryOutcome outcome, ConsumerRecord<byte[], byte[]> cause, Consumer<?, ?> consumer) {
        PlannedNotification notification = outcome.notification();
        List<StateWrite<?>> writes = template.executeInTransaction(operations -> {
            List<StateWrite<?>> pending = new ArrayList<>();
            pending.add(write(operations, state.deliveriesTable(), notification.id().value(), deliveryRecord(outcome)));
            byte[] event = outcomeSerializer.serialize(Topics.NOTIFICATION_EVENTS.name(), outcomeEvents.of(outcome));
            CompletableFuture<SendResult<byte[], byte[]>> published = operations.send(new ProducerRecord<>(
                    Topics.NOTIFICATION_EVENTS.name(), utf8(notification.cause().caseNumber()), event));
            if (outcome instanceof DeliveryOutcome.Sent && notification.channel() == Channel.PAGE) {
                String key = NotificationState.openPageKey(notification.cause().caseNumber(), notification.dedupKey(),
                        notification.recipient().pagerRoutingKey());
                if (notification.pageAction() == PageAction.TRIGGER) {
                    pending.add(write(operations, state.openPagesTable(), key, OpenPage.openedBy(notification)));
                } else if (notification.pageAction() == PageAction.RESOLVE) {
                    pending.add(write(operations, state.openPagesTable(), key, null));
                }
            }
            if (outcome instanceof DeliveryOutcome.Failed failed) {
                deadLetters.accept(cause, consumer, listenerFailure(consumer, new NotificationDeliveryFailedException(failed)));
            }
            await(published);
            for (StateWrite<?> write : pending) {
                await(write.sent());
            }
            return pending;
        });
        applyLocally(writes);
    }

    /** Puts a cause that cannot be handled on its dead-letter topic, as received. */
    public void deadLetter(ConsumerRecord<byte[], byte[]> cause, Consumer<?, ?> consumer, Exception reason) {
        template.executeInTransaction(operations -> {
            deadLetters.accept(cause, consumer, listenerFailure(consumer, reason));
            return null;
        });
    }

    /**
     * Wrapped as Spring Kafka's error handlers hand failures to the recoverer, so the dead-letter
     * record carries the same headers: {@code kafka_dlt-exception-fqcn} the wrapper,
     * {@code kafka_dlt-exception-cause-fqcn} the reason, and {@code kafka_dlt-original-consumer-group}.
     */
    private static ListenerExecutionFailedException listenerFailure(Consumer<?, ?> consumer, Exception reason) {
        return new ListenerExecutionFailedException(reason.getMessage(), consumer.groupMetadata().groupId(), reason);
    }

    /** Remembers (or, with null, forgets) a case's facts. */
    public void recordCaseFacts(String caseNumber, CaseFacts facts) {
        List<StateWrite<?>> writes = template.executeInTransaction(operations -> {
            StateWrite<CaseFacts> write = write(operations, state.caseFactsTable(), caseNumber, facts);
            await(write.sent());
            return List.<StateWrite<?>>of(write);
        });
        applyLocally(writes);
    }

    private static <V> StateWrite<V> write(KafkaOperations<byte[], byte[]> operations, KafkaTable<V> table, String key, V value) {
        CompletableFuture<SendResult<byte[], byte[]>> sent =
                operations.send(new ProducerRecord<>(table.topic(), KafkaTable.key(key), table.serialize(value)));
        return new StateWrite<>(table, key, value, sent);
    }

    private static DeliveryRecord deliveryRecord(DeliveryOutcome outcome) {
        PlannedNotification notification = outcome.notification();
        if (outcome instanceof DeliveryOutcome.Sent sent) {
            return new DeliveryRecord(notification.id().value(), notification.cause().caseNumber(),
                    notification.cause().eventId(), notification.channel(), DeliveryRecord.Status.SENT, sent.sentAt(),
                    sent.attempts(), sent.providerMessageId());
        }
        DeliveryOutcome.Failed failed = (DeliveryOutcome.Failed) outcome;
        return new DeliveryRecord(notification.id().value(), notification.cause().caseNumber(), notification.cause().eventId(),
                notification.channel(), DeliveryRecord.Status.FAILED, failed.failedAt(), failed.attempts(), null);
    }

    private static void applyLocally(List<StateWrite<?>> writes) {
        for (StateWrite<?> write : writes) {
            try {
                write.apply();
            } catch (ExecutionException e) {
                throw new IllegalStateException("A committed write reported a failure", e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted applying committed writes", e);
            }
        }
    }

    private static void await(CompletableFuture<SendResult<byte[], byte[]>> sent) {
        try {
            sent.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while writing to Kafka", e);
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
