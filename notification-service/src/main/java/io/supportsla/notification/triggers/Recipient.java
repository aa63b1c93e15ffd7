package io.supportsla.notification.triggers;

import java.util.Objects;
import java.util.Optional;

import io.supportsla.schemas.common.Channel;
import io.supportsla.schemas.common.Region;
import io.supportsla.schemas.common.RecipientRole;

/**
 * Someone to tell, with their addresses: an email address, a pager routing key (PagerDuty Events
 * API v2 integration key), or both.
 *
 * @param office the office the recipient belongs to, when known
 */
public record Recipient(String name, RecipientRole role, String email, String pagerRoutingKey, Region office) {

    public Recipient {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        email = blankToNull(email);
        pagerRoutingKey = blankToNull(pagerRoutingKey);
    }

    /** The recipient's address on a channel, if they have one there. */
    public Optional<String> address(Channel channel) {
        return Optional.ofNullable(channel == Channel.EMAIL ? email : pagerRoutingKey);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
