package io.supportsla.intake.cases;

import io.supportsla.intake.casenumbers.CaseNumber;
import io.supportsla.schemas.cases.CallTaker;
import io.supportsla.schemas.cases.SubmissionChannel;
import io.supportsla.schemas.common.Category;
import io.supportsla.schemas.common.Region;
import io.supportsla.schemas.common.Severity;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A case as known from its events on {@code support.case-events} (see {@link CaseProjection}).
 * Immutable: each event gives a new value.
 *
 * @param number the case number
 * @param severity the current severity
 * @param category the current category
 * @param opening the facts as the case was opened, which never change
 * @param pointOfContact the first consultant who responded: the case's point of contact until resolution
 * @param firstRespondedAt when the first response was given
 * @param lastStatusUpdateAt when the last status update was given
 * @param statusUpdateIntervalMinutes the agreed interval between status updates (per customer, changed per case)
 * @param hotlineCalls the hotline calls logged, oldest first
 * @param disagreements the disagreements raised, oldest first
 * @param resolution how and when it was resolved, once it is
 * @param history every event applied, oldest first
 */
public record SupportCase(
        CaseNumber number,
        Severity severity,
        Category category,
        Opening opening,
        ActorRef pointOfContact,
        Instant firstRespondedAt,
        Instant lastStatusUpdateAt,
        int statusUpdateIntervalMinutes,
        List<HotlineCall> hotlineCalls,
        List<Disagreement> disagreements,
        Resolution resolution,
        List<HistoryEntry> history) {

    /** Queue order (SPEC 3.2): SEV1, SEV2, SEV3, END_USER_ISSUE, each in order of receipt (case number). */
    public static final Comparator<SupportCase> QUEUE_ORDER =
            Comparator.comparing(SupportCase::severity).thenComparing(SupportCase::number);

    public SupportCase {
        hotlineCalls = List.copyOf(hotlineCalls);
        disagreements = List.copyOf(disagreements);
        history = List.copyOf(history);
    }

    public boolean isResolved() {
        return resolution != null;
    }

    public boolean hasFirstResponse() {
        return firstRespondedAt != null;
    }

    public String customerId() {
        return opening.customerId();
    }

    public Optional<String> partnerId() {
        return Optional.ofNullable(opening.partnerId());
    }

    /** The organisation whose helpdesk acts for the customer: its partner if it has one, else the customer itself. */
    public String servedBy() {
        return partnerId().orElse(opening.customerId());
    }

    public Optional<Disagreement> disagreement(String id) {
        return disagreements.stream().filter(disagreement -> disagreement.id().equals(id)).findFirst();
    }

    boolean hasApplied(String eventId) {
        return history.stream().anyMatch(entry -> entry.eventId().equals(eventId));
    }

    SupportCase reclassified(Severity newSeverity, Category newCategory) {
        return new SupportCase(number, newSeverity, newCategory, opening, pointOfContact, firstRespondedAt, lastStatusUpdateAt,
                statusUpdateIntervalMinutes, hotlineCalls, disagreements, resolution, history);
    }

    SupportCase withHotlineCall(HotlineCall call) {
        return new SupportCase(number, severity, category, opening, pointOfContact, firstRespondedAt, lastStatusUpdateAt,
                statusUpdateIntervalMinutes, plus(hotlineCalls, call), disagreements, resolution, history);
    }

    /** The first response makes its consultant the point of contact; later ones change nothing here. */
    SupportCase responded(ActorRef consultant, Instant at) {
        if (hasFirstResponse()) {
            return this;
        }
        return new SupportCase(number, severity, category, opening, consultant, at, lastStatusUpdateAt,
                statusUpdateIntervalMinutes, hotlineCalls, disagreements, resolution, history);
    }

    SupportCase withStatusUpdate(Instant at, Integer newIntervalMinutes) {
        return new SupportCase(number, severity, category, opening, pointOfContact, firstRespondedAt, at,
                newIntervalMinutes != null ? newIntervalMinutes : statusUpdateIntervalMinutes,
                hotlineCalls, disagreements, resolution, history);
    }

    SupportCase withDisagreement(Disagreement disagreement) {
        return new SupportCase(number, severity, category, opening, pointOfContact, firstRespondedAt, lastStatusUpdateAt,
                statusUpdateIntervalMinutes, hotlineCalls, plus(disagreements, disagreement), resolution, history);
    }

    SupportCase resolved(Resolution newResolution) {
        return isResolved() ? this : new SupportCase(number, severity, category, opening, pointOfContact, firstRespondedAt,
                lastStatusUpdateAt, statusUpdateIntervalMinutes, hotlineCalls, disagreements, newResolution, history);
    }

    SupportCase recorded(HistoryEntry entry) {
        return new SupportCase(number, severity, category, opening, pointOfContact, firstRespondedAt, lastStatusUpdateAt,
                statusUpdateIntervalMinutes, hotlineCalls, disagreements, resolution, plus(history, entry));
    }

    private static <T> List<T> plus(List<T> list, T item) {
        List<T> longer = new java.util.ArrayList<>(list.size() + 1);
        longer.addAll(list);
        longer.add(item);
        return longer;
    }

    /**
     * The case as it was opened.
     *
     * @param severity the severity as classified at intake
     * @param category the category as filed
     * @param receivedAt when intake received it: its place in the queue
     * @param submissionId the submitter's id for the request that opened it, if any
     */
    public record Opening(Severity severity, Category category, String title, String description,
                          String customerId, String customerName, String partnerId, Region region,
                          ActorRef openedBy, SubmissionChannel submissionChannel, boolean configurationChange,
                          Instant receivedAt, String submissionId) {
    }

    public record HotlineCall(Instant calledAt, CallTaker takenBy, String takerName, String callerName, String message,
                              ActorRef loggedBy) {
    }

    public record Disagreement(String id, Instant raisedAt, ActorRef raisedBy, String previousDisagreementId, String reason) {
    }

    public record Resolution(Instant resolvedAt, ActorRef resolvedBy, String resolution) {
    }

    /**
     * @param eventId the event's id
     * @param type the payload's record name, e.g. {@code CaseResponded}
     * @param occurredAt when it happened
     * @param actor who did it
     */
    public record HistoryEntry(String eventId, String type, Instant occurredAt, ActorRef actor) {
    }
}
