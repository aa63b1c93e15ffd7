package io.supportsla.intake.idempotency;

import io.supportsla.intake.casenumbers.CaseNumber;
import io.supportsla.intake.casenumbers.CaseNumberClaim;
import io.supportsla.intake.casenumbers.CaseNumberClaims;
import io.supportsla.intake.cases.IntakeUnavailableException;
import io.supportsla.intake.idempotency.IdempotencyLedger.Decision;
import io.supportsla.intake.idempotency.IdempotencyLedger.InProgress;
import io.supportsla.intake.idempotency.IdempotencyLedger.KeyedClaim;
import io.supportsla.intake.idempotency.IdempotencyLedger.Mismatch;
import io.supportsla.intake.idempotency.IdempotencyLedger.Replay;
import io.supportsla.intake.idempotency.IdempotencyLedger.Unclaimed;
import io.supportsla.intake.rules.Refusal;
import io.supportsla.intake.rules.RefusalReason;
import io.supportsla.intake.view.CaseView;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Creating a case at most once per idempotency key, across instances and restarts. A request with
 * a key claims its case number with the key on the single-partition claims topic; every instance
 * reads that topic in the same order, so all agree that the first claim of a key wins (two
 * instances racing on one key both append, both read both claims, and only the earlier proceeds).
 * The winner publishes the case; a retry finds the winning claim and answers with its case. If the
 * winner fails before publishing, a retry after its lease takes the key over (see
 * {@link IdempotencyLedger}).
 */
public final class IdempotentCreation {

    /** Publishing must end this long before the lease, for clocks that disagree a little. */
    static final Duration CLOCK_MARGIN = Duration.ofSeconds(5);

    private final IdempotencyLedger ledger;
    private final CaseNumberClaims claims;
    private final CaseView view;
    private final Duration lease;
    private final Duration publishBound;
    private final Duration consistencyTimeout;
    private final Duration retryAfter;
    private final Clock clock;

    /** What to do with the request. */
    public sealed interface Outcome permits Owned, Replayed {
    }

    /** This request holds the key: publish its case as {@code claim.number()}, but only before {@code publishBy}. */
    public record Owned(CaseNumberClaim claim, Instant publishBy) implements Outcome {
    }

    /** An earlier request with the key created this case: answer with it. */
    public record Replayed(CaseNumber number) implements Outcome {
    }

    public IdempotentCreation(IdempotencyLedger ledger, CaseNumberClaims claims, CaseView view, Duration lease, Duration publishBound,
                              Duration consistencyTimeout, Duration retryAfter, Clock clock) {
        this.ledger = ledger;
        this.claims = claims;
        this.view = view;
        this.lease = lease;
        this.publishBound = publishBound;
        this.consistencyTimeout = consistencyTimeout;
        this.retryAfter = retryAfter;
        this.clock = clock;
        claims.listen((offset, appendedAt, record) -> {
            if (record.isKeyed()) {
                ledger.record(new ScopedKey(record.organisation(), record.idempotencyKey()),
                        new KeyedClaim(offset, appendedAt, record.claimId(), record.fingerprint()));
            }
        });
    }

    /**
     * Answers a retry from the claims already made, without claiming anything: the case of an
     * earlier request with this key, or empty when the key is free.
     *
     * @throws Refusal IDEMPOTENCY_KEY_REUSED when the key was used for a different request
     * @throws IdempotentRequestInProgressException while the earlier request is still being carried out
     */
    public Optional<CaseNumber> earlierResult(ScopedKey key, String fingerprint) {
        if (!claims.follower().awaitCaughtUp(consistencyTimeout)) {
            throw unavailable();
        }
        Decision decision = decide(key, fingerprint);
        if (decision instanceof Unclaimed) {
            return Optional.empty();
        }
        return Optional.of(resolve(decision));
    }

    /**
     * Claims a case number with the key and decides whether this request holds the key.
     *
     * @throws Refusal IDEMPOTENCY_KEY_REUSED when the key was used for a different request
     * @throws IdempotentRequestInProgressException when another request with the key holds it
     */
    public Outcome claim(ScopedKey key, String fingerprint) {
        CaseNumberClaim claim = claims.claim(key.organisation(), key.key(), fingerprint);
        if (!claims.awaitRead(claim.offset(), consistencyTimeout)) {
            throw unavailable();
        }
        Decision decision = decide(key, fingerprint);
        if (decision instanceof InProgress inProgress && inProgress.holder().claimId().equals(claim.claimId())) {
            return new Owned(claim, claim.requestedAt().plus(lease).minus(publishBound).minus(CLOCK_MARGIN));
        }
        if (decision instanceof Unclaimed) {
            // Our claim came too soon after the previous holder's lease by the broker's clock; the next retry takes it.
            throw new IdempotentRequestInProgressException(Duration.ofSeconds(1));
        }
        return new Replayed(resolve(decision));
    }

    private CaseNumber resolve(Decision decision) {
        if (decision instanceof Replay replay) {
            return claims.numberAt(replay.holder().offset());
        }
        if (decision instanceof Mismatch) {
            throw Refusal.of(RefusalReason.IDEMPOTENCY_KEY_REUSED, "This Idempotency-Key was already used for a different"
                    + " request; use a new key for a new request");
        }
        if (decision instanceof InProgress inProgress) {
            Duration wait = Duration.between(clock.instant(), inProgress.leaseEnds());
            throw new IdempotentRequestInProgressException(wait.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : wait);
        }
        throw new IllegalStateException("Unexpected decision " + decision);
    }

    /** Decides with a view that holds every case published before now, unless the answer does not depend on it. */
    private Decision decide(ScopedKey key, String fingerprint) {
        Decision decision = ledger.decide(key, fingerprint, clock.instant(), this::caseCreated);
        if (decision instanceof Replay || decision instanceof Mismatch || !ledger.isClaimed(key)) {
            return decision;
        }
        view.awaitCurrent();
        return ledger.decide(key, fingerprint, clock.instant(), this::caseCreated);
    }

    private boolean caseCreated(KeyedClaim claim) {
        return view.contains(claims.numberAt(claim.offset()));
    }

    private IntakeUnavailableException unavailable() {
        return new IntakeUnavailableException("Could not read the case-number claims in time: the Kafka broker is not answering",
                retryAfter, null);
    }
}
