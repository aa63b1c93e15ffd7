package io.supportsla.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.supportsla.schemas.common.Channel;
import org.junit.jupiter.api.Test;

class NotificationIdTest {

    @Test
    void sameCauseRecipientAndChannelGiveTheSameId() {
        assertThat(NotificationId.of("event-1", "a@support.example.com", Channel.EMAIL))
                .isEqualTo(NotificationId.of("event-1", "a@support.example.com", Channel.EMAIL));
    }

    @Test
    void idIs32LowercaseHexDigits() {
        assertThat(NotificationId.of("event-1", "rk-hotline", Channel.PAGE).value()).matches("[0-9a-f]{32}");
    }

    @Test
    void differentCauseRecipientOrChannelGiveDifferentIds() {
        NotificationId id = NotificationId.of("event-1", "a@support.example.com", Channel.EMAIL);

        assertThat(NotificationId.of("event-2", "a@support.example.com", Channel.EMAIL)).isNotEqualTo(id);
        assertThat(NotificationId.of("event-1", "b@support.example.com", Channel.EMAIL)).isNotEqualTo(id);
        assertThat(NotificationId.of("event-1", "a@support.example.com", Channel.PAGE)).isNotEqualTo(id);
    }

    @Test
    void emailAddressesCompareIgnoringCase() {
        assertThat(NotificationId.of("event-1", " A@Support.Example.com", Channel.EMAIL))
                .isEqualTo(NotificationId.of("event-1", "a@support.example.com", Channel.EMAIL));
    }

    @Test
    void routingKeysAreCaseSensitive() {
        assertThat(NotificationId.of("event-1", "RK-1", Channel.PAGE)).isNotEqualTo(NotificationId.of("event-1", "rk-1", Channel.PAGE));
    }

    @Test
    void fieldsCannotRunIntoEachOther() {
        assertThat(NotificationId.of("ab", "c", Channel.PAGE)).isNotEqualTo(NotificationId.of("a", "bc", Channel.PAGE));
    }

    @Test
    void refusesMalformedIds() {
        assertThatThrownBy(() -> new NotificationId("not-an-id")).isInstanceOf(IllegalArgumentException.class);
    }
}
