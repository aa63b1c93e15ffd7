package io.supportsla.notification.delivery;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleSupplier;

import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.supportsla.notification.triggers.PlannedNotification;
import io.supportsla.schemas.notification.FailureKind;

/**
 * Runs a channel's attempts under a {@link RetryPolicy} (resilience4j's retry): transient failures
 * are retried after an exponential, jittered backoff or the server's Retry-After, permanent ones at
 * once given up.
 */
public final class RetryingDelivery {

    /** Told about every attempt, for metrics and logs. */
    public interface AttemptListener {
        void attempted(PlannedNotification notification, int attempt, Optional<DeliveryException> failure);

        AttemptListener NONE = (notification, attempt, failure) -> { };
    }

    private final RetryPolicy policy;
    private final DoubleSupplier random;

    public RetryingDelivery(RetryPolicy policy, DoubleSupplier random) {
        this.policy = policy;
        this.random = random;
    }

    public RetryPolicy policy() {
        return policy;
    }

    /**
     * Delivers with retries. Blocks the calling thread for the waits.
     *
     * @throws DeliveryInterruptedException when the thread is interrupted (shutdown): nothing is decided
     */
    public AttemptResult deliver(ChannelSender sender, PlannedNotification notification, AttemptListener listener) {
        AtomicInteger attempts = new AtomicInteger();
        IntervalBiFunction<Receipt> wait = (failedAttempts, outcome) -> {
            Optional<Duration> retryAfter = outcome.isLeft() && outcome.getLeft() instanceof DeliveryException failure
                    ? failure.retryAfter() : Optional.empty();
            return policy.waitAfter(failedAttempts, retryAfter, random.getAsDouble()).toMillis();
        };
        RetryConfig config = RetryConfig.<Receipt>custom()
                .maxAttempts(policy.maxAttempts())
                .intervalBiFunction(wait)
                .retryOnException(failure -> failure instanceof DeliveryException delivery
                        && delivery.isTransient() && policy.canWait(delivery.retryAfter()))
                .failAfterMaxAttempts(false)
                .build();
        Retry retry = Retry.of("notification-" + notification.id(), config);
        try {
            Receipt receipt = Retry.decorateCheckedSupplier(retry, () -> {
                if (Thread.currentThread().isInterrupted()) {
                    throw new DeliveryInterruptedException(notification);
                }
                int attempt = attempts.incrementAndGet();
                try {
                    Receipt accepted = sender.send(notification);
                    listener.attempted(notification, attempt, Optional.empty());
                    return accepted;
                } catch (DeliveryException failure) {
                    listener.attempted(notification, attempt, Optional.of(failure));
                    throw failure;
                }
            }).get();
            return new AttemptResult.Delivered(receipt, attempts.get());
        } catch (DeliveryException failure) {
            if (Thread.currentThread().isInterrupted()) {
                throw new DeliveryInterruptedException(notification);
            }
            return gaveUp(failure, attempts.get());
        } catch (DeliveryInterruptedException interrupted) {
            throw interrupted;
        } catch (Throwable unexpected) {
            if (unexpected instanceof Error error) {
                throw error;
            }
            // A bug in a sender: treat like a permanent refusal rather than stall the partition.
            DeliveryException failure = DeliveryException.permanentFailure(
                    "Unexpected " + unexpected.getClass().getName() + ": " + unexpected.getMessage(), null, unexpected);
            return new AttemptResult.GaveUp(FailureKind.PERMANENT, failure, attempts.get(), failure.getMessage());
        }
    }

    private AttemptResult gaveUp(DeliveryException failure, int attempts) {
        if (!failure.isTransient()) {
            return new AttemptResult.GaveUp(FailureKind.PERMANENT, failure, attempts, failure.getMessage());
        }
        String error = failure.getMessage();
        if (!policy.canWait(failure.retryAfter())) {
            error = error + " (Retry-After " + failure.retryAfter().orElseThrow().toSeconds()
                    + " s is longer than the " + policy.maxRetryAfter().toSeconds() + " s this service waits)";
        } else {
            error = error + " (gave up after " + attempts + " attempts)";
        }
        return new AttemptResult.GaveUp(FailureKind.RETRIES_EXHAUSTED, failure, attempts, error);
    }
}
