package io.supportsla.console.view;

import static io.supportsla.console.testing.Events.breached;
import static io.supportsla.console.testing.Events.caseCreated;
import static io.supportsla.console.testing.Events.caseResolved;
import static io.supportsla.console.testing.Events.caseResponded;
import static io.supportsla.console.testing.Events.disagreementRaised;
import static io.supportsla.console.testing.Events.escalationAcknowledged;
import static io.supportsla.console.testing.Events.escalationRaised;
import static io.supportsla.console.testing.Events.escalationTimedOut;
import static io.supportsla.console.testing.Events.met;
import static io.supportsla.console.testing.Events.notificationFailed;
import static io.supportsla.console.testing.Events.notificationSent;
import static io.supportsla.console.testing.Events.recipient;
import static io.supportsla.console.testing.Events.responseTarget;
import static io.supportsla.console.testing.Events.severityChanged;
import static io.supportsla.console.testing.Events.target;
import static io.supportsla.console.testing.Events.timerStarted;
import static io.supportsla.console.testing.Events.warning;
import static org.assertj.core.api.Assertions.assertThat;

import io.supportsla.console.testing.Events;
import io.supportsla.console.testing.Events.Customer;
import io.supportsla.console.testing.MutableClock;
import io.supportsla.schemas.cases.CaseEvent;
import io.supportsla.schemas.common.RecipientRole;
import io.supportsla.schemas.common.Region;
import io.supportsla.schemas.common.Severity;
import io.supportsla.schemas.escalation.EscalationReason;
import io.supportsla.schemas.sla.SlaTarget;
import io.supportsla.schemas.sla.TargetKind;
import io.supportsla.security.Caller;
import io.supportsla.security.Role;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ConsoleViewTest {

    static final Caller CONSULTANT = new Caller("jane-consultant", "supportsla", Role.CONSULTANT);
    static final Caller ANSWERING_SERVICE = new Caller("answering-service", "supportsla", Role.ANSWERING_SERVICE);
    static final Caller ACME_HELPDESK = new Caller("acme-helpdesk", "acme", Role.HELPDESK);
    static final Caller NORTHWIND_HELPDESK = new Caller("northwind-helpdesk", "northwind", Role.HELPDESK);
    static final Caller GLOBEX_HELPDESK = new Caller("globex-helpdesk", "globex", Role.HELPDESK);
    static final Caller ACME_END_USER = new Caller("acme-end-user", "acme", Role.END_USER);

    final Instant start = Instant.parse("2026-11-23T10:00:00Z");
    final MutableClock clock = new MutableClock(start);
    final ConsoleView view = new ConsoleView(clock, ViewSettings.DEFAULTS);

    String open(String caseNumber, Severity severity, Customer customer, Duration receivedAfterStart) {
        view.apply(caseCreated(caseNumber, severity, customer, start.plus(receivedAfterStart)));
        return caseNumber;
    }

    SlaTarget startResponseTimer(String caseNumber, Duration length) {
        SlaTarget target = responseTarget(Severity.SEV1, start, start.plus(length));
        view.apply(timerStarted(caseNumber, target, start));
        return target;
    }

    QueueEntry only(List<QueueEntry> queue, String caseNumber) {
        return queue.stream().filter(entry -> entry.caseNumber().equals(caseNumber)).findFirst().orElseThrow();
    }

    @Nested
    class QueueOrder {

        @Test
        void listsSev1ThenSev2ThenSev3ThenEndUserIssuesEachInOrderOfReceipt() {
            open("C-0000-0001", Severity.SEV3, Customer.ACME, Duration.ofMinutes(1));
            open("C-0000-0002", Severity.END_USER_ISSUE, Customer.ACME, Duration.ofMinutes(0));
            open("C-0000-0003", Severity.SEV1, Customer.ACME, Duration.ofMinutes(5));
            open("C-0000-0004", Severity.SEV2, Customer.GLOBEX, Duration.ofMinutes(2));
            open("C-0000-0005", Severity.SEV1, Customer.GLOBEX, Duration.ofMinutes(3));
            open("C-0000-0006", Severity.SEV3, Customer.INITECH, Duration.ofMinutes(0));

            assertThat(view.queue(CONSULTANT)).extracting(QueueEntry::caseNumber)
                    .containsExactly("C-0000-0005", "C-0000-0003", "C-0000-0004", "C-0000-0006", "C-0000-0001", "C-0000-0002");
        }

        @Test
        void aReclassifiedCaseTakesItsPlaceUnderItsNewSeverity() {
            open("C-0000-0001", Severity.SEV1, Customer.ACME, Duration.ofMinutes(1));
            open("C-0000-0002", Severity.SEV3, Customer.ACME, Duration.ofMinutes(0));

            view.apply(severityChanged("C-0000-0002", Severity.SEV3, Severity.SEV1, start.plus(Duration.ofMinutes(2))));

            assertThat(view.queue(CONSULTANT)).extracting(QueueEntry::caseNumber).containsExactly("C-0000-0002", "C-0000-0001");
            assertThat(view.queue(CONSULTANT).get(0).severity()).isEqualTo(Severity.SEV1);
        }

        @Test
        void aResolvedCaseLeavesTheQueueAndIsListedAsRecentlyResolvedForAWhile() {
            open("C-0000-0001", Severity.SEV1, Customer.ACME, Duration.ZERO);
            view.apply(caseResolved("C-0000-0001", start.plus(Duration.ofMinutes(30))));
            clock.advance(Duration.ofMinutes(31));

            assertThat(view.queue(CONSULTANT)).isEmpty();
            assertThat(view.recentlyResolved(CONSULTANT)).singleElement()
                    .satisfies(entry -> assertThat(entry.state()).isEqualTo(CaseState.RESOLVED));

            clock.advance(ViewSettings.DEFAULTS.resolvedCasesShownFor());
            assertThat(view.recentlyResolved(CONSULTANT)).isEmpty();
        }

        @Test
        void aCaseWhoseSlaEventsArriveBeforeItsCaseCreatedJoinsTheQueueWhenItArrives() {
            SlaTarget target = responseTarget(Severity.SEV1, start, start.plus(Duration.ofHours(1)));
            view.apply(timerStarted("C-0000-0001", target, start));
            assertThat(view.queue(CONSULTANT)).isEmpty();

            open("C-0000-0001", Severity.SEV1, Customer.ACME, Duration.ZERO);

            QueueEntry entry = view.queue(CONSULTANT).get(0);
            assertThat(entry.countdown()).isEqualTo(new Countdown(TargetKind.RESPONSE, start.plus(Duration.ofHours(1))));
            assertThat(entry.state()).isEqualTo(CaseState.RUNNING);
        }
    }

    @Nested
    class States {

        final String caseNumber = "C-0000-0001";

        @Test
        void runsTowardsTheResponseDeadlineOfSlaTimerStarted() {
            open(caseNumber, Severity.SEV1, Customer.ACME, Duration.ZERO);
            startResponseTimer(caseNumber, Duration.ofHours(1));

            QueueEntry entry = only(view.queue(CONSULTANT), caseNumber);
            assertThat(entry.state()).isEqualTo(CaseState.RUNNING);
            assertThat(entry.countdown().deadline()).isEqualTo(start.plus(Duration.ofHours(1)));
            assertThat(entry.countdown().remaining(start.plus(Duration.ofMinutes(20)))).isEqualTo(Duration.ofMinutes(40));
        }

        @Test
        void runsWithoutACountdownUntilTheSlaServiceReportsTheTarget() {
            open(caseNumber, Severity.SEV2, Customer.ACME, Duration.ZERO);

            QueueEntry entry = only(view.queue(CONSULTANT), caseNumber);
            assertThat(entry.state()).isEqualTo(CaseState.RUNNING);
            assertThat(entry.countdown()).isNull();
        }

        @Test
        void warnsOnceAWarningThresholdPassesKeepingTheHighest() {
            open(caseNumber, Severity.SEV1, Customer.ACME, Duration.ZERO);
            SlaTarget target = startResponseTimer(caseNumber, Duration.ofHours(1));

            view.apply(warning(caseNumber, target, 50, start.plus(Duration.ofMinutes(30))));
            view.apply(warning(caseNumber, target, 75, start.plus(Duration.ofMinutes(45))));

            QueueEntry entry = only(view.queue(CONSULTANT), caseNumber);
            assertThat(entry.state()).isEqualTo(CaseState.WARNING);
            assertThat(entry.warningPercent()).isEqualTo(75);
        }

        @Test
        void isBreachedWhenTheResponseTargetIsBreachedAndCountsOverdueUntilSomeoneResponds() {
            open(caseNumber, Severity.SEV1, Customer.ACME, Duration.ZERO);
            SlaTarget target = startResponseTimer(caseNumber, Duration.ofHours(1));
            view.apply(warning(caseNumber, target, 90, start.plus(Duration.ofMinutes(54))));

            view.apply(breached(caseNumber, target, start.plus(Duration.ofHours(1))));

            QueueEntry entry = only(view.queue(CONSULTANT), caseNumber);
            assertThat(entry.state()).isEqualTo(CaseState.BREACHED);
            assertThat(entry.countdown().isOverdue(start.plus(Duration.ofMinutes(61)))).isTrue();

            view.apply(caseResponded(caseNumber, start.plus(Duration.ofMinutes(70))));
            entry = only(view.queue(CONSULTANT), caseNumber);
            assertThat(entry.state()).as("a response breach stays a breach").isEqualTo(CaseState.BREACHED);
            assertThat(entry.countdown()).isNull();
            assertThat(entry.pointOfContact()).isEqualTo("jane-consultant");
        }

        @Test
        void isMetWhenTheFirstResponseCameInTimeThenCountsDownToTheNextStatusUpdate() {
            open(caseNumber, Severity.SEV1, Customer.ACME, Duration.ZERO);
            SlaTarget target = startResponseTimer(caseNumber, Duration.ofHours(1));
            view.apply(caseResponded(caseNumber, start.plus(Duration.ofMinutes(20))));
            view.apply(met(caseNumber, target, start.plus(Duration.ofMinutes(20))));
            SlaTarget update = target(TargetKind.STATUS_UPDATE, Severity.SEV1, Region.EMEA, start.plus(Duration.ofMinutes(20)),
                    start.plus(Duration.ofMinutes(80)));
            view.apply(timerStarted(caseNumber, update, start.plus(Duration.ofMinutes(20))));

            QueueEntry entry = only(view.queue(CONSULTANT), caseNumber);
            assertThat(entry.state()).isEqualTo(CaseState.MET);
            assertThat(entry.countdown()).isEqualTo(new Countdown(TargetKind.STATUS_UPDATE, start.plus(Duration.ofMinutes(80))));
        }

        @Test
        void aMissedStatusUpdateIsABreachUntilAnUpdateIsGivenInTime() {
            open(caseNumber, Severity.SEV1, Customer.ACME, Duration.ZERO);
            SlaTarget response = startResponseTimer(caseNumber, Duration.ofHours(1));
            view.apply(met(caseNumber, response, start.plus(Duration.ofMinutes(10))));
            SlaTarget first = target(TargetKind.STATUS_UPDATE, Severity.SEV1, Region.EMEA, start.plus(Duration.ofMinutes(10)),
                    start.plus(Duration.ofMinutes(70)));
            view.apply(timerStarted(caseNumber, first, start.plus(Duration.ofMinutes(10))));

            view.apply(breached(caseNumber, first, start.plus(Duration.ofMinutes(70))));
            SlaTarget next = target(TargetKind.STATUS_UPDATE, Severity.SEV1, Region.EMEA, start.plus(Duration.ofMinutes(70)),
                    start.plus(Duration.ofMinutes(130)));
            view.apply(timerStarted(caseNumber, next, start.plus(Duration.ofMinutes(70))));

            QueueEntry entry = only(view.queue(CONSULTANT), caseNumber);
            assertThat(entry.state()).isEqualTo(CaseState.BREACHED);
            assertThat(entry.missedStatusUpdates()).isEqualTo(1);

            view.apply(met(caseNumber, next, start.plus(Duration.ofMinutes(100))));
            assertThat(only(view.queue(CONSULTANT), caseNumber).state()).isEqualTo(CaseState.MET);
        }

        @Test
        void aMovedDeadlineRestartsTheCountdownAndClearsTheWarning() {
            open(caseNumber, Severity.SEV1, Customer.ACME, Duration.ZERO);
            SlaTarget target = startResponseTimer(caseNumber, Duration.ofHours(1));
            view.apply(warning(caseNumber, target, 50, start.plus(Duration.ofMinutes(30))));

            SlaTarget moved = responseTarget(Severity.SEV1, start.plus(Duration.ofMinutes(31)), start.plus(Duration.ofMinutes(46)));
            view.apply(timerStarted(caseNumber, moved, start.plus(Duration.ofMinutes(31))));

            QueueEntry entry = only(view.queue(CONSULTANT), caseNumber);
            assertThat(entry.state()).isEqualTo(CaseState.RUNNING);
            assertThat(entry.countdown().deadline()).isEqualTo(start.plus(Duration.ofMinutes(46)));
        }

        @Test
        void aSettledResponseTargetIsNotReopenedByALaterTimer() {
            open(caseNumber, Severity.SEV1, Customer.ACME, Duration.ZERO);
            SlaTarget target = startResponseTimer(caseNumber, Duration.ofHours(1));
            view.apply(breached(caseNumber, target, start.plus(Duration.ofHours(1))));

            view.apply(timerStarted(caseNumber, responseTarget(Severity.SEV1, start, start.plus(Duration.ofHours(2))), start));

            assertThat(only(view.queue(CONSULTANT), caseNumber).state()).isEqualTo(CaseState.BREACHED);
        }

        @Test
        void isResolvedOnceResolved() {
            open(caseNumber, Severity.SEV1, Customer.ACME, Duration.ZERO);
            SlaTarget target = startResponseTimer(caseNumber, Duration.ofHours(1));
            view.apply(breached(caseNumber, target, start.plus(Duration.ofHours(1))));

            view.apply(caseResolved(caseNumber, start.plus(Duration.ofHours(2))));

            QueueEntry entry = view.recentlyResolved(CONSULTANT).get(0);
            assertThat(entry.state()).isEqualTo(CaseState.RESOLVED);
            assertThat(entry.countdown()).isNull();
        }
    }

    @Nested
    class Escalations {

        final String caseNumber = "C-0000-0001";
        final String escalationId = caseNumber + "-E1";

        @Test
        void aRaisedEscalationAwaitsAcknowledgementWithItsLevelAndRecipients() {
            open(caseNumber, Severity.SEV1, Customer.ACME, Duration.ZERO);
            view.apply(escalationRaised(caseNumber, escalationId, 1, EscalationReason.RESPONSE_BREACH,
                    recipient("London contact", RecipientRole.REGIONAL_CONTACT), start, start.plus(Duration.ofMinutes(15)), null));

            EscalationEntry entry = view.escalations(CONSULTANT).get(0);
            assertThat(entry.state()).isEqualTo(EscalationState.AWAITING);
            assertThat(entry.level()).isEqualTo(1);
            assertThat(entry.reason()).isEqualTo(EscalationReason.RESPONSE_BREACH);
            assertThat(entry.recipients()).extracting(RecipientEntry::name).containsExactly("London contact");
            assertThat(entry.acknowledgeBy()).isEqualTo(start.plus(Duration.ofMinutes(15)));
            assertThat(entry.caseTitle()).contains(caseNumber);
        }

        @Test
        void anUnacknowledgedEscalationPassesToTheBackupThenTheDirectorThenNobody() {
            open(caseNumber, Severity.SEV1, Customer.ACME, Duration.ZERO);
            view.apply(escalationRaised(caseNumber, escalationId, 1, EscalationReason.RESPONSE_BREACH,
                    recipient("London contact", RecipientRole.REGIONAL_CONTACT), start, start.plus(Duration.ofMinutes(15)), "sla-1"));
            view.apply(escalationTimedOut(caseNumber, escalationId, 1, start.plus(Duration.ofMinutes(15)), RecipientRole.BACKUP_CONTACT));
            view.apply(escalationRaised(caseNumber, escalationId, 1, EscalationReason.ACKNOWLEDGEMENT_TIMEOUT,
                    recipient("London backup", RecipientRole.BACKUP_CONTACT), start.plus(Duration.ofMinutes(15)),
                    start.plus(Duration.ofMinutes(30)), null));

            EscalationEntry entry = view.escalations(CONSULTANT).get(0);
            assertThat(entry.state()).isEqualTo(EscalationState.AWAITING);
            assertThat(entry.timeouts()).isEqualTo(1);
            assertThat(entry.reason()).as("the reason it was raised for").isEqualTo(EscalationReason.RESPONSE_BREACH);
            assertThat(entry.recipients()).extracting(RecipientEntry::role).containsExactly(RecipientRole.BACKUP_CONTACT);

            view.apply(escalationTimedOut(caseNumber, escalationId, 1, start.plus(Duration.ofMinutes(30)), RecipientRole.DIRECTOR));
            view.apply(escalationRaised(caseNumber, escalationId, 2, EscalationReason.ACKNOWLEDGEMENT_TIMEOUT,
                    recipient("Director", RecipientRole.DIRECTOR), start.plus(Duration.ofMinutes(30)),
                    start.plus(Duration.ofMinutes(45)), null));
            view.apply(escalationTimedOut(caseNumber, escalationId, 2, start.plus(Duration.ofMinutes(45)), null));

            entry = view.escalations(CONSULTANT).get(0);
            assertThat(entry.state()).isEqualTo(EscalationState.UNACKNOWLEDGED);
            assertThat(entry.level()).isEqualTo(2);
            assertThat(entry.isOpen()).isTrue();
        }

        @Test
        void anAcknowledgedEscalationIsNoLongerOpenAndIsListedForAWhile() {
            open(caseNumber, Severity.SEV1, Customer.ACME, Duration.ZERO);
            view.apply(escalationRaised(caseNumber, escalationId, 1, EscalationReason.RESPONSE_BREACH,
                    recipient("London contact", RecipientRole.REGIONAL_CONTACT), start, start.plus(Duration.ofMinutes(15)), null));
            view.recordAcknowledgementRequested(escalationId, "jane-consultant");
            assertThat(view.escalations(CONSULTANT).get(0).isAcknowledgementRequested()).isTrue();

            view.apply(escalationAcknowledged(caseNumber, escalationId, "jane-consultant", start.plus(Duration.ofMinutes(5))));

            EscalationEntry entry = view.escalations(CONSULTANT).get(0);
            assertThat(entry.state()).isEqualTo(EscalationState.ACKNOWLEDGED);
            assertThat(entry.acknowledgedBy()).isEqualTo("jane-consultant");
            assertThat(entry.isAcknowledgementRequested()).isFalse();
            assertThat(view.counts().openEscalations()).isZero();

            clock.advance(Duration.ofMinutes(5).plus(ViewSettings.DEFAULTS.settledEscalationsShownFor()));
            assertThat(view.escalations(CONSULTANT)).isEmpty();
        }

        @Test
        void aLevelTwoDisagreementSupersedesTheLevelOneEscalationItRaisesAgainWhicheverTopicIsReadFirst() {
            open(caseNumber, Severity.SEV2, Customer.ACME, Duration.ZERO);
            // escalation-service's events read before the case events that caused them
            view.apply(escalationRaised(caseNumber, caseNumber + "-E1", 1, EscalationReason.DISAGREEMENT,
                    recipient("London contact", RecipientRole.REGIONAL_CONTACT), start, start.plus(Duration.ofHours(2)), "case-event-1"));
            view.apply(escalationRaised(caseNumber, caseNumber + "-E2", 2, EscalationReason.DISAGREEMENT,
                    recipient("Director", RecipientRole.DIRECTOR), start.plus(Duration.ofMinutes(10)),
                    start.plus(Duration.ofHours(3)), "case-event-2"));
            view.apply(disagreementRaised(caseNumber, "case-event-1", "D-1", null, start));
            view.apply(disagreementRaised(caseNumber, "case-event-2", "D-2", "D-1", start.plus(Duration.ofMinutes(10))));

            assertThat(view.caseDetails(CONSULTANT, caseNumber).orElseThrow().escalations())
                    .extracting(EscalationEntry::escalationId, EscalationEntry::state)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(caseNumber + "-E1", EscalationState.SUPERSEDED),
                            org.assertj.core.groups.Tuple.tuple(caseNumber + "-E2", EscalationState.AWAITING));
            assertThat(view.escalations(CONSULTANT)).extracting(EscalationEntry::escalationId).containsExactly(caseNumber + "-E2");
        }

        @Test
        void theEscalationsOfAResolvedCaseAreClosed() {
            open(caseNumber, Severity.SEV1, Customer.ACME, Duration.ZERO);
            view.apply(escalationRaised(caseNumber, escalationId, 1, EscalationReason.RESPONSE_BREACH,
                    recipient("London contact", RecipientRole.REGIONAL_CONTACT), start, start.plus(Duration.ofMinutes(15)), null));

            view.apply(caseResolved(caseNumber, start.plus(Duration.ofMinutes(5))));

            assertThat(view.escalations(CONSULTANT)).isEmpty();
            assertThat(view.caseDetails(CONSULTANT, caseNumber).orElseThrow().escalations().get(0).state())
                    .isEqualTo(EscalationState.CLOSED);
        }

        @Test
        void openEscalationsAreListedMostUrgentFirst() {
            open("C-0000-0001", Severity.SEV2, Customer.ACME, Duration.ZERO);
            open("C-0000-0002", Severity.SEV1, Customer.ACME, Duration.ZERO);
            view.apply(escalationRaised("C-0000-0001", "C-0000-0001-E1", 1, EscalationReason.RESPONSE_BREACH,
                    recipient("London contact", RecipientRole.REGIONAL_CONTACT), start, start.plus(Duration.ofHours(2)), null));
            view.apply(escalationRaised("C-0000-0002", "C-0000-0002-E1", 1, EscalationReason.RESPONSE_BREACH,
                    recipient("London contact", RecipientRole.REGIONAL_CONTACT), start, start.plus(Duration.ofMinutes(15)), null));

            assertThat(view.escalations(CONSULTANT)).extracting(EscalationEntry::escalationId)
                    .containsExactly("C-0000-0002-E1", "C-0000-0001-E1");
        }
    }

    @Nested
    class Notifications {

        @Test
        void listsTheLatestNotificationsNewestFirstWithTheirOutcome() {
            open("C-0000-0001", Severity.SEV1, Customer.ACME, Duration.ZERO);
            view.apply(notificationSent("C-0000-0001", "n-1", start.plus(Duration.ofMinutes(1))));
            view.apply(notificationFailed("C-0000-0001", "n-2", start.plus(Duration.ofMinutes(2))));

            assertThat(view.latestNotifications(CONSULTANT))
                    .extracting(NotificationEntry::notificationId, NotificationEntry::outcome)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("n-2", NotificationEntry.Outcome.FAILED),
                            org.assertj.core.groups.Tuple.tuple("n-1", NotificationEntry.Outcome.SENT));
            assertThat(view.latestNotifications(CONSULTANT).get(0).statusCode()).isEqualTo(400);
        }

        @Test
        void listsNoMoreThanConfigured() {
            ConsoleView small = new ConsoleView(clock, new ViewSettings(Duration.ofHours(1), Duration.ofDays(1), Duration.ofHours(1), 2));
            small.apply(caseCreated("C-0000-0001", Severity.SEV1, Customer.ACME, start));
            for (int i = 1; i <= 5; i++) {
                small.apply(notificationSent("C-0000-0001", "n-" + i, start.plus(Duration.ofMinutes(i))));
            }

            assertThat(small.latestNotifications(CONSULTANT)).extracting(NotificationEntry::notificationId).containsExactly("n-5", "n-4");
        }
    }

    @Nested
    class OrganisationFiltering {

        @Test
        void aHelpdeskSeesOnlyItsOrganisationsCasesAndConsultantsSeeEverything() {
            open("C-0000-0001", Severity.SEV1, Customer.ACME, Duration.ZERO);
            open("C-0000-0002", Severity.SEV1, Customer.GLOBEX, Duration.ZERO);
            open("C-0000-0003", Severity.SEV2, Customer.INITECH, Duration.ZERO);

            assertThat(view.queue(ACME_HELPDESK)).extracting(QueueEntry::caseNumber).containsExactly("C-0000-0001");
            assertThat(view.queue(CONSULTANT)).hasSize(3);
            assertThat(view.queue(ANSWERING_SERVICE)).hasSize(3);
            assertThat(view.caseDetails(ACME_HELPDESK, "C-0000-0002")).isEmpty();
            assertThat(view.maySee(ACME_HELPDESK, "C-0000-0002")).isFalse();
            assertThat(view.maySee(ACME_HELPDESK, "C-0000-0001")).isTrue();
        }

        @Test
        void thePartnerServingACustomerSeesItsCasesAndSoDoesTheCustomersOwnHelpdeskAsInIntake() {
            open("C-0000-0002", Severity.SEV1, Customer.GLOBEX, Duration.ZERO);

            assertThat(view.queue(NORTHWIND_HELPDESK)).extracting(QueueEntry::caseNumber).containsExactly("C-0000-0002");
            assertThat(view.queue(GLOBEX_HELPDESK)).extracting(QueueEntry::caseNumber).containsExactly("C-0000-0002");
            assertThat(view.queue(ACME_HELPDESK)).isEmpty();
        }

        @Test
        void anEndUserSeesOnlyTheCasesTheyOpened() {
            view.apply(caseCreated("C-0000-0001", Severity.END_USER_ISSUE, Customer.ACME, start,
                    Events.endUser("acme-end-user", "acme")));
            open("C-0000-0002", Severity.SEV1, Customer.ACME, Duration.ZERO);

            assertThat(view.queue(ACME_END_USER)).extracting(QueueEntry::caseNumber).containsExactly("C-0000-0001");
        }

        @Test
        void escalationsAndNotificationsOfAnotherOrganisationsCasesAreNotShown() {
            open("C-0000-0002", Severity.SEV1, Customer.GLOBEX, Duration.ZERO);
            view.apply(escalationRaised("C-0000-0002", "C-0000-0002-E1", 1, EscalationReason.RESPONSE_BREACH,
                    recipient("London contact", RecipientRole.REGIONAL_CONTACT), start, start.plus(Duration.ofMinutes(15)), null));
            view.apply(notificationSent("C-0000-0002", "n-1", start));

            assertThat(view.escalations(ACME_HELPDESK)).isEmpty();
            assertThat(view.escalation(ACME_HELPDESK, "C-0000-0002-E1")).isEmpty();
            assertThat(view.latestNotifications(ACME_HELPDESK)).isEmpty();
            assertThat(view.escalations(NORTHWIND_HELPDESK)).hasSize(1);
            assertThat(view.escalation(CONSULTANT, "C-0000-0002-E1")).isPresent();
        }

        @Test
        void aCaseWhoseCaseCreatedHasNotBeenReadIsShownToStaffOnly() {
            view.apply(notificationSent("C-0000-0009", "n-1", start));

            assertThat(view.caseDetails(CONSULTANT, "C-0000-0009")).get().satisfies(details -> assertThat(details.isKnown()).isFalse());
            assertThat(view.caseDetails(ACME_HELPDESK, "C-0000-0009")).isEmpty();
            assertThat(view.latestNotifications(ACME_HELPDESK)).isEmpty();
        }
    }

    @Nested
    class Timeline {

        @Test
        void holdsEveryEventOfTheCaseFromTheFourTopicsInTheOrderTheyHappened() {
            String caseNumber = "C-0000-0001";
            SlaTarget target = responseTarget(Severity.SEV1, start, start.plus(Duration.ofHours(1)));
            // read out of order across topics
            view.apply(notificationSent(caseNumber, "n-1", start.plus(Duration.ofMinutes(61))));
            view.apply(timerStarted(caseNumber, target, start));
            view.apply(breached(caseNumber, target, start.plus(Duration.ofHours(1))));
            view.apply(caseCreated(caseNumber, Severity.SEV1, Customer.ACME, start.minusMillis(5)));
            view.apply(escalationRaised(caseNumber, caseNumber + "-E1", 1, EscalationReason.RESPONSE_BREACH,
                    recipient("London contact", RecipientRole.REGIONAL_CONTACT), start.plus(Duration.ofSeconds(3601)),
                    start.plus(Duration.ofMinutes(75)), null));

            CaseDetails details = view.caseDetails(CONSULTANT, caseNumber).orElseThrow();
            assertThat(details.timeline()).extracting(TimelineEntry::type)
                    .containsExactly("CaseCreated", "SlaTimerStarted", "SlaBreached", "EscalationRaised", "NotificationSent");
            assertThat(details.timeline()).extracting(TimelineEntry::origin)
                    .containsExactly(Origin.CASE, Origin.SLA, Origin.SLA, Origin.ESCALATION, Origin.NOTIFICATION);
            assertThat(details.timeline().get(2).summary()).contains("BREACHED");
        }

        @Test
        void aRedeliveredEventIsAppliedOnce() {
            CaseEvent created = caseCreated("C-0000-0001", Severity.SEV1, Customer.ACME, start);

            assertThat(view.apply(created)).isTrue();
            assertThat(view.apply(created)).isFalse();

            assertThat(view.caseDetails(CONSULTANT, "C-0000-0001").orElseThrow().timeline()).hasSize(1);
        }
    }

    @Nested
    class Memory {

        @Test
        void aResolvedCaseIsForgottenAfterItsRetentionAndItsLaterEventsAreIgnored() {
            open("C-0000-0001", Severity.SEV1, Customer.ACME, Duration.ZERO);
            view.apply(caseResolved("C-0000-0001", start));
            clock.advance(ViewSettings.DEFAULTS.resolvedCaseRetention());

            view.forgetExpired();

            assertThat(view.caseDetails(CONSULTANT, "C-0000-0001")).isEmpty();
            assertThat(view.apply(notificationSent("C-0000-0001", "n-late", clock.instant()))).isFalse();
            assertThat(view.counts().cases()).isZero();
        }

        @Test
        void replayingAnOldResolvedCaseDoesNotKeepIt() {
            clock.advance(Duration.ofDays(30));
            open("C-0000-0001", Severity.SEV1, Customer.ACME, Duration.ZERO);
            view.apply(caseResolved("C-0000-0001", start.plus(Duration.ofHours(1))));

            assertThat(view.counts().cases()).isZero();
        }
    }

    @Test
    void tellsListenersWhichCaseChanged() {
        List<String> heard = new ArrayList<>();
        view.addListener(heard::add);

        open("C-0000-0001", Severity.SEV1, Customer.ACME, Duration.ZERO);
        view.apply("not an event");

        assertThat(heard).containsExactly("C-0000-0001");
    }
}
