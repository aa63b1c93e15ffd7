package io.supportsla.intake.idempotency;

/**
 * An idempotency key within the organisation that sent it: keys of different organisations never
 * meet, and the same key over HTTP and on the portal topic is the same request.
 */
public record ScopedKey(String organisation, String key) {
}
