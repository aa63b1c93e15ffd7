package io.supportsla.sla.targets;

import io.supportsla.calendar.Region;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Everything the SLA rules keep about one case: the facts that set its targets, the targets and
 * how they stand, and the timers still to fire. Immutable; {@link SlaRules} derives the next
 * state. This is what the per-case state store holds and what the query API shows.
 *
 * @param sev1Since when the case became SEV1 (creation or upgrade); null unless SEV1
 * @param hotlineCallAt the first hotline call logged while the case was SEV1; null if none
 * @param statusUpdate the current SEV1 status-update cycle; null unless SEV1 after the first response
 * @param statusUpdateNumber number of the current status-update cycle, counting from 1 after the first response
 * @param recentEventIds ids of the last case events applied, to ignore redelivered duplicates
 */
public record CaseSla(
        String caseNumber,
        Severity severity,
        Region region,
        Instant receivedAt,
        String title,
        String customerName,
        Duration statusUpdateInterval,
        Instant sev1Since,
        Instant hotlineCallAt,
        TargetState response,
        TargetState statusUpdate,
        int statusUpdateNumber,
        int statusUpdatesMet,
        int statusUpdatesMissed,
        Instant firstResponseAt,
        String consultant,
        Instant resolvedAt,
        List<PendingTimer> timers,
        List<String> recentEventIds) {

    /** How many case event ids a case remembers for de-duplication. */
    public static final int REMEMBERED_EVENT_IDS = 32;

    public CaseSla {
        Objects.requireNonNull(caseNumber, "caseNumber");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(statusUpdateInterval, "statusUpdateInterval");
        Objects.requireNonNull(response, "response");
        List<PendingTimer> sorted = new ArrayList<>(timers == null ? List.of() : timers);
        sorted.sort(PendingTimer.BY_DUE_TIME);
        timers = List.copyOf(sorted);
        recentEventIds = recentEventIds == null ? List.of() : List.copyOf(recentEventIds);
    }

    /** The earliest pending timer's due instant, if any: where the case sits in the due-time index. */
    public Optional<Instant> nextDueAt() {
        return timers.isEmpty() ? Optional.empty() : Optional.of(timers.get(0).dueAt());
    }

    public CaseStage stage() {
        if (resolvedAt != null) {
            return CaseStage.RESOLVED;
        }
        return firstResponseAt == null ? CaseStage.AWAITING_RESPONSE : CaseStage.RESPONDED;
    }

    /** The target whose deadline comes next: the pending response target, else the pending status update. */
    public Optional<TargetState> nextTarget() {
        if (response.isPending()) {
            return Optional.of(response);
        }
        if (statusUpdate != null && statusUpdate.isPending()) {
            return Optional.of(statusUpdate);
        }
        return Optional.empty();
    }

    /** Queue order of SPEC 3.2: SEV1, SEV2, SEV3, END_USER_ISSUE, each by receipt (then case number). */
    public static final Comparator<CaseSla> QUEUE_ORDER = Comparator
            .comparing((CaseSla c) -> c.severity().queueRank())
            .thenComparing(CaseSla::receivedAt)
            .thenComparing(CaseSla::caseNumber);

    boolean hasSeen(String eventId) {
        return recentEventIds.contains(eventId);
    }

    Builder toBuilder() {
        return new Builder(this);
    }

    /** Derives the next state field by field; used only by the rules. */
    static final class Builder {
        private final CaseSla from;
        private Severity severity;
        private Duration statusUpdateInterval;
        private Instant sev1Since;
        private Instant hotlineCallAt;
        private TargetState response;
        private TargetState statusUpdate;
        private int statusUpdateNumber;
        private int statusUpdatesMet;
        private int statusUpdatesMissed;
        private Instant firstResponseAt;
        private String consultant;
        private Instant resolvedAt;
        private final List<PendingTimer> timers;
        private final List<String> recentEventIds;

        private Builder(CaseSla from) {
            this.from = from;
            severity = from.severity;
            statusUpdateInterval = from.statusUpdateInterval;
            sev1Since = from.sev1Since;
            hotlineCallAt = from.hotlineCallAt;
            response = from.response;
            statusUpdate = from.statusUpdate;
            statusUpdateNumber = from.statusUpdateNumber;
            statusUpdatesMet = from.statusUpdatesMet;
            statusUpdatesMissed = from.statusUpdatesMissed;
            firstResponseAt = from.firstResponseAt;
            consultant = from.consultant;
            resolvedAt = from.resolvedAt;
            timers = new ArrayList<>(from.timers);
            recentEventIds = new ArrayList<>(from.recentEventIds);
        }

        Builder severity(Severity value) {
            severity = value;
            return this;
        }

        Builder statusUpdateInterval(Duration value) {
            statusUpdateInterval = value;
            return this;
        }

        Builder sev1Since(Instant value) {
            sev1Since = value;
            return this;
        }

        Builder hotlineCallAt(Instant value) {
            hotlineCallAt = value;
            return this;
        }

        Builder response(TargetState value) {
            response = value;
            return this;
        }

        Builder statusUpdate(TargetState value, int number) {
            statusUpdate = value;
            statusUpdateNumber = number;
            return this;
        }

        Builder statusUpdateMet() {
            statusUpdatesMet++;
            return this;
        }

        Builder statusUpdateMissed() {
            statusUpdatesMissed++;
            return this;
        }

        Builder firstResponse(Instant at, String by) {
            firstResponseAt = at;
            consultant = by;
            return this;
        }

        Builder resolvedAt(Instant value) {
            resolvedAt = value;
            return this;
        }

        Builder removeTimers(Predicate<PendingTimer> which) {
            timers.removeIf(which);
            return this;
        }

        Builder addTimer(PendingTimer timer) {
            timers.add(timer);
            return this;
        }

        Builder remember(String eventId) {
            if (eventId != null && !recentEventIds.contains(eventId)) {
                recentEventIds.add(eventId);
                while (recentEventIds.size() > REMEMBERED_EVENT_IDS) {
                    recentEventIds.remove(0);
                }
            }
            return this;
        }

        CaseSla build() {
            return new CaseSla(from.caseNumber, severity, from.region, from.receivedAt, from.title, from.customerName,
                    statusUpdateInterval, sev1Since, hotlineCallAt, response, statusUpdate, statusUpdateNumber,
                    statusUpdatesMet, statusUpdatesMissed, firstResponseAt, consultant, resolvedAt, timers, recentEventIds);
        }
    }
}
