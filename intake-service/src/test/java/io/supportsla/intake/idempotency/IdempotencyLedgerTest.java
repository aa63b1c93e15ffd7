package io.supportsla.intake.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import io.supportsla.intake.idempotency.IdempotencyLedger.Decision;
import io.supportsla.intake.idempotency.IdempotencyLedger.InProgress;
import io.supportsla.intake.idempotency.IdempotencyLedger.KeyedClaim;
import io.supportsla.intake.idempotency.IdempotencyLedger.Mismatch;
import io.supportsla.intake.idempotency.IdempotencyLedger.Replay;
import io.supportsla.intake.idempotency.IdempotencyLedger.Unclaimed;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IdempotencyLedgerTest {

    private static final Duration LEASE = Duration.ofSeconds(30);
    private static final Instant T0 = Instant.parse("2025-06-30T09:00:00Z");
    private static final ScopedKey KEY = new ScopedKey("acme", "key-1");

    private final IdempotencyLedger ledger = new IdempotencyLedger(LEASE);
    private final Set<Long> created = new HashSet<>();

    @Test
    void aKeyNobodyClaimedIsFree() {
        assertThat(decide("fp", T0)).isInstanceOf(Unclaimed.class);
    }

    @Test
    void theFirstClaimOfAKeyHoldsItWhileItsCaseIsBeingPublished() {
        ledger.record(KEY, claim(10, T0, "a", "fp"));
        ledger.record(KEY, claim(11, T0.plusMillis(5), "b", "fp"));

        Decision decision = decide("fp", T0.plusSeconds(1));

        assertThat(decision).isInstanceOf(InProgress.class);
        assertThat(((InProgress) decision).holder().claimId()).isEqualTo("a");
        assertThat(((InProgress) decision).leaseEnds()).isEqualTo(T0.plus(LEASE));
    }

    @Test
    void onceTheHoldersCaseExistsEveryRetryReplaysIt() {
        ledger.record(KEY, claim(10, T0, "a", "fp"));
        ledger.record(KEY, claim(11, T0.plusMillis(5), "b", "fp"));
        created.add(10L);

        Decision decision = decide("fp", T0.plusSeconds(100));

        assertThat(decision).isInstanceOf(Replay.class);
        assertThat(((Replay) decision).holder().offset()).isEqualTo(10);
    }

    @Test
    void aDifferentRequestUnderTheKeyIsAMismatchWhoeverHoldsIt() {
        ledger.record(KEY, claim(10, T0, "a", "fp"));

        assertThat(decide("other", T0.plusSeconds(1))).isInstanceOf(Mismatch.class);
        created.add(10L);
        assertThat(decide("other", T0.plusSeconds(1))).isInstanceOf(Mismatch.class);
    }

    @Test
    void aRacingClaimOfADifferentRequestNeverHoldsTheKey() {
        ledger.record(KEY, claim(10, T0, "a", "fp"));
        ledger.record(KEY, claim(11, T0.plus(LEASE).plusSeconds(1), "b", "other"));

        Decision decision = decide("fp", T0.plus(LEASE).plusSeconds(2));

        assertThat(decision).isInstanceOf(Unclaimed.class);
    }

    @Test
    void whenTheHolderGaveUpTheFirstClaimAfterItsLeaseTakesOver() {
        ledger.record(KEY, claim(10, T0, "a", "fp"));
        ledger.record(KEY, claim(11, T0.plusSeconds(10), "too-early", "fp"));
        ledger.record(KEY, claim(12, T0.plus(LEASE), "b", "fp"));
        ledger.record(KEY, claim(13, T0.plus(LEASE).plusSeconds(1), "c", "fp"));

        Decision decision = decide("fp", T0.plus(LEASE).plusSeconds(2));

        assertThat(decision).isInstanceOf(InProgress.class);
        assertThat(((InProgress) decision).holder().claimId()).isEqualTo("b");
        created.add(12L);
        assertThat(((Replay) decide("fp", T0.plusSeconds(100))).holder().claimId()).isEqualTo("b");
    }

    @Test
    void aKeyWhoseHolderGaveUpWithoutSuccessorIsFreeAgainAfterTheLease() {
        ledger.record(KEY, claim(10, T0, "a", "fp"));

        assertThat(decide("fp", T0.plus(LEASE).minusMillis(1))).isInstanceOf(InProgress.class);
        assertThat(decide("fp", T0.plus(LEASE))).isInstanceOf(Unclaimed.class);
    }

    @Test
    void keysOfOtherOrganisationsAreOtherKeys() {
        ledger.record(new ScopedKey("northwind", "key-1"), claim(10, T0, "a", "fp"));

        assertThat(decide("other", T0)).isInstanceOf(Unclaimed.class);
    }

    @Test
    void aClaimReadTwiceCountsOnce() {
        ledger.record(KEY, claim(10, T0, "a", "fp"));
        ledger.record(KEY, claim(10, T0, "a", "fp"));
        ledger.record(KEY, claim(12, T0.plus(LEASE), "b", "fp"));

        assertThat(((InProgress) decide("fp", T0.plus(LEASE).plusSeconds(1))).holder().claimId()).isEqualTo("b");
    }

    private Decision decide(String fingerprint, Instant now) {
        return ledger.decide(KEY, fingerprint, now, claim -> created.contains(claim.offset()));
    }

    private static KeyedClaim claim(long offset, Instant appendedAt, String claimId, String fingerprint) {
        return new KeyedClaim(offset, appendedAt, claimId, fingerprint);
    }
}
