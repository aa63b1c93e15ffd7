package io.supportsla.systemtests;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.supportsla.localstack.MailSink;
import io.supportsla.localstack.PagerSink;
import io.supportsla.schemas.cases.CaseCreated;
import io.supportsla.schemas.common.Channel;
import io.supportsla.schemas.common.Recipient;
import io.supportsla.schemas.common.RecipientRole;
import io.supportsla.schemas.common.Severity;
import io.supportsla.schemas.escalation.EscalationRaised;
import io.supportsla.schemas.escalation.EscalationReason;
import io.supportsla.schemas.escalation.EscalationTimedOut;
import io.supportsla.schemas.notification.Notification;
import io.supportsla.schemas.notification.NotificationFailed;
import io.supportsla.schemas.notification.NotificationSent;
import io.supportsla.schemas.notification.NotificationTrigger;
import io.supportsla.schemas.notification.PageAction;
import io.supportsla.schemas.sla.SlaBreached;
import io.supportsla.schemas.sla.SlaMet;
import io.supportsla.schemas.sla.SlaTimerStarted;
import io.supportsla.schemas.sla.SlaWarning;
import io.supportsla.schemas.sla.TargetKind;
import io.supportsla.systemtests.TopicRecorder.Event;
import io.supportsla.systemtests.TopicRecorder.Recorded;

/**
 * Checks, from the topics and the sinks alone, that a {@link CaseLoad} came through whole: every
 * 201 is exactly one {@code CaseCreated}; every case's response timer started once and, once due,
 * breached once; every breach raised one escalation, every round of it timed out once and was
 * passed on once; every escalation round told each recipient once on each channel it names (one
 * {@code NotificationSent}, one email, one page trigger), as were the SEV1 call-outs and SLA
 * warnings; nothing failed and nothing was dead-lettered. Everything due by {@code cutoff} must be
 * there; what is not due yet may be missing but never doubled.
 *
 * <p>Repeated deliveries to the sinks are counted apart ({@link #repeatedDeliveries()}): the one
 * window notification-service documents (killed after the SMTP server or pager accepted a
 * notification and before its outcome was committed) repeats that notification with the same
 * {@code Message-ID} or {@code dedup_key}.
 */
final class LoadAudit {

    /** One promise checked over many items: how many were due, and how many came exactly once, never, or more often. */
    static final class Tally {

        private final String promise;
        private int due;
        private int once;
        private int missing;
        private int twice;
        private int notDue;
        private final List<String> examples = new ArrayList<>();

        Tally(String promise) {
            this.promise = promise;
        }

        /** Records one due item that was found {@code found} times. */
        void due(String item, int found) {
            due++;
            if (found == 1) {
                once++;
            } else {
                if (found == 0) {
                    missing++;
                } else {
                    twice++;
                }
                if (examples.size() < 5) {
                    examples.add(item + ": " + found + " times");
                }
            }
        }

        /** Records an item found {@code found} times, due if {@code dueAt} is before {@code cutoff}. */
        void found(String item, int found, Instant dueAt, Instant cutoff) {
            if (dueAt.isBefore(cutoff)) {
                due(item, found);
            } else {
                notDue(item, found);
            }
        }

        /** Records one item not due yet: only more than once is wrong. */
        void notDue(String item, int found) {
            notDue++;
            if (found > 1) {
                twice++;
                if (examples.size() < 5) {
                    examples.add(item + ": " + found + " times (not due yet)");
                }
            }
        }

        boolean holds() {
            return missing == 0 && twice == 0;
        }

        String promise() {
            return promise;
        }

        int dueCount() {
            return due;
        }

        int once() {
            return once;
        }

        int missing() {
            return missing;
        }

