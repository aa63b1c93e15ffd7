package io.supportsla.notification.kafka;

/**
 * The compacted topics this service keeps its state in; it is their only writer. Values are JSON.
 *
 * <ul>
 *   <li>{@link #DELIVERIES}: notification id to {@link DeliveryRecord}; compacted, and deleted after the
 *       configured retention (a cause redelivered later than that would be sent again)</li>
 *   <li>{@link #OPEN_PAGES}: {@code case|dedup key|routing key} to the page a case resolution resolves;
 *       deleted (tombstone) when the resolve is sent</li>
 *   <li>{@link #CASE_FACTS}: case number to the case facts; deleted when the case is resolved</li>
 * </ul>
 */
public final class StateTopics {

    public static final String DELIVERIES = "notification-service.deliveries";
    public static final String OPEN_PAGES = "notification-service.open-pages";
    public static final String CASE_FACTS = "notification-service.case-facts";

    private StateTopics() {
    }
}
