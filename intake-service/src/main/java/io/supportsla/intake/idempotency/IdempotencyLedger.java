package io.supportsla.intake.idempotency;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Who owns an idempotency key, decided from the claims on the claims topic alone, so that every
 * instance decides the same. The first claim of a key holds it and fixes the request's fingerprint
 * (another request under the key is refused). The holder has a lease: if its case has not been
 * published when the lease ends, its owner has given up (owners publish well within the lease or
 * not at all), and the first claim appended after the lease ended holds the key next. Plain Java.
 */
public final class IdempotencyLedger {

    private final Duration lease;
    private final Map<ScopedKey, List<KeyedClaim>> claims = new ConcurrentHashMap<>();

    public IdempotencyLedger(Duration lease) {
        this.lease = lease;
    }

    /**
     * A claim of a key on the claims topic.
     *
     * @param offset its offset: it stands for the case number at that offset
     * @param appendedAt the broker's time of appending it
     * @param claimId its id
     * @param fingerprint the request's fingerprint
     */
    public record KeyedClaim(long offset, Instant appendedAt, String claimId, String fingerprint) {
    }

    /** What the claims say about a key. */
    public sealed interface Decision permits Unclaimed, Replay, InProgress, Mismatch {
    }

    /** Nobody holds the key (never claimed, or the last holder gave up): claim it. */
    public record Unclaimed() implements Decision {
    }

    /** The holder's case exists: answer with it. */
    public record Replay(KeyedClaim holder) implements Decision {
    }

    /** The holder's case is not (yet) published and its lease runs until {@code leaseEnds}. */
    public record InProgress(KeyedClaim holder, Instant leaseEnds) implements Decision {
    }

    /** The key was first claimed for a different request. */
    public record Mismatch() implements Decision {
    }

    /** Records a claim as read from the topic (in offset order; a claim seen again is ignored). */
    public void record(ScopedKey key, KeyedClaim claim) {
        claims.compute(key, (ignored, existing) -> {
            List<KeyedClaim> list = existing == null ? new ArrayList<>() : new ArrayList<>(existing);
            if (list.stream().noneMatch(known -> known.offset() == claim.offset())) {
                list.add(claim);
                list.sort(java.util.Comparator.comparingLong(KeyedClaim::offset));
            }
            return List.copyOf(list);
        });
    }

    public boolean isClaimed(ScopedKey key) {
        return claims.containsKey(key);
    }

    /**
     * Decides who holds the key now.
     *
     * @param caseCreated whether the case of a claim has been published; must see every case
     *     published before {@code now} for the answer to be final
     */
    public Decision decide(ScopedKey key, String fingerprint, Instant now, Predicate<KeyedClaim> caseCreated) {
        List<KeyedClaim> list = claims.getOrDefault(key, List.of());
        if (list.isEmpty()) {
            return new Unclaimed();
        }
        String requestFingerprint = list.get(0).fingerprint();
        if (!requestFingerprint.equals(fingerprint)) {
            return new Mismatch();
        }
        List<KeyedClaim> sameRequest = list.stream().filter(claim -> claim.fingerprint().equals(requestFingerprint)).toList();
        KeyedClaim holder = sameRequest.get(0);
        while (true) {
            if (caseCreated.test(holder)) {
                return new Replay(holder);
            }
            Instant leaseEnds = holder.appendedAt().plus(lease);
            long holderOffset = holder.offset();
            Optional<KeyedClaim> successor = sameRequest.stream()
                    .filter(claim -> claim.offset() > holderOffset && !claim.appendedAt().isBefore(leaseEnds))
                    .findFirst();
            if (successor.isEmpty()) {
                return now.isBefore(leaseEnds) ? new InProgress(holder, leaseEnds) : new Unclaimed();
            }
            holder = successor.get();
        }
    }
}