        int twice() {
            return twice;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%-84s due %6d  exactly once %6d  missing %4d  more than once %4d%s%s",
                    promise, due, once, missing, twice, notDue == 0 ? "" : "  (" + notDue + " more checked for doubles only)",
                    examples.isEmpty() ? "" : "  e.g. " + examples);
        }
    }

    private final List<Tally> tallies = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private final Map<String, Long> figures = new LinkedHashMap<>();
    private int repeatedEmails;
    private int repeatedPages;
    private List<Duration> breachLateness = List.of();

    private LoadAudit() {
    }

    /**
     * @param submissions what the load sent and was answered
     * @param records every record read from the four {@code support.*} topics
     * @param mails every email the SMTP server received
     * @param pages every event the pager endpoint received
     * @param deadLetters records on the {@code .dlq} topics, per topic
     * @param cutoff what was due by then must have happened
     */
    static LoadAudit of(List<CaseLoad.Submission> submissions, List<Recorded> records, List<MailSink.Mail> mails,
            List<PagerSink.Page> pages, Map<String, Long> deadLetters, Instant cutoff) {
        LoadAudit audit = new LoadAudit();
        Set<String> cases = audit.intake(submissions, records);
        audit.sla(records, cases, cutoff);
        audit.escalation(records, cases, cutoff);
        audit.notification(records, cases, mails, pages, cutoff);
        deadLetters.forEach((topic, count) -> {
            if (count > 0) {
                audit.problems.add(count + " record(s) on " + topic);
            }
        });
        audit.figures.put("dead letters", deadLetters.values().stream().mapToLong(Long::longValue).sum());
        return audit;
    }

    // ----------------------------------------------------------------------------------------- intake

    private Set<String> intake(List<CaseLoad.Submission> submissions, List<Recorded> records) {
        Map<String, List<Event<CaseCreated>>> createdByKey = new HashMap<>();
        for (Event<CaseCreated> created : events(records, CaseCreated.class)) {
            CaseLoad.keyOf(created.payload().getTitle())
                    .ifPresent(key -> createdByKey.computeIfAbsent(key, k -> new ArrayList<>()).add(created));
        }
        Tally answered = tally("every 201 is exactly one CaseCreated, with the case number answered");
        Tally unanswered = tally("a submission never answered 201 is at most one CaseCreated");
        long retried = 0;
        long createdWithout201 = 0;
        for (CaseLoad.Submission submission : submissions) {
            List<Event<CaseCreated>> created = createdByKey.getOrDefault(submission.key(), List.of());
            if (submission.attempts().size() > 1) {
                retried++;
            }
            if (submission.caseNumber().isPresent()) {
                String caseNumber = submission.caseNumber().get();
                created.stream().filter(event -> !caseNumber.equals(event.record().caseNumber()))
                        .forEach(event -> problems.add(submission.key() + " was answered " + caseNumber
                                + " but published as " + event.record().caseNumber()));
                answered.due(submission.key() + " (" + caseNumber + ")", created.size());
            } else {
                unanswered.notDue(submission.key(), created.size());
                createdWithout201 += created.size();
            }
            submission.attempts().stream()
                    .filter(attempt -> attempt.answer() == CaseLoad.Answer.SERVER_ERROR || attempt.answer() == CaseLoad.Answer.REFUSED)
                    .forEach(attempt -> problems.add(submission.key() + " answered " + attempt.status() + " in "
                            + attempt.phase() + ": " + attempt.detail()));
        }
        Set<String> known = submissions.stream().map(CaseLoad.Submission::key).collect(Collectors.toSet());
        createdByKey.keySet().stream().filter(key -> !known.contains(key))
                .forEach(key -> problems.add("a CaseCreated for a submission the load never sent: " + key));
        figures.put("submissions", (long) submissions.size());
        figures.put("submissions answered 201", submissions.stream().filter(s -> s.caseNumber().isPresent()).count());
        figures.put("submissions sent more than once", retried);
        figures.put("submissions never answered 201", submissions.stream().filter(s -> s.caseNumber().isEmpty()).count());
        figures.put("CaseCreated without a 201 (published, answer lost)", createdWithout201);
        return createdByKey.values().stream().flatMap(List::stream).map(event -> event.record().caseNumber())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    // -------------------------------------------------------------------------------------------- sla

    private void sla(List<Recorded> records, Set<String> cases, Instant cutoff) {
        Map<String, List<Event<SlaTimerStarted>>> timers = byCase(events(records, SlaTimerStarted.class), cases,
                event -> event.payload().getTarget().getKind() == TargetKind.RESPONSE);
        Map<String, List<Event<SlaBreached>>> breaches = byCase(events(records, SlaBreached.class), cases,
                event -> event.payload().getTarget().getKind() == TargetKind.RESPONSE);

        Tally started = tally("every case's response timer started exactly once (SlaTimerStarted)");
        Tally breached = tally("every due response deadline breached exactly once (SlaBreached)");
        List<Duration> lateness = new ArrayList<>();
        for (String caseNumber : cases) {
            List<Event<SlaTimerStarted>> caseTimers = timers.getOrDefault(caseNumber, List.of());
            started.due(caseNumber, caseTimers.size());
            if (caseTimers.isEmpty()) {
                continue;
            }
            Instant deadline = caseTimers.get(0).payload().getTarget().getDeadline();
            List<Event<SlaBreached>> caseBreaches = breaches.getOrDefault(caseNumber, List.of());
            caseBreaches.stream().filter(b -> !b.payload().getTarget().getDeadline().equals(deadline))
                    .forEach(b -> problems.add(caseNumber + " breached a deadline of " + b.payload().getTarget().getDeadline()
                            + ", its timer's is " + deadline));
            breached.found(caseNumber + " deadline " + deadline, caseBreaches.size(), deadline, cutoff);
            caseBreaches.forEach(b -> lateness.add(Duration.between(deadline, b.payload().getBreachedAt())));
        }
        long met = events(records, SlaMet.class).stream().filter(e -> cases.contains(e.record().caseNumber())).count();
        if (met > 0) {
            problems.add(met + " SlaMet for cases nobody answered");
        }
        Map<String, Long> warnings = events(records, SlaWarning.class).stream()
                .filter(e -> cases.contains(e.record().caseNumber()))
                .collect(Collectors.groupingBy(e -> e.record().caseNumber() + "/" + e.payload().getTarget().getKind() + "/"
                        + e.payload().getThresholdPercent(), Collectors.counting()));
        Tally warned = tally("an SLA warning is published once per case and threshold, if at all");
        warnings.forEach((key, count) -> warned.due(key, count.intValue()));
        figures.put("SLA warnings", warnings.values().stream().mapToLong(Long::longValue).sum());
        lateness.sort(null);
        breachLateness = List.copyOf(lateness);
    }

    // ------------------------------------------------------------------------------------- escalation

    private void escalation(List<Recorded> records, Set<String> cases, Instant cutoff) {
        List<Event<EscalationRaised>> rounds = events(records, EscalationRaised.class).stream()
                .filter(e -> cases.contains(e.record().caseNumber())).toList();
        List<Event<EscalationTimedOut>> timeouts = events(records, EscalationTimedOut.class).stream()
                .filter(e -> cases.contains(e.record().caseNumber())).toList();

        Tally raisedOnce = tally("every response breach raised exactly one escalation (EscalationRaised)");
        Map<String, Long> raisedByCause = rounds.stream().filter(e -> e.record().causationEventId() != null)
                .collect(Collectors.groupingBy(e -> e.record().causationEventId(), Collectors.counting()));
        // One escalation per breached deadline: a breach published twice is reported as such in sla(), not here.
        Map<String, List<Event<SlaBreached>>> breachesByDeadline = events(records, SlaBreached.class).stream()
                .filter(b -> cases.contains(b.record().caseNumber()) && b.payload().getTarget().getKind() == TargetKind.RESPONSE)
                .collect(Collectors.groupingBy(b -> b.record().caseNumber() + " deadline " + b.payload().getTarget().getDeadline(),
                        LinkedHashMap::new, Collectors.toList()));
        breachesByDeadline.forEach((deadline, breaches) -> {
            int found = 0;
            for (Event<SlaBreached> breach : breaches) {
                found += raisedByCause.getOrDefault(breach.record().eventId(), 0L).intValue();
                rounds.stream().filter(e -> breach.record().eventId().equals(e.record().causationEventId())
                        && e.payload().getReason() != EscalationReason.RESPONSE_BREACH)
                        .forEach(e -> problems.add(breach.record().caseNumber() + "'s response breach raised an escalation for "
                                + e.payload().getReason()));
            }
            raisedOnce.found(deadline, found, breaches.get(0).record().occurredAt(), cutoff);
        });

        Tally roundOnce = tally("every escalation round is published once (escalation, level, recipients)");
        rounds.stream().collect(Collectors.groupingBy(LoadAudit::roundKey, Collectors.counting()))
                .forEach((key, count) -> roundOnce.due(key, count.intValue()));

        Tally timedOutOnce = tally("every unacknowledged round timed out exactly once (EscalationTimedOut)");
        Map<String, Long> timeoutsByRound = timeouts.stream().collect(Collectors.groupingBy(
                e -> e.payload().getEscalationId() + "@" + e.payload().getAcknowledgeBy(), Collectors.counting()));
        for (Event<EscalationRaised> round : rounds) {
            String key = round.payload().getEscalationId() + "@" + round.payload().getAcknowledgeBy();
            int found = timeoutsByRound.getOrDefault(key, 0L).intValue();
            timedOutOnce.found(roundKey(round), found, round.payload().getAcknowledgeBy(), cutoff);
        }

        Tally passedOnce = tally("every timeout with a next recipient passed the escalation on exactly once");
        Map<String, List<Event<EscalationRaised>>> roundsByEscalation = rounds.stream()
                .collect(Collectors.groupingBy(e -> e.payload().getEscalationId()));
        for (Event<EscalationTimedOut> timeout : timeouts) {
            RecipientRole next = timeout.payload().getNextRecipientRole();
            if (next == null) {
                continue;
            }
            long found = roundsByEscalation.getOrDefault(timeout.payload().getEscalationId(), List.of()).stream()
                    .filter(round -> round.payload().getAcknowledgeBy().isAfter(timeout.payload().getAcknowledgeBy())
                            && round.payload().getRecipients().stream().anyMatch(r -> r.getRole() == next)
                            && round.payload().getPreviousRecipientRole() != null)
                    .count();
            passedOnce.found(timeout.payload().getEscalationId() + " to " + next, (int) found,
                    timeout.record().occurredAt(), cutoff);
        }
        figures.put("escalation rounds", (long) rounds.size());
        figures.put("escalation timeouts", (long) timeouts.size());
    }

    private static String roundKey(Event<EscalationRaised> round) {
        return round.payload().getEscalationId() + "/L" + round.payload().getLevel() + "/"
                + round.payload().getRecipients().stream().map(r -> r.getRole().name()).collect(Collectors.joining("+"));
    }

    // ----------------------------------------------------------------------------------- notification

    private void notification(List<Recorded> records, Set<String> cases, List<MailSink.Mail> mails,
            List<PagerSink.Page> pages, Instant cutoff) {
        List<Event<NotificationSent>> sent = events(records, NotificationSent.class).stream()
                .filter(e -> cases.contains(e.record().caseNumber())).toList();
        Map<String, Long> sentByExpectation = sent.stream().collect(Collectors.groupingBy(
                e -> expectation(e.record().causationEventId(), e.payload().getNotification()), Collectors.counting()));

        Tally told = tally("every escalation round told each recipient once per channel (NotificationSent)");
        for (Event<EscalationRaised> round : events(records, EscalationRaised.class)) {
            if (!cases.contains(round.record().caseNumber())) {
                continue;
            }
            for (String expected : expectedNotifications(round)) {
                int found = sentByExpectation.getOrDefault(expected, 0L).intValue();
                told.found(round.record().caseNumber() + " " + expected, found, round.record().occurredAt(), cutoff);
            }
        }
        Tally calledOut = tally("every SEV1 opened on a weekend or holiday of its region called the hotline out once");
        Map<String, Long> callOuts = sent.stream()
                .filter(e -> e.payload().getNotification().getTrigger() == NotificationTrigger.SEV1_CALL_OUT)
                .collect(Collectors.groupingBy(e -> e.record().causationEventId(), Collectors.counting()));
        for (Event<CaseCreated> created : events(records, CaseCreated.class)) {
            if (cases.contains(created.record().caseNumber()) && created.payload().getSeverity() == Severity.SEV1
                    && Scenarios.isWeekendOrHoliday(created.payload())) {
                int found = callOuts.getOrDefault(created.record().eventId(), 0L).intValue();
                calledOut.found(created.record().caseNumber(), found, created.record().occurredAt(), cutoff);
            }
        }
        Tally warned = tally("every SLA warning told the consulting team once");
        Map<String, Long> sentByCause = sent.stream().collect(Collectors.groupingBy(e -> e.record().causationEventId(),
                Collectors.counting()));
        for (Event<SlaWarning> warning : events(records, SlaWarning.class)) {
            if (cases.contains(warning.record().caseNumber())) {
                int found = sentByCause.getOrDefault(warning.record().eventId(), 0L).intValue();
                warned.found(warning.record().caseNumber(), found, warning.record().occurredAt(), cutoff);
            }
        }
        Tally recordedOnce = tally("every notification's outcome is published once (by notification id)");
        sent.stream().collect(Collectors.groupingBy(e -> e.payload().getNotification().getNotificationId(), Collectors.counting()))
                .forEach((id, count) -> recordedOnce.due(id, count.intValue()));
        long failed = events(records, NotificationFailed.class).stream().filter(e -> cases.contains(e.record().caseNumber())).count();
        if (failed > 0) {
            problems.add(failed + " NotificationFailed");
        }

        // The sinks: what the SMTP server and the pager endpoint actually received.
        Map<String, Long> mailsById = mails.stream().filter(mail -> mail.header("X-Notification-Id") != null)
                .filter(mail -> cases.contains(mail.header("X-Support-Case")))
                .collect(Collectors.groupingBy(mail -> mail.header("X-Notification-Id"), Collectors.counting()));
        Tally emailed = tally("every email recorded as sent reached the SMTP server (distinct Message-ID)");
        Set<String> emailIds = new LinkedHashSet<>();
        for (Event<NotificationSent> event : sent) {
            Notification notification = event.payload().getNotification();
            if (notification.getChannel() == Channel.EMAIL && emailIds.add(notification.getNotificationId())) {
                long received = mailsById.getOrDefault(notification.getNotificationId(), 0L);
                emailed.due(notification.getNotificationId(), received > 0 ? 1 : 0);
                repeatedEmails += (int) Math.max(0, received - 1);
            }
        }
        mailsById.keySet().stream().filter(id -> !emailIds.contains(id))
                .forEach(id -> problems.add("an email the SMTP server received was never recorded as sent: " + id));

        // Per notification id, as for emails: an outcome published twice is reported above, not here.
        Map<String, Long> expectedTriggers = sent.stream()
                .map(e -> e.payload().getNotification())
                .filter(n -> n.getChannel() == Channel.PAGE && n.getPageAction() == PageAction.TRIGGER)
                .collect(Collectors.toMap(Notification::getNotificationId, n -> n, (first, again) -> first))
                .values().stream()
                .collect(Collectors.groupingBy(n -> n.getRecipient().getPagerRoutingKey() + " " + n.getDedupKey(),
                        Collectors.counting()));
        Map<String, Long> receivedTriggers = pages.stream()
                .filter(page -> "trigger".equals(page.eventAction()) && page.dedupKey() != null
                        && cases.contains(page.dedupKey().substring(0, Math.max(0, page.dedupKey().indexOf('/')))))
                .collect(Collectors.groupingBy(page -> page.routingKey() + " " + page.dedupKey(), Collectors.counting()));
        Tally paged = tally("every page recorded as sent reached the pager (routing and dedup key)");
        expectedTriggers.forEach((key, expected) -> {
            long received = receivedTriggers.getOrDefault(key, 0L);
            for (int i = 0; i < expected; i++) {
                paged.due(key, i < received ? 1 : 0);
            }
            repeatedPages += (int) Math.max(0, received - expected);
        });
        receivedTriggers.keySet().stream().filter(key -> !expectedTriggers.containsKey(key))
                .forEach(key -> problems.add("a page the pager received was never recorded as sent: " + key));
        figures.put("notifications sent", (long) sent.size());
        figures.put("emails received", mailsById.values().stream().mapToLong(Long::longValue).sum());
        figures.put("page triggers received", receivedTriggers.values().stream().mapToLong(Long::longValue).sum());
    }

    /** The notifications an escalation round asks for: each recipient's address on each channel it names, once. */
    private static Set<String> expectedNotifications(Event<EscalationRaised> round) {
        Set<String> expected = new LinkedHashSet<>();
        for (Recipient recipient : round.payload().getRecipients()) {
            for (Channel channel : round.payload().getChannels()) {
                String address = address(recipient, channel);
                if (address != null) {
                    expected.add(round.record().eventId() + " " + channel + " " + address);
                }
            }
        }
        return expected;
    }

    private static String expectation(String causationEventId, Notification notification) {
        return causationEventId + " " + notification.getChannel() + " " + address(notification.getRecipient(), notification.getChannel());
    }

    private static String address(Recipient recipient, Channel channel) {
        String address = channel == Channel.EMAIL ? recipient.getEmail() : recipient.getPagerRoutingKey();
        return address == null ? null : address.toLowerCase(Locale.ROOT);
    }

    // ---------------------------------------------------------------------------------------- results

    private Tally tally(String promise) {
        Tally tally = new Tally(promise);
        tallies.add(tally);
        return tally;
    }

    private static <T> List<Event<T>> events(List<Recorded> records, Class<T> type) {
        return records.stream().filter(record -> type.isInstance(record.payload()))
                .map(record -> new Event<>(type.cast(record.payload()), record)).toList();
    }

    private static <T> Map<String, List<Event<T>>> byCase(List<Event<T>> events, Set<String> cases,
            java.util.function.Predicate<Event<T>> filter) {
        return events.stream().filter(e -> cases.contains(e.record().caseNumber())).filter(filter)
                .collect(Collectors.groupingBy(e -> e.record().caseNumber()));
    }

    /** Each promise with its counts. */
    List<Tally> tallies() {
        return List.copyOf(tallies);
    }

    /** Whether every promise holds and nothing else is wrong (repeated deliveries aside). */
    boolean holds() {
        return problems.isEmpty() && tallies.stream().allMatch(Tally::holds);
    }

    /** Everything that is due and missing; empty once the platform has caught up. */
    List<String> missing() {
        return tallies.stream().filter(t -> t.missing() > 0).map(Tally::toString).toList();
    }

    /** Everything wrong that waiting cannot mend: doubles and problems. */
    List<String> wrong() {
        List<String> wrong = new ArrayList<>(problems);
        tallies.stream().filter(t -> t.twice() > 0).map(Tally::toString).forEach(wrong::add);
        return wrong;
    }

    /** Emails and page triggers the sinks received more than once for one notification. */
    int repeatedDeliveries() {
        return repeatedEmails + repeatedPages;
    }

    int repeatedEmails() {
        return repeatedEmails;
    }

    int repeatedPages() {
        return repeatedPages;
    }

    Map<String, Long> figures() {
        return figures;
    }

    /** How late the breaches fired after their deadlines: p50, p99, max. */
    String breachLateness() {
        if (breachLateness.isEmpty()) {
            return "none";
        }
        return "p50 " + percentile(0.50).toMillis() + " ms, p99 " + percentile(0.99).toMillis() + " ms, max "
                + breachLateness.get(breachLateness.size() - 1).toMillis() + " ms";
    }

    private Duration percentile(double p) {
        int index = (int) Math.ceil(p * breachLateness.size()) - 1;
        return breachLateness.get(Math.max(0, Math.min(index, breachLateness.size() - 1)));
    }

    /** The report: one line per promise, then the figures. */
    String report() {
        StringBuilder report = new StringBuilder();
        tallies.forEach(tally -> report.append(tally).append('\n'));
        figures.forEach((name, value) -> report.append(String.format(Locale.ROOT, "%-52s %d%n", name, value)));
        report.append(String.format(Locale.ROOT, "%-52s %d (emails %d, page triggers %d)%n",
                "repeated deliveries (same Message-ID / dedup key)", repeatedDeliveries(), repeatedEmails, repeatedPages));
        report.append(String.format(Locale.ROOT, "%-52s %s%n", "breach lateness after the deadline", breachLateness()));
        problems.forEach(problem -> report.append("PROBLEM: ").append(problem).append('\n'));
        return report.toString();
    }
}
