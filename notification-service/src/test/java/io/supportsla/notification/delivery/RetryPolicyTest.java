package io.supportsla.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    final RetryPolicy policy = new RetryPolicy(6, Duration.ofSeconds(1), 2.0, Duration.ofSeconds(30), 0.5, Duration.ofSeconds(60));

    @Test
    void backoffDoublesAfterEachFailure() {
        assertThat(policy.backoff(1, 0.5)).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.backoff(2, 0.5)).isEqualTo(Duration.ofSeconds(2));
        assertThat(policy.backoff(3, 0.5)).isEqualTo(Duration.ofSeconds(4));
        assertThat(policy.backoff(4, 0.5)).isEqualTo(Duration.ofSeconds(8));
    }

    @Test
    void jitterSpreadsTheBackoffByTheConfiguredFraction() {
        assertThat(policy.backoff(3, 0.0)).isEqualTo(Duration.ofSeconds(2));
        assertThat(policy.backoff(3, 0.999999)).isEqualTo(Duration.ofSeconds(6));
    }

    @Test
    void backoffNeverExceedsTheMaximum() {
        assertThat(policy.backoff(10, 0.999)).isEqualTo(Duration.ofSeconds(30));
        assertThat(policy.backoff(5, 0.75)).isEqualTo(Duration.ofSeconds(20));
        assertThat(policy.backoff(6, 0.0)).isEqualTo(Duration.ofSeconds(16));
    }

    @Test
    void noJitterWaitsExactlyTheBackoff() {
        RetryPolicy exact = new RetryPolicy(3, Duration.ofMillis(100), 3.0, Duration.ofSeconds(1), 0.0, Duration.ZERO);

        assertThat(exact.backoff(2, 0.123)).isEqualTo(Duration.ofMillis(300));
    }

    @Test
    void retryAfterLongerThanTheBackoffIsWhatIsWaited() {
        assertThat(policy.waitAfter(1, Optional.of(Duration.ofSeconds(7)), 0.5)).isEqualTo(Duration.ofSeconds(7));
        assertThat(policy.waitAfter(4, Optional.of(Duration.ofSeconds(2)), 0.5)).isEqualTo(Duration.ofSeconds(8));
        assertThat(policy.waitAfter(2, Optional.empty(), 0.5)).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void retryAfterBeyondTheLimitIsNotWaitedFor() {
        assertThat(policy.canWait(Optional.of(Duration.ofSeconds(60)))).isTrue();
        assertThat(policy.canWait(Optional.of(Duration.ofSeconds(61)))).isFalse();
        assertThat(policy.canWait(Optional.empty())).isTrue();
    }

    @Test
    void refusesNonsense() {
        assertThatThrownBy(() -> new RetryPolicy(0, Duration.ofSeconds(1), 2, Duration.ofSeconds(1), 0.5, Duration.ZERO))
                .hasMessageContaining("maxAttempts");
        assertThatThrownBy(() -> new RetryPolicy(3, Duration.ofSeconds(1), 0.5, Duration.ofSeconds(1), 0.5, Duration.ZERO))
                .hasMessageContaining("multiplier");
        assertThatThrownBy(() -> new RetryPolicy(3, Duration.ofSeconds(1), 2, Duration.ofSeconds(1), 1.5, Duration.ZERO))
                .hasMessageContaining("jitter");
    }
}
