package io.supportsla.escalation.rules;

import static io.supportsla.escalation.testing.Directories.DIRECTOR;
import static io.supportsla.escalation.testing.Directories.HOTLINE_ON_CALL;
import static io.supportsla.escalation.testing.Directories.LONDON_CONTACT;
import static io.supportsla.escalation.testing.Directories.REDWOOD_SHORES_CONTACT;
import static org.assertj.core.api.Assertions.assertThat;

import io.supportsla.calendar.BusinessCalendars;
import io.supportsla.escalation.directory.Contact;
import io.supportsla.escalation.testing.Directories;
import io.supportsla.schemas.common.Category;
import io.supportsla.schemas.common.Channel;
import io.supportsla.schemas.common.RecipientRole;
import io.supportsla.schemas.common.Region;
import io.supportsla.schemas.common.Severity;
import io.supportsla.schemas.escalation.AcknowledgementChannel;
import io.supportsla.schemas.escalation.EscalationReason;
import io.supportsla.schemas.sla.TargetKind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The escalation decisions as plain Java, at fixed moments of the offices' calendars. */
class EscalationRulesTest {

    private static final RespectiveTimeZone TIME_ZONES =
            new RespectiveTimeZone(BusinessCalendars.defaults().localBusinessHours());
    private static final String CASE = "C-0000-0042";

    // --- the respective time zone: each office in its own hours -------------------------------------

    @Test
    void aBreachDuringLondonHoursGoesToTheLondonContact() {
        // given Tuesday 11 March 2025, 10:00 in London
        EscalationFact.Raised raised = breachOf(Region.EMEA, Severity.SEV2, "2025-03-11T10:00:00Z");

        assertThat(raised.escalation().region()).isEqualTo(Region.EMEA);
        assertThat(raised.escalation().level()).isEqualTo(1);
        assertThat(raised.reason()).isEqualTo(EscalationReason.RESPONSE_BREACH);
        assertThat(contacts(raised)).containsExactly(LONDON_CONTACT);
        assertThat(roles(raised)).containsExactly(RecipientRole.REGIONAL_CONTACT);
    }

    @Test
    void aBreachDuringRedwoodShoresHoursGoesToTheRedwoodShoresContact() {
        // given Tuesday 14 January 2025, 18:00 UTC: 10:00 PST; London (18:00) and Sydney (05:00) are closed
        EscalationFact.Raised raised = breachOf(Region.AMER, Severity.SEV2, "2025-01-14T18:00:00Z");

        assertThat(raised.escalation().region()).isEqualTo(Region.AMER);
        assertThat(contacts(raised)).containsExactly(REDWOOD_SHORES_CONTACT);
    }

    @Test
    void aBreachDuringSydneyHoursGoesToTheLondonContactWhoCoversSydney() {
        // given Tuesday 11 March 2025, 00:00 UTC: 11:00 AEDT in Sydney
        EscalationFact.Raised raised = breachOf(Region.APAC, Severity.SEV3, "2025-03-11T00:00:00Z");

        assertThat(raised.escalation().region()).isEqualTo(Region.APAC);
        assertThat(contacts(raised)).containsExactly(LONDON_CONTACT);
    }

    @Test
    void aCaseWhoseOfficeIsClosedGoesToTheOfficeThatIsOpen() {
        // given an APAC case at 10:00 PST, when only Redwood Shores is open
        EscalationFact.Raised raised = breachOf(Region.APAC, Severity.SEV2, "2025-01-14T18:00:00Z");

        assertThat(raised.escalation().region()).isEqualTo(Region.AMER);
        assertThat(contacts(raised)).containsExactly(REDWOOD_SHORES_CONTACT);
    }

    @Test
    void whenNoOfficeIsOpenTheCasesOwnRegionTakesIt() {
        // given Saturday 15 March 2025, 12:00 UTC: every office is closed
        assertThat(breachOf(Region.AMER, Severity.SEV2, "2025-03-15T12:00:00Z").escalation().region()).isEqualTo(Region.AMER);
        assertThat(contacts(breachOf(Region.AMER, Severity.SEV2, "2025-03-15T12:00:00Z"))).containsExactly(REDWOOD_SHORES_CONTACT);
        assertThat(breachOf(Region.EMEA, Severity.SEV2, "2025-03-15T12:00:00Z").escalation().region()).isEqualTo(Region.EMEA);
    }

