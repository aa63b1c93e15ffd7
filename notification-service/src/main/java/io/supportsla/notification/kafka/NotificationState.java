package io.supportsla.notification.kafka;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import io.supportsla.notification.delivery.DeliveredNotifications;
import io.supportsla.notification.delivery.NotificationId;
import io.supportsla.notification.triggers.CaseFacts;
import io.supportsla.notification.triggers.OpenPage;
import org.springframework.context.SmartLifecycle;

/**
 * Everything this service remembers, read from its compacted topics: the de-duplication records,
 * the open pages and the case facts. Started before the listener (and caught up again whenever the
 * listener is given partitions), so a cause is never handled with a stale view.
 */
public final class NotificationState implements DeliveredNotifications, SmartLifecycle {

    /** Before the listener containers (Spring Kafka's default phase is {@code Integer.MAX_VALUE - 100}). */
    static final int PHASE = 0;

    private final KafkaTable<DeliveryRecord> deliveries;
    private final KafkaTable<OpenPage> openPages;
    private final KafkaTable<CaseFacts> caseFacts;
    private final Duration catchUpTimeout;
    private volatile boolean running;

    public NotificationState(KafkaTable<DeliveryRecord> deliveries, KafkaTable<OpenPage> openPages,
            KafkaTable<CaseFacts> caseFacts, Duration catchUpTimeout) {
        this.deliveries = deliveries;
        this.openPages = openPages;
        this.caseFacts = caseFacts;
        this.catchUpTimeout = catchUpTimeout;
    }

    /** The key of an open page: case, dedup key and routing key. */
    public static String openPageKey(String caseNumber, String dedupKey, String routingKey) {
        return caseNumber + "|" + dedupKey + "|" + routingKey;
    }

    @Override
    public boolean alreadySent(NotificationId id) {
        return deliveries.get(id.value()).map(record -> record.status() == DeliveryRecord.Status.SENT).orElse(false);
    }

    public Optional<DeliveryRecord> delivery(NotificationId id) {
        return deliveries.get(id.value());
    }

    /** The case's open pages, oldest dedup key first. */
    public List<OpenPage> openPages(String caseNumber) {
        return openPages.values().stream()
                .filter(page -> page.caseNumber().equals(caseNumber))
                .sorted(Comparator.comparing(OpenPage::dedupKey).thenComparing(OpenPage::routingKey))
                .toList();
    }

    public Optional<CaseFacts> caseFacts(String caseNumber) {
        return caseFacts.get(caseNumber);
    }

    KafkaTable<DeliveryRecord> deliveriesTable() {
        return deliveries;
    }

    KafkaTable<OpenPage> openPagesTable() {
        return openPages;
    }

    KafkaTable<CaseFacts> caseFactsTable() {
        return caseFacts;
    }

    /** Waits until every table has read what other instances committed. */
    public void awaitCaughtUp() {
        deliveries.awaitCaughtUp(catchUpTimeout);
        openPages.awaitCaughtUp(catchUpTimeout);
        caseFacts.awaitCaughtUp(catchUpTimeout);
    }

    @Override
    public void start() {
        deliveries.start(catchUpTimeout);
        openPages.start(catchUpTimeout);
        caseFacts.start(catchUpTimeout);
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        deliveries.stop();
        openPages.stop();
        caseFacts.stop();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
