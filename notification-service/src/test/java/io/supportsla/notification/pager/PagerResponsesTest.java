package io.supportsla.notification.pager;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import io.supportsla.notification.delivery.DeliveryException;
import org.junit.jupiter.api.Test;

class PagerResponsesTest {

    @Test
    void twoHundredsAreAccepted() {
        assertThat(PagerResponses.accepted(202)).isTrue();
        assertThat(PagerResponses.accepted(200)).isTrue();
        assertThat(PagerResponses.accepted(302)).isFalse();
    }

    @Test
    void serverErrorsAreTransient() {
        assertThat(PagerResponses.failure(500, Optional.empty(), "").isTransient()).isTrue();
        assertThat(PagerResponses.failure(503, Optional.empty(), "").isTransient()).isTrue();
    }

    @Test
    void tooManyRequestsIsTransientAndKeepsRetryAfter() {
        DeliveryException failure = PagerResponses.failure(429, Optional.of(Duration.ofSeconds(3)), "{\"status\":\"throttled\"}");

        assertThat(failure.isTransient()).isTrue();
        assertThat(failure.retryAfter()).contains(Duration.ofSeconds(3));
        assertThat(failure.statusCode()).contains(429);
    }

    @Test
    void requestTimeoutIsTransient() {
        assertThat(PagerResponses.failure(408, Optional.empty(), "").isTransient()).isTrue();
    }

    @Test
    void badRequestIsPermanentAndQuotesTheAnswer() {
        DeliveryException failure = PagerResponses.failure(400, Optional.empty(),
                "{\"status\":\"invalid event\",\"errors\":[\"'routing_key' is invalid\"]}");

        assertThat(failure.isTransient()).isFalse();
        assertThat(failure.statusCode()).contains(400);
        assertThat(failure.getMessage()).isEqualTo("Pager gateway answered HTTP 400: "
                + "{\"status\":\"invalid event\",\"errors\":[\"'routing_key' is invalid\"]}");
    }

    @Test
    void otherClientErrorsArePermanent() {
        assertThat(PagerResponses.failure(403, Optional.empty(), "").isTransient()).isFalse();
        assertThat(PagerResponses.failure(404, Optional.empty(), "").isTransient()).isFalse();
    }

    @Test
    void retryAfterInSeconds() {
        assertThat(RetryAfter.parse("120", Instant.EPOCH)).contains(Duration.ofSeconds(120));
        assertThat(RetryAfter.parse(" 0 ", Instant.EPOCH)).contains(Duration.ZERO);
    }

    @Test
    void retryAfterAsAnHttpDate() {
        Instant now = Instant.parse("2025-03-11T10:00:00Z");

        assertThat(RetryAfter.parse("Tue, 11 Mar 2025 10:00:30 GMT", now)).contains(Duration.ofSeconds(30));
        assertThat(RetryAfter.parse("Tue, 11 Mar 2025 09:00:00 GMT", now)).contains(Duration.ZERO);
    }

    @Test
    void missingOrUnreadableRetryAfterIsNone() {
        assertThat(RetryAfter.parse(null, Instant.EPOCH)).isEmpty();
        assertThat(RetryAfter.parse("soon", Instant.EPOCH)).isEmpty();
        assertThat(RetryAfter.parse("-5", Instant.EPOCH)).isEmpty();
    }
}
