package io.supportsla.intake.cases;

import java.time.Duration;

/**
 * Intake cannot record the request now (the broker or the registry does not answer, or this
 * instance has not caught up with the topics in time). Nothing was recorded: the caller may retry
 * after {@link #retryAfter()}. Over HTTP a 503; on the portal topic the record is retried.
 */
public final class IntakeUnavailableException extends RuntimeException {

    private final Duration retryAfter;

    public IntakeUnavailableException(String message, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
