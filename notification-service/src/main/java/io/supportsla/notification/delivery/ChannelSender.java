package io.supportsla.notification.delivery;

import io.supportsla.notification.triggers.PlannedNotification;
import io.supportsla.schemas.common.Channel;

/** Makes one delivery attempt of a notification on one channel. */
public interface ChannelSender {

    Channel channel();

    /**
     * One attempt; no retries here.
     *
     * @throws DeliveryException classified as transient or permanent
     */
    Receipt send(PlannedNotification notification) throws DeliveryException;
}
