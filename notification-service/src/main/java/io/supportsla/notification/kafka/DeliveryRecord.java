package io.supportsla.notification.kafka;

import java.time.Instant;

import io.supportsla.schemas.common.Channel;

/**
 * The de-duplication record of one notification, keyed by its id on
 * {@code notification-service.deliveries}: written in the same transaction as the outcome event.
 *
 * @param status SENT blocks sending again; FAILED is kept for the record but a redelivered cause
 *               tries again (an operator re-driving the dead-letter record wants exactly that)
 */
public record DeliveryRecord(String notificationId, String caseNumber, String causeEventId, Channel channel,
        Status status, Instant at, int attempts, String providerMessageId) {

    public enum Status { SENT, FAILED }
}
