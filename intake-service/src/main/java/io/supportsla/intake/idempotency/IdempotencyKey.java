package io.supportsla.intake.idempotency;

import io.supportsla.intake.rules.FieldProblem;
import io.supportsla.intake.rules.Refusal;
import java.util.List;
import java.util.Optional;

/**
 * The client's key for one logical request (the {@code Idempotency-Key} header of the IETF
 * httpapi draft, or a portal submission's {@code submissionId}): 1 to 255 visible ASCII
 * characters; the header may send it as a quoted structured-field string.
 */
public record IdempotencyKey(String value) {

    public static final String HEADER = "Idempotency-Key";

    public IdempotencyKey {
        if (value == null || value.isEmpty() || value.length() > 255 || !value.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
            throw new IllegalArgumentException("An idempotency key is 1 to 255 visible ASCII characters");
        }
    }

    /**
     * The key from a header value, if one was sent.
     *
     * @throws Refusal when the header is malformed
     */
    public static Optional<IdempotencyKey> fromHeader(String header) {
        if (header == null) {
            return Optional.empty();
        }
        String value = header.strip();
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        return Optional.of(of(value, HEADER));
    }

    /** A key from a request field, refused as that field when malformed. */
    public static IdempotencyKey of(String value, String field) {
        try {
            return new IdempotencyKey(value);
        } catch (IllegalArgumentException e) {
            throw Refusal.invalid(List.of(new FieldProblem(field, "must be 1 to 255 visible ASCII characters, e.g. a UUID")));
        }
    }
}