    @Test
    void anOfficeOnItsRegionalHolidayIsPassedOver() {
        // given Thursday 27 November 2025, 16:30 in Redwood Shores: Thanksgiving; Sydney is open (Friday 11:30 AEDT)
        EscalationFact.Raised onThanksgiving = breachOf(Region.AMER, Severity.SEV2, "2025-11-28T00:30:00Z");
        // and the same hour a week before, an ordinary Thursday
        EscalationFact.Raised aWeekBefore = breachOf(Region.AMER, Severity.SEV2, "2025-11-21T00:30:00Z");

        assertThat(aWeekBefore.escalation().region()).isEqualTo(Region.AMER);
        assertThat(contacts(aWeekBefore)).containsExactly(REDWOOD_SHORES_CONTACT);
        assertThat(onThanksgiving.escalation().region()).isEqualTo(Region.APAC);
        assertThat(contacts(onThanksgiving)).containsExactly(LONDON_CONTACT);
    }

    // --- recipients, channels and deadlines -----------------------------------------------------------

    @Test
    void aSev1ResponseBreachPagesAndEmailsTheContactAndTheHotlineWithin15Minutes() {
        Instant now = Instant.parse("2025-03-11T10:00:00Z");
        EscalationFact.Raised raised = breachOf(Region.EMEA, Severity.SEV1, now.toString());

        assertThat(contacts(raised)).containsExactly(LONDON_CONTACT, HOTLINE_ON_CALL);
        assertThat(roles(raised)).containsExactly(RecipientRole.REGIONAL_CONTACT, RecipientRole.HOTLINE_ON_CALL);
        assertThat(raised.escalation().channels()).containsExactly(Channel.EMAIL, Channel.PAGE);
        assertThat(raised.escalation().acknowledgeBy()).isEqualTo(now.plus(Duration.ofMinutes(15)));
    }

    @Test
    void otherBreachesEmailTheContactWithinTwoHours() {
        Instant now = Instant.parse("2025-03-11T10:00:00Z");
        EscalationFact.Raised raised = breachOf(Region.EMEA, Severity.SEV3, now.toString());

        assertThat(raised.escalation().channels()).containsExactly(Channel.EMAIL);
        assertThat(raised.escalation().acknowledgeBy()).isEqualTo(now.plus(Duration.ofHours(2)));
    }

    @Test
    void aMissedStatusUpdateIsAStatusUpdateBreachPagingTheContactOnly() {
        MutableClock clock = new MutableClock("2025-03-11T10:00:00Z");
        EscalationRules rules = rules(clock);
        CaseEscalations state = opened(rules, Region.EMEA, Severity.SEV1);

        Outcome outcome = rules.apply(state, breach(TargetKind.STATUS_UPDATE, clock.instant()));

        EscalationFact.Raised raised = (EscalationFact.Raised) outcome.facts().get(0);
        assertThat(raised.reason()).isEqualTo(EscalationReason.STATUS_UPDATE_BREACH);
        assertThat(contacts(raised)).containsExactly(LONDON_CONTACT);
        assertThat(raised.escalation().channels()).containsExactly(Channel.EMAIL, Channel.PAGE);
    }

    @Test
    void aCaseReclassifiedToSev1IsPagedAndGets15Minutes() {
        MutableClock clock = new MutableClock("2025-03-11T10:00:00Z");
        EscalationRules rules = rules(clock);
        CaseEscalations state = opened(rules, Region.EMEA, Severity.SEV3);
        state = rules.apply(state, new Trigger.CaseReclassified("e-upgrade", Severity.SEV1, Category.ALL_USERS_CANNOT_CONNECT)).state();

        EscalationFact.Raised raised = (EscalationFact.Raised) rules.apply(state, breach(TargetKind.RESPONSE, clock.instant())).facts().get(0);

        assertThat(raised.escalation().channels()).containsExactly(Channel.EMAIL, Channel.PAGE);
        assertThat(raised.escalation().acknowledgeBy()).isEqualTo(clock.instant().plus(Duration.ofMinutes(15)));
    }

