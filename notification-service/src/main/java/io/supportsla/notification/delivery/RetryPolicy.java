package io.supportsla.notification.delivery;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How transient failures are retried: up to {@code maxAttempts} attempts in all, waiting
 * {@code initialBackoff * multiplier^(n-1)} after the n-th failure, spread by {@code ±jitter} (a
 * fraction, so 0.5 waits between half and one and a half times that) and never longer than
 * {@code maxBackoff}. A server's Retry-After is a floor on the wait; one longer than
 * {@code maxRetryAfter} is not waited for (the consumer cannot hold its partition that long), and
 * the notification fails as retries exhausted.
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, double multiplier, Duration maxBackoff, double jitter,
        Duration maxRetryAfter) {

    public RetryPolicy {
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
        }
        if (multiplier < 1.0) {
            throw new IllegalArgumentException("multiplier must be at least 1: " + multiplier);
        }
        if (jitter < 0.0 || jitter > 1.0) {
            throw new IllegalArgumentException("jitter must be between 0 and 1: " + jitter);
        }
        if (initialBackoff.isNegative() || maxBackoff.isNegative() || maxRetryAfter.isNegative()) {
            throw new IllegalArgumentException("backoff durations must not be negative");
        }
    }

    /**
     * The wait after the {@code failedAttempts}-th consecutive failure.
     *
     * @param random a number in [0, 1) that picks the point within the jitter band
     */
    public Duration backoff(int failedAttempts, double random) {
        if (failedAttempts < 1) {
            throw new IllegalArgumentException("failedAttempts starts at 1: " + failedAttempts);
        }
        double base = initialBackoff.toMillis() * Math.pow(multiplier, failedAttempts - 1);
        double jittered = base * (1.0 - jitter + 2.0 * jitter * random);
        return Duration.ofMillis(Math.round(Math.min(jittered, maxBackoff.toMillis())));
    }

    /** The wait after a failure: the backoff, or the server's Retry-After when that is longer. */
    public Duration waitAfter(int failedAttempts, Optional<Duration> retryAfter, double random) {
        Duration backoff = backoff(failedAttempts, random);
        return retryAfter.filter(wait -> wait.compareTo(backoff) > 0).orElse(backoff);
    }

    /** Whether a server's Retry-After is short enough to wait for. */
    public boolean canWait(Optional<Duration> retryAfter) {
        return retryAfter.map(wait -> wait.compareTo(maxRetryAfter) <= 0).orElse(true);
    }
}
