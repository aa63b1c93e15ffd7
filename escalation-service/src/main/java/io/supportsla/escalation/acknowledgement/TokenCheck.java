package io.supportsla.escalation.acknowledgement;

/** The result of checking a presented acknowledgement token. */
public sealed interface TokenCheck {

    /** Signed by us and not expired. */
    record Valid(AcknowledgementToken token) implements TokenCheck {
    }

    /** Signed by us, but past its expiry. */
    record Expired(AcknowledgementToken token) implements TokenCheck {
    }

    /** Not a token we signed: malformed, altered, or signed with another secret. */
    record Invalid(String reason) implements TokenCheck {
    }
}
