package io.supportsla.notification.delivery;

/**
 * What the server answered when it accepted a notification.
 *
 * @param providerMessageId the email's Message-ID, or the dedup key the pager gateway answered with
 */
public record Receipt(String providerMessageId) {
}
