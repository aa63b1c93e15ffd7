package io.supportsla.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.supportsla.notification.triggers.PlannedNotification;
import io.supportsla.notification.triggers.PlannedNotifications;
import io.supportsla.schemas.common.Channel;
import io.supportsla.schemas.notification.FailureKind;
import org.junit.jupiter.api.Test;

class NotificationDispatcherTest {

    final Set<NotificationId> sent = new HashSet<>();
    final List<DeliveryOutcome> recorded = new ArrayList<>();
    final RetryingDeliveryTest.ScriptedSender sender = new RetryingDeliveryTest.ScriptedSender(null, null, null);
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final NotificationDispatcher dispatcher = new NotificationDispatcher(List.of(sender), sent::contains,
            new RetryingDelivery(new RetryPolicy(2, Duration.ofMillis(1), 2, Duration.ofMillis(1), 0, Duration.ZERO), () -> 0.5),
            new DeliveryMetrics(meters), Clock.fixed(Instant.parse("2025-03-11T10:00:00Z"), ZoneOffset.UTC));
    final PlannedNotification email = PlannedNotifications.email("a@support.example.com");

    @Test
    void sendsAndRecordsTheOutcome() {
        NotificationDispatcher.Result result = dispatcher.dispatch(email, recorded::add);

        assertThat(result).isEqualTo(NotificationDispatcher.Result.SENT);
        assertThat(recorded).singleElement().isInstanceOfSatisfying(DeliveryOutcome.Sent.class, outcome -> {
            assertThat(outcome.attempts()).isEqualTo(1);
            assertThat(outcome.providerMessageId()).isEqualTo("accepted");
            assertThat(outcome.sentAt()).isEqualTo(Instant.parse("2025-03-11T10:00:00Z"));
        });
        assertThat(meters.get("notification.outcomes").tag("channel", "email").tag("outcome", "sent").counter().count()).isEqualTo(1);
    }

    @Test
    void doesNotSendWhatWasSentBefore() {
        sent.add(email.id());

        NotificationDispatcher.Result result = dispatcher.dispatch(email, recorded::add);

        assertThat(result).isEqualTo(NotificationDispatcher.Result.DUPLICATE);
        assertThat(sender.calls).isZero();
        assertThat(recorded).isEmpty();
        assertThat(meters.get("notification.outcomes").tag("outcome", "duplicate").counter().count()).isEqualTo(1);
    }

    @Test
    void recipientWithoutAnAddressFailsPermanentlyWithoutAnAttempt() {
        PlannedNotification nowhere = PlannedNotifications.email(null);

        dispatcher.dispatch(nowhere, recorded::add);

        assertThat(recorded).singleElement().isInstanceOfSatisfying(DeliveryOutcome.Failed.class, failed -> {
            assertThat(failed.kind()).isEqualTo(FailureKind.PERMANENT);
            assertThat(failed.attempts()).isZero();
            assertThat(failed.error()).contains("has no email address");
        });
        assertThat(sender.calls).isZero();
    }

    @Test
    void anOutcomeThatCouldNotBeRecordedIsRecordedNotResentNextTime() {
        assertThatThrownBy(() -> dispatcher.dispatch(email, outcome -> {
            throw new IllegalStateException("Kafka unavailable");
        })).hasMessage("Kafka unavailable");

        dispatcher.dispatch(email, recorded::add);

        assertThat(sender.calls).isEqualTo(1);
        assertThat(recorded).singleElement().isInstanceOf(DeliveryOutcome.Sent.class);
    }

    @Test
    void channelWithoutASenderIsAProgrammingError() {
        PlannedNotification page = PlannedNotifications.page("rk-1");

        assertThatThrownBy(() -> dispatcher.dispatch(page, recorded::add)).hasMessageContaining("No sender for channel PAGE");
        assertThat(page.channel()).isEqualTo(Channel.PAGE);
    }
}
