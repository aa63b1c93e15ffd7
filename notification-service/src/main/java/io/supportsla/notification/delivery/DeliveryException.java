package io.supportsla.notification.delivery;

import java.time.Duration;
import java.util.Optional;

/**
 * A delivery attempt failed. {@link #isTransient() Transient} failures (SMTP 4xx and connection
 * errors, HTTP 5xx, 408 and 429, timeouts) are retried; permanent ones (SMTP 5xx, other HTTP 4xx,
 * a message that cannot be built) are not.
 */
public final class DeliveryException extends Exception {

    private final boolean transientFailure;
    private final Integer statusCode;
    private final Duration retryAfter;

    private DeliveryException(String message, Throwable cause, boolean transientFailure, Integer statusCode, Duration retryAfter) {
        super(message, cause);
        this.transientFailure = transientFailure;
        this.statusCode = statusCode;
        this.retryAfter = retryAfter;
    }

    /** A failure worth retrying; {@code retryAfter} is the server's minimum wait, if it named one. */
    public static DeliveryException transientFailure(String message, Integer statusCode, Duration retryAfter, Throwable cause) {
        return new DeliveryException(message, cause, true, statusCode, retryAfter);
    }

    public static DeliveryException transientFailure(String message, Integer statusCode, Throwable cause) {
        return transientFailure(message, statusCode, null, cause);
    }

    /** A refusal that the same request will meet again. */
    public static DeliveryException permanentFailure(String message, Integer statusCode, Throwable cause) {
        return new DeliveryException(message, cause, false, statusCode, null);
    }

    public boolean isTransient() {
        return transientFailure;
    }

    /** The SMTP reply code or HTTP status, when the server answered. */
    public Optional<Integer> statusCode() {
        return Optional.ofNullable(statusCode);
    }

    /** The server's Retry-After, when it sent one. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
