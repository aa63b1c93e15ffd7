package io.supportsla.intake.idempotency;

import java.time.Duration;

/**
 * Another request with the same idempotency key is being carried out (here or on another
 * instance) and has not finished: retry after {@link #retryAfter()}. Over HTTP a 409 with
 * {@code Retry-After}, as the IETF Idempotency-Key draft suggests.
 */
public final class IdempotentRequestInProgressException extends RuntimeException {

    private final Duration retryAfter;

    public IdempotentRequestInProgressException(Duration retryAfter) {
        super("A request with this idempotency key is still being processed; retry in " + retryAfter.toSeconds() + "s");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
