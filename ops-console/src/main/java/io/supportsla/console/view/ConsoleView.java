package io.supportsla.console.view;

import io.supportsla.security.Caller;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What the console knows, folded from every event of the four topics: each case with its targets,
 * escalations, notifications and timeline. Plain Java: events go in through {@link #apply}, in the
 * order one reader reads them (each topic in order per case, the topics interleaved in any order);
 * queries answer for one viewer, showing only the cases {@link CaseAccess} lets them see.
 *
 * <p>Every instance builds its own view from the beginning of the topics, so it is rebuilt at each
 * start. A resolved case is forgotten {@link ViewSettings#resolvedCaseRetention()} after its
 * resolution (its later events are ignored), which bounds memory by the open cases plus the recently
 * resolved ones. Listeners hear the number of each case that changed.
 */
public final class ConsoleView {

    private final Clock clock;
    private final ViewSettings settings;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<String, CaseFile> cases = new HashMap<>();
    private final Map<String, String> caseOfEscalation = new HashMap<>();
    private final Set<String> forgotten = new HashSet<>();
    private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();
    private long sequence;

    public ConsoleView(Clock clock, ViewSettings settings) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** Hears the case number of every change, after it has been applied (on the applying thread). */
    public void addListener(Consumer<String> listener) {
        listeners.add(listener);
    }

    /**
     * Folds one value of the four topics into the view.
     *
     * @param value a {@code CaseEvent}, {@code SlaEvent}, {@code EscalationEvent} or {@code NotificationEvent}
     * @return whether it changed anything (false for other values, redeliveries and forgotten cases)
     */
    public boolean apply(Object value) {
        Optional<Envelope> read = Envelope.of(value);
        if (read.isEmpty()) {
            return false;
        }
        Envelope event = read.get();
        lock.writeLock().lock();
        try {
            if (forgotten.contains(event.caseNumber())) {
                return false;
            }
            CaseFile file = cases.computeIfAbsent(event.caseNumber(), CaseFile::new);
            if (!file.apply(event, ++sequence)) {
                return false;
            }
            file.escalationIds().forEach(id -> caseOfEscalation.putIfAbsent(id, file.caseNumber));
            if (isExpired(file, clock.instant())) {
                forget(file);
            }
        } finally {
            lock.writeLock().unlock();
        }
        listeners.forEach(listener -> listener.accept(event.caseNumber()));
        return true;
    }

    /** Forgets resolved cases past their retention. */
    public void forgetExpired() {
        Instant now = clock.instant();
        lock.writeLock().lock();
        try {
            List<CaseFile> expired = cases.values().stream().filter(file -> isExpired(file, now)).toList();
            expired.forEach(this::forget);
        } finally {
            lock.writeLock().unlock();
        }
    }

    private boolean isExpired(CaseFile file, Instant now) {
        return file.isResolved() && !file.resolvedAt().plus(settings.resolvedCaseRetention()).isAfter(now);
    }

    private void forget(CaseFile file) {
        cases.remove(file.caseNumber);
        forgotten.add(file.caseNumber);
        for (Iterator<String> ids = caseOfEscalation.values().iterator(); ids.hasNext(); ) {
            if (ids.next().equals(file.caseNumber)) {
                ids.remove();
            }
        }
    }

    // ---- queries, each for one viewer ----------------------------------------------------------

    /** The open cases the viewer may see, in queue order (SPEC 3.2). */
    public List<QueueEntry> queue(Caller viewer) {
        return read(() -> visible(viewer).stream()
                .filter(file -> file.isKnown() && !file.isResolved())
                .map(CaseFile::queueEntry)
                .sorted(QueueEntry.QUEUE_ORDER)
                .toList());
    }

    /** Cases resolved within {@link ViewSettings#resolvedCasesShownFor()}, the latest first. */
    public List<QueueEntry> recentlyResolved(Caller viewer) {
        Instant since = clock.instant().minus(settings.resolvedCasesShownFor());
        return read(() -> visible(viewer).stream()
                .filter(file -> file.isKnown() && file.isResolved() && file.resolvedAt().isAfter(since))
                .map(CaseFile::queueEntry)
                .sorted(ViewOrder.LATEST_RESOLVED_FIRST)
                .toList());
    }

    /**
     * The escalations waiting for acknowledgement, the most urgent first, then those acknowledged
     * within {@link ViewSettings#settledEscalationsShownFor()}, the latest first.
     */
    public List<EscalationEntry> escalations(Caller viewer) {
        Instant since = clock.instant().minus(settings.settledEscalationsShownFor());
        return read(() -> {
            List<EscalationEntry> all = visible(viewer).stream().flatMap(file -> file.escalationEntries().stream()).toList();
            List<EscalationEntry> listed = new ArrayList<>(all.stream().filter(EscalationEntry::isOpen)
                    .sorted(ViewOrder.OPEN_ESCALATIONS).toList());
            all.stream()
                    .filter(entry -> entry.state() == EscalationState.ACKNOWLEDGED && entry.acknowledgedAt() != null
                            && entry.acknowledgedAt().isAfter(since))
                    .sorted(ViewOrder.LATEST_ACKNOWLEDGED_FIRST)
                    .forEach(listed::add);
            return List.copyOf(listed);
        });
    }

    /** The latest notifications of the cases the viewer may see, newest first. */
    public List<NotificationEntry> latestNotifications(Caller viewer) {
        return read(() -> visible(viewer).stream()
                .flatMap(file -> file.notifications().stream())
                .sorted(ViewOrder.NEWEST_NOTIFICATION_FIRST)
                .limit(settings.latestNotifications())
                .toList());
    }

    /** Everything about one case, if the viewer may see it (a case they may not see looks like an unknown one). */
    public Optional<CaseDetails> caseDetails(Caller viewer, String caseNumber) {
        return read(() -> Optional.ofNullable(cases.get(caseNumber))
                .filter(file -> CaseAccess.maySee(viewer, file.ownership()))
                .map(CaseFile::details));
    }

    public boolean maySee(Caller viewer, String caseNumber) {
        return read(() -> {
            CaseFile file = cases.get(caseNumber);
            return file != null && CaseAccess.maySee(viewer, file.ownership());
        });
    }

    /** One escalation, if the viewer may see its case. */
    public Optional<EscalationEntry> escalation(Caller viewer, String escalationId) {
        return read(() -> Optional.ofNullable(caseOfEscalation.get(escalationId))
                .map(cases::get)
                .filter(file -> CaseAccess.maySee(viewer, file.ownership()))
                .map(file -> file.escalationEntry(escalationId)));
    }

    /**
     * Notes that a person asked escalation-service to acknowledge an escalation, so every page shows
     * it as requested until the acknowledgement arrives on the topic.
     */
    public void recordAcknowledgementRequested(String escalationId, String principal) {
        String caseNumber;
        lock.writeLock().lock();
        try {
            caseNumber = caseOfEscalation.get(escalationId);
            CaseFile file = caseNumber == null ? null : cases.get(caseNumber);
            if (file == null || !file.acknowledgementRequested(escalationId, principal, clock.instant())) {
                return;
            }
        } finally {
            lock.writeLock().unlock();
        }
        listeners.forEach(listener -> listener.accept(caseNumber));
    }

    /** Counts for metrics. */
    public record Counts(int cases, int openCases, int openEscalations) {
    }

    public Counts counts() {
        return read(() -> {
            int open = 0;
            int openEscalations = 0;
            for (CaseFile file : cases.values()) {
                if (file.isKnown() && !file.isResolved()) {
                    open++;
                }
                openEscalations += (int) file.escalationEntries().stream().filter(EscalationEntry::isOpen).count();
            }
            return new Counts(cases.size(), open, openEscalations);
        });
    }

    public Clock clock() {
        return clock;
    }

    private Collection<CaseFile> visible(Caller viewer) {
        if (CaseAccess.isStaff(viewer)) {
            return cases.values();
        }
        return cases.values().stream().filter(file -> CaseAccess.maySee(viewer, file.ownership())).toList();
    }

    private <T> T read(Supplier<T> query) {
        lock.readLock().lock();
        try {
            return query.get();
        } finally {
            lock.readLock().unlock();
        }
    }
}