    // --- disagreements ---------------------------------------------------------------------------------

    @Test
    void aDisagreementGoesToLevel1AndRaisedAgainWhileOpenToTheDirector() {
        MutableClock clock = new MutableClock("2025-03-11T10:00:00Z");
        EscalationRules rules = rules(clock);
        CaseEscalations state = opened(rules, Region.EMEA, Severity.SEV2);

        Outcome first = rules.apply(state, new Trigger.DisagreementRaised("e-1", "d-1", null, documentation(), "acme-helpdesk"));
        clock.advance(Duration.ofMinutes(30));
        Outcome second = rules.apply(first.state(), new Trigger.DisagreementRaised("e-2", "d-2", "d-1", documentation(), "acme-helpdesk"));

        EscalationFact.Raised level1 = (EscalationFact.Raised) first.facts().get(0);
        assertThat(level1.escalation().level()).isEqualTo(1);
        assertThat(level1.reason()).isEqualTo(EscalationReason.DISAGREEMENT);
        assertThat(level1.escalation().documentation()).isEqualTo(documentation());
        assertThat(contacts(level1)).containsExactly(LONDON_CONTACT);

        EscalationFact.Raised level2 = (EscalationFact.Raised) second.facts().get(0);
        assertThat(level2.escalation().escalationId()).isNotEqualTo(level1.escalation().escalationId());
        assertThat(level2.escalation().level()).isEqualTo(2);
        assertThat(contacts(level2)).containsExactly(DIRECTOR);
        assertThat(roles(level2)).containsExactly(RecipientRole.DIRECTOR);
        // and the level-1 escalation stops waiting
        assertThat(second.state().escalation(level1.escalationId()).orElseThrow().status()).isEqualTo(EscalationStatus.SUPERSEDED);
        assertThat(second.state().acknowledgementDeadlines()).containsOnlyKeys(level2.escalationId());
    }

    @Test
    void theSameDisagreementDeliveredTwiceEscalatesOnce() {
        EscalationRules rules = rules(new MutableClock("2025-03-11T10:00:00Z"));
        CaseEscalations state = opened(rules, Region.EMEA, Severity.SEV2);
        Trigger.DisagreementRaised disagreement = new Trigger.DisagreementRaised("e-1", "d-1", null, documentation(), "acme");

        Outcome first = rules.apply(state, disagreement);
        Outcome again = rules.apply(first.state(), disagreement);

        assertThat(first.facts()).hasSize(1);
        assertThat(again.facts()).isEmpty();
        assertThat(again.ignoredBecause()).contains(Ignored.DUPLICATE);
    }

    // --- acknowledgement timeouts -------------------------------------------------------------------

