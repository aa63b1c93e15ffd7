package io.supportsla.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import io.supportsla.notification.triggers.PlannedNotifications;
import io.supportsla.notification.triggers.PlannedNotification;
import io.supportsla.schemas.common.Channel;
import io.supportsla.schemas.notification.FailureKind;
import org.junit.jupiter.api.Test;

class RetryingDeliveryTest {

    final RetryPolicy policy = new RetryPolicy(4, Duration.ofMillis(10), 2.0, Duration.ofMillis(50), 0.5, Duration.ofSeconds(2));
    final RetryingDelivery retrying = new RetryingDelivery(policy, () -> 0.5);
    final PlannedNotification email = PlannedNotifications.email("a@support.example.com");

    @Test
    void transientFailureIsRetriedUntilItSucceeds() {
        ScriptedSender sender = new ScriptedSender(DeliveryException.transientFailure("SMTP 421 busy", 421, null), null);

        AttemptResult result = retrying.deliver(sender, email, RetryingDelivery.AttemptListener.NONE);

        assertThat(result).isInstanceOfSatisfying(AttemptResult.Delivered.class, delivered -> {
            assertThat(delivered.attempts()).isEqualTo(2);
            assertThat(delivered.receipt().providerMessageId()).isEqualTo("accepted");
        });
    }

    @Test
    void permanentFailureIsNotRetried() {
        ScriptedSender sender = new ScriptedSender(DeliveryException.permanentFailure("HTTP 400", 400, null), null);

        AttemptResult result = retrying.deliver(sender, email, RetryingDelivery.AttemptListener.NONE);

        assertThat(result).isInstanceOfSatisfying(AttemptResult.GaveUp.class, gaveUp -> {
            assertThat(gaveUp.kind()).isEqualTo(FailureKind.PERMANENT);
            assertThat(gaveUp.attempts()).isEqualTo(1);
            assertThat(gaveUp.lastFailure().statusCode()).contains(400);
        });
        assertThat(sender.calls).isEqualTo(1);
    }

    @Test
    void transientFailuresUntilTheBudgetRunsOutAreRetriesExhausted() {
        DeliveryException busy = DeliveryException.transientFailure("HTTP 503", 503, null);
        ScriptedSender sender = new ScriptedSender(busy, busy, busy, busy, busy);

        AttemptResult result = retrying.deliver(sender, email, RetryingDelivery.AttemptListener.NONE);

        assertThat(result).isInstanceOfSatisfying(AttemptResult.GaveUp.class, gaveUp -> {
            assertThat(gaveUp.kind()).isEqualTo(FailureKind.RETRIES_EXHAUSTED);
            assertThat(gaveUp.attempts()).isEqualTo(4);
            assertThat(gaveUp.error()).contains("HTTP 503").contains("4 attempts");
        });
        assertThat(sender.calls).isEqualTo(4);
    }

    @Test
    void waitsAtLeastTheRetryAfterTheServerAskedFor() {
        ScriptedSender sender = new ScriptedSender(
                DeliveryException.transientFailure("HTTP 429", 429, Duration.ofMillis(400), null), null);

        AttemptResult result = retrying.deliver(sender, email, RetryingDelivery.AttemptListener.NONE);

        assertThat(result).isInstanceOf(AttemptResult.Delivered.class);
        assertThat(Duration.ofNanos(sender.callTimes.get(1) - sender.callTimes.get(0))).isGreaterThanOrEqualTo(Duration.ofMillis(400));
    }

    @Test
    void retryAfterLongerThanTheLimitIsGivenUpAtOnce() {
        ScriptedSender sender = new ScriptedSender(
                DeliveryException.transientFailure("HTTP 429", 429, Duration.ofHours(1), null), null);

        AttemptResult result = retrying.deliver(sender, email, RetryingDelivery.AttemptListener.NONE);

        assertThat(result).isInstanceOfSatisfying(AttemptResult.GaveUp.class, gaveUp -> {
            assertThat(gaveUp.kind()).isEqualTo(FailureKind.RETRIES_EXHAUSTED);
            assertThat(gaveUp.attempts()).isEqualTo(1);
            assertThat(gaveUp.error()).contains("Retry-After 3600 s");
        });
    }

    @Test
    void everyAttemptIsReported() {
        ScriptedSender sender = new ScriptedSender(DeliveryException.transientFailure("SMTP 451", 451, null), null);
        List<String> reported = new ArrayList<>();

        retrying.deliver(sender, email, (notification, attempt, failure) ->
                reported.add(attempt + ":" + failure.map(f -> f.isTransient() ? "transient" : "permanent").orElse("ok")));

        assertThat(reported).containsExactly("1:transient", "2:ok");
    }

    @Test
    void anUnexpectedSenderBugIsAPermanentFailureNotAStall() {
        ChannelSender broken = new ChannelSender() {
            @Override
            public Channel channel() {
                return Channel.EMAIL;
            }

            @Override
            public Receipt send(PlannedNotification notification) {
                throw new IllegalStateException("bug");
            }
        };

        AttemptResult result = retrying.deliver(broken, email, RetryingDelivery.AttemptListener.NONE);

        assertThat(result).isInstanceOfSatisfying(AttemptResult.GaveUp.class,
                gaveUp -> assertThat(gaveUp.kind()).isEqualTo(FailureKind.PERMANENT));
    }

    /** Fails with the scripted failures in order; a null entry succeeds. */
    static final class ScriptedSender implements ChannelSender {
        final Deque<DeliveryException> script = new ArrayDeque<>();
        final List<Long> callTimes = new ArrayList<>();
        int calls;

        ScriptedSender(DeliveryException... outcomes) {
            for (DeliveryException outcome : outcomes) {
                script.add(outcome == null ? OK : outcome);
            }
        }

        private static final DeliveryException OK = DeliveryException.permanentFailure("ok", null, null);

        @Override
        public Channel channel() {
            return Channel.EMAIL;
        }

        @Override
        public Receipt send(PlannedNotification notification) throws DeliveryException {
            calls++;
            callTimes.add(System.nanoTime());
            DeliveryException next = script.poll();
            if (next == null || next == OK) {
                return new Receipt("accepted");
            }
            throw next;
        }
    }
}
