package io.supportsla.intake.casenumbers;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * The value of a record on {@code intake.case-number-claims} (JSON). Its offset is the case number
 * it claims; for requests with an idempotency key it also names the key and the request's
 * fingerprint, so that the first claim of a key wins.
 *
 * @param claimId unique id of the claim, so its writer recognises it
 * @param organisation the organisation the idempotency key belongs to; null without a key
 * @param idempotencyKey the request's idempotency key; null without one
 * @param fingerprint SHA-256 of the request; null without a key
 * @param instance which intake instance wrote it, for operators
 */
public record ClaimRecord(String claimId, String organisation, String idempotencyKey, String fingerprint, String instance) {

    @JsonIgnore
    public boolean isKeyed() {
        return organisation != null && idempotencyKey != null && fingerprint != null;
    }
}