    @Test
    void withoutAcknowledgementTheBackupThenTheDirectorIsTold() {
        MutableClock clock = new MutableClock("2025-01-14T18:00:00Z");
        EscalationRules rules = rules(clock);
        CaseEscalations state = opened(rules, Region.AMER, Severity.SEV2);
        Outcome raised = rules.apply(state, breach(TargetKind.RESPONSE, clock.instant()));
        String id = raised.facts().get(0).escalationId();

        clock.advance(Duration.ofHours(2));
        Outcome toBackup = rules.apply(raised.state(), new Trigger.AcknowledgementDue(id));
        clock.advance(Duration.ofHours(2));
        Outcome toDirector = rules.apply(toBackup.state(), new Trigger.AcknowledgementDue(id));
        clock.advance(Duration.ofHours(2));
        Outcome nobodyLeft = rules.apply(toDirector.state(), new Trigger.AcknowledgementDue(id));

        EscalationFact.TimedOut firstTimeout = (EscalationFact.TimedOut) toBackup.facts().get(0);
        EscalationFact.Raised backup = (EscalationFact.Raised) toBackup.facts().get(1);
        assertThat(firstTimeout.nextRecipientRole()).isEqualTo(RecipientRole.BACKUP_CONTACT);
        assertThat(backup.escalationId()).isEqualTo(id);
        assertThat(backup.reason()).isEqualTo(EscalationReason.ACKNOWLEDGEMENT_TIMEOUT);
        assertThat(backup.previousRecipientRole()).isEqualTo(RecipientRole.REGIONAL_CONTACT);
        assertThat(backup.escalation().level()).isEqualTo(1);
        // Redwood Shores' contact is backed up by the London contact
        assertThat(contacts(backup)).containsExactly(LONDON_CONTACT);
        assertThat(roles(backup)).containsExactly(RecipientRole.BACKUP_CONTACT);

        EscalationFact.Raised director = (EscalationFact.Raised) toDirector.facts().get(1);
        assertThat(director.escalation().level()).isEqualTo(2);
        assertThat(director.previousRecipientRole()).isEqualTo(RecipientRole.BACKUP_CONTACT);
        assertThat(contacts(director)).containsExactly(DIRECTOR);

        assertThat(nobodyLeft.facts()).singleElement().isInstanceOfSatisfying(EscalationFact.TimedOut.class,
                timedOut -> assertThat(timedOut.nextRecipientRole()).isNull());
        assertThat(nobodyLeft.state().escalation(id).orElseThrow().status()).isEqualTo(EscalationStatus.UNACKNOWLEDGED);
        assertThat(nobodyLeft.state().acknowledgementDeadlines()).isEmpty();
    }

    @Test
    void anAcknowledgedEscalationDoesNotTimeOut() {
        MutableClock clock = new MutableClock("2025-03-11T10:00:00Z");
        EscalationRules rules = rules(clock);
        Outcome raised = rules.apply(opened(rules, Region.EMEA, Severity.SEV2), breach(TargetKind.RESPONSE, clock.instant()));
        String id = raised.facts().get(0).escalationId();

        clock.advance(Duration.ofMinutes(10));
        Outcome acknowledged = rules.apply(raised.state(),
                new Trigger.AcknowledgementReceived("r-1", id, "london-contact", AcknowledgementChannel.LINK, clock.instant()));
        clock.advance(Duration.ofHours(3));
        Outcome due = rules.apply(acknowledged.state(), new Trigger.AcknowledgementDue(id));

        assertThat(acknowledged.facts()).singleElement().isInstanceOf(EscalationFact.Acknowledged.class);
        assertThat(acknowledged.state().acknowledgementDeadlines()).isEmpty();
        assertThat(due.facts()).isEmpty();
        assertThat(due.ignoredBecause()).contains(Ignored.NOT_DUE);
    }

    @Test
    void aTimerFiringEarlyChangesNothing() {
        MutableClock clock = new MutableClock("2025-03-11T10:00:00Z");
        EscalationRules rules = rules(clock);
        Outcome raised = rules.apply(opened(rules, Region.EMEA, Severity.SEV2), breach(TargetKind.RESPONSE, clock.instant()));

        clock.advance(Duration.ofMinutes(119));
        Outcome early = rules.apply(raised.state(), new Trigger.AcknowledgementDue(raised.facts().get(0).escalationId()));

        assertThat(early.ignoredBecause()).contains(Ignored.NOT_DUE);
    }

    // --- resolution and ordering ----------------------------------------------------------------------

    @Test
    void resolvingTheCaseClosesItsEscalationsAndStopsNewOnes() {
        MutableClock clock = new MutableClock("2025-03-11T10:00:00Z");
        EscalationRules rules = rules(clock);
        Outcome raised = rules.apply(opened(rules, Region.EMEA, Severity.SEV2), breach(TargetKind.RESPONSE, clock.instant()));

        Outcome resolved = rules.apply(raised.state(), new Trigger.CaseResolved("e-r", clock.instant()));
        Outcome later = rules.apply(resolved.state(), breach(TargetKind.RESPONSE, clock.instant().plusSeconds(60)));

        assertThat(resolved.state().escalations()).extracting(Escalation::status).containsExactly(EscalationStatus.CLOSED);
        assertThat(resolved.state().acknowledgementDeadlines()).isEmpty();
        assertThat(later.facts()).isEmpty();
        assertThat(later.ignoredBecause()).contains(Ignored.CASE_RESOLVED);
    }

