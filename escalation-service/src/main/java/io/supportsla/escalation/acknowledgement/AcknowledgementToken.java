package io.supportsla.escalation.acknowledgement;

import java.time.Instant;
import java.util.Objects;

/**
 * What a signed acknowledgement link says: this recipient may acknowledge this escalation until
 * the expiry (whole seconds).
 *
 * @param recipient the directory id of the person the link was sent to, e.g. {@code london-contact}
 */
public record AcknowledgementToken(String escalationId, String recipient, Instant expiresAt) {

    public AcknowledgementToken {
        Objects.requireNonNull(escalationId, "escalationId");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
