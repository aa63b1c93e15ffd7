package io.supportsla.intake.casenumbers;

import java.time.Instant;

/**
 * A case number this instance claimed.
 *
 * @param number the number
 * @param offset the claim's offset on the claims topic
 * @param appendedAt when the broker appended the claim (broker time)
 * @param requestedAt when this instance asked for it (local time, never later than {@code appendedAt} in real time)
 * @param claimId the claim's id
 */
public record CaseNumberClaim(CaseNumber number, long offset, Instant appendedAt, Instant requestedAt, String claimId) {
}