    @Test
    void aBreachThatOvertakesTheCaseEscalatesWhenTheCaseArrives() {
        MutableClock clock = new MutableClock("2025-03-11T10:00:00Z");
        EscalationRules rules = rules(clock);

        Outcome early = rules.apply(CaseEscalations.empty(CASE), breach(TargetKind.RESPONSE, clock.instant()));
        Outcome opened = rules.apply(early.state(), new Trigger.CaseOpened("e-c", facts(Region.EMEA, Severity.SEV2)));

        assertThat(early.facts()).isEmpty();
        assertThat(opened.facts()).singleElement().isInstanceOf(EscalationFact.Raised.class);
        assertThat(opened.state().pendingBreaches()).isEmpty();
    }

    @Test
    void escalationIdsNameTheCaseAndCount() {
        MutableClock clock = new MutableClock("2025-03-11T10:00:00Z");
        EscalationRules rules = rules(clock);
        Outcome first = rules.apply(opened(rules, Region.EMEA, Severity.SEV2), breach(TargetKind.RESPONSE, clock.instant()));
        Outcome second = rules.apply(first.state(), breach(TargetKind.STATUS_UPDATE, clock.instant()));

        assertThat(first.facts().get(0).escalationId()).isEqualTo("C-0000-0042-E1");
        assertThat(second.facts().get(0).escalationId()).isEqualTo("C-0000-0042-E2");
        assertThat(Escalation.caseNumberOf("C-0000-0042-E12")).isEqualTo(CASE);
        assertThat(Escalation.caseNumberOf("C-0000-0042")).isEmpty();
        assertThat(Escalation.caseNumberOf("nonsense-Ex")).isEmpty();
    }

    // --- helpers -----------------------------------------------------------------------------------------

    private static EscalationFact.Raised breachOf(Region region, Severity severity, String moment) {
        MutableClock clock = new MutableClock(moment);
        EscalationRules rules = rules(clock);
        Outcome outcome = rules.apply(opened(rules, region, severity), breach(TargetKind.RESPONSE, clock.instant()));
        assertThat(outcome.facts()).hasSize(1);
        return (EscalationFact.Raised) outcome.facts().get(0);
    }

    private static EscalationRules rules(Clock clock) {
        return new EscalationRules(Directories.processGuide(), AcknowledgementTimeouts.DEFAULTS, TIME_ZONES, clock);
    }

    private static CaseEscalations opened(EscalationRules rules, Region region, Severity severity) {
        return rules.apply(CaseEscalations.empty(CASE), new Trigger.CaseOpened("e-created", facts(region, severity))).state();
    }

    private static CaseFacts facts(Region region, Severity severity) {
        return new CaseFacts("Users cannot connect", severity, Category.ACCESS_POINTS_UNREACHABLE, "acme", "Acme Corporation",
                region, Instant.parse("2025-01-01T00:00:00Z"), null);
    }

    private static Trigger.BreachDetected breach(TargetKind kind, Instant deadline) {
        return new Trigger.BreachDetected("e-" + kind + deadline, kind, deadline, deadline);
    }

    private static Documentation documentation() {
        return new Documentation(List.of(CASE), "Users cannot connect", "Restarted twice", "200 users affected",
                "We disagree on the action plan");
    }

    private static List<Contact> contacts(EscalationFact.Raised raised) {
        return raised.escalation().currentStep().recipients().stream().map(Addressee::contact).toList();
    }

    private static List<RecipientRole> roles(EscalationFact.Raised raised) {
        return raised.escalation().currentStep().recipients().stream().map(Addressee::role).toList();
    }

    /** A clock the test moves by hand. */
    static final class MutableClock extends Clock {

        private Instant now;

        MutableClock(String start) {
            this.now = Instant.parse(start);
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
