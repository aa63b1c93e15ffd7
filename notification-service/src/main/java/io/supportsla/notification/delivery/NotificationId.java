package io.supportsla.notification.delivery;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

import io.supportsla.schemas.common.Channel;

/**
 * The stable id of one notification: a hash of the event that caused it, the recipient's address on
 * the channel and the channel. A redelivered cause yields the same ids, which is what
 * de-duplication and the email {@code Message-ID} are keyed on.
 *
 * @param value 32 lowercase hex digits (the first 128 bits of a SHA-256)
 */
public record NotificationId(String value) {

    public NotificationId {
        Objects.requireNonNull(value, "value");
        if (!value.matches("[0-9a-f]{32}")) {
            throw new IllegalArgumentException("A notification id is 32 lowercase hex digits: " + value);
        }
    }

    /**
     * The id of the notification caused by {@code causeEventId} to {@code recipient} on {@code channel}.
     *
     * @param recipient the recipient's address on the channel (email address, compared case-insensitively,
     *                  or pager routing key); for a page that acts on an earlier one (resolve, acknowledge)
     *                  the routing key and that page's dedup key, since one cause may act on several pages
     *                  of one routing key
     */
    public static NotificationId of(String causeEventId, String recipient, Channel channel) {
        Objects.requireNonNull(causeEventId, "causeEventId");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(channel, "channel");
        String normalised = channel == Channel.EMAIL ? recipient.trim().toLowerCase(Locale.ROOT) : recipient;
        // Length-prefixed so that no two different triples hash the same text.
        String canonical = field(causeEventId) + field(normalised) + field(channel.name());
        return new NotificationId(HexFormat.of().formatHex(sha256(canonical), 0, 16));
    }

    private static String field(String text) {
        return text.length() + ":" + text + ";";
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
