package io.supportsla.escalation.rules;

import io.supportsla.schemas.escalation.AcknowledgementChannel;
import java.time.Instant;
import java.util.Objects;

/**
 * Who acknowledged an escalation, when and how.
 *
 * @param by the recipient named in the signed link, or the consultant's API key name
 */
public record Acknowledgement(String by, Instant at, AcknowledgementChannel via) {

    public Acknowledgement {
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(via, "via");
    }
}
