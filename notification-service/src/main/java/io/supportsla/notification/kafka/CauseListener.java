package io.supportsla.notification.kafka;

import java.time.Duration;
import java.util.Collection;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.ConsumerAwareMessageListener;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;

/**
 * The listener container's view of this service: each record is handed to the {@link CauseProcessor};
 * on being given partitions, the state is read up to what other instances committed first.
 */
public final class CauseListener implements ConsumerAwareMessageListener<byte[], byte[]>, ConsumerAwareRebalanceListener {

    private static final Logger log = LoggerFactory.getLogger(CauseListener.class);

    private final CauseProcessor processor;
    private final NotificationState state;

    public CauseListener(CauseProcessor processor, NotificationState state) {
        this.processor = processor;
        this.state = state;
    }

    @Override
    public void onMessage(ConsumerRecord<byte[], byte[]> record, Consumer<?, ?> consumer) {
        processor.process(record, consumer);
    }

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        long started = System.nanoTime();
        try {
            // Another instance may have handled these partitions until now: see what it recorded.
            state.awaitCaughtUp();
            log.info("Assigned {}; state read up to date in {} ms", partitions,
                    Duration.ofNanos(System.nanoTime() - started).toMillis());
        } catch (IllegalStateException e) {
            log.error("Assigned {} but could not read the state up to date; redelivered causes may be sent again: {}",
                    partitions, e.getMessage());
        }
    }
}
