package io.supportsla.sla.targets;

import static org.assertj.core.api.Assertions.assertThat;

import io.supportsla.calendar.BusinessCalendars;
import io.supportsla.calendar.Region;
import io.supportsla.sla.targets.CaseFact.CaseOpened;
import io.supportsla.sla.targets.CaseFact.Reclassified;
import io.supportsla.sla.targets.CaseFact.Resolved;
import io.supportsla.sla.targets.CaseFact.Responded;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules as plain Java: state transitions the topology tests do not show directly. */
class SlaRulesTest {

    private static final Instant CREATED = Instant.parse("2025-03-11T10:00:00Z");
    private final SlaRules rules = new SlaRules(new ResponseTargets(SlaPolicy.defaults(), BusinessCalendars.defaults()));

    @Test
    void newCaseHasThreeWarningsAndABreachPendingAndIsIndexedAtTheFirstWarning() {
        CaseSla state = open(Severity.SEV1).state();

        assertThat(state.timers()).extracting(PendingTimer::kind, PendingTimer::dueAt).containsExactly(
                org.assertj.core.groups.Tuple.tuple(TimerKind.RESPONSE_WARNING, Instant.parse("2025-03-11T10:30:00Z")),
                org.assertj.core.groups.Tuple.tuple(TimerKind.RESPONSE_WARNING, Instant.parse("2025-03-11T10:45:00Z")),
                org.assertj.core.groups.Tuple.tuple(TimerKind.RESPONSE_WARNING, Instant.parse("2025-03-11T10:54:00Z")),
                org.assertj.core.groups.Tuple.tuple(TimerKind.RESPONSE_BREACH, Instant.parse("2025-03-11T11:00:00Z")));
        assertThat(state.nextDueAt()).contains(Instant.parse("2025-03-11T10:30:00Z"));
        assertThat(state.stage()).isEqualTo(CaseStage.AWAITING_RESPONSE);
    }

    @Test
    void warningsAlreadyBehindTheMomentATargetIsSetAreSkipped() {
        CaseSla state = open(Severity.SEV1).state();
        Instant downgradedAt = Instant.parse("2025-03-11T15:30:00Z");

        CaseSla downgraded = rules.apply(state, new Reclassified("e2", "C-1", Severity.SEV2, downgradedAt), downgradedAt).state();

        // 8 business hours from 10:00: 50% at 14:00 and 75% at 16:00; only the 75% and 90% warnings lie ahead of 15:30.
        assertThat(downgraded.timers()).extracting(PendingTimer::thresholdPercent).containsExactly(75, 90, 0);
    }

    @Test
    void nothingIsDueBeforeTheFirstTimer() {
        CaseSla state = open(Severity.SEV1).state();

        assertThat(rules.fireDue(state, Instant.parse("2025-03-11T10:29:59.999Z")).change()).isEqualTo(Decision.Change.UNCHANGED);
    }

    @Test
    void reclassificationToTheSameSeverityChangesNoTarget() {
        CaseSla state = open(Severity.SEV2).state();

        Decision decision = rules.apply(state, new Reclassified("e2", "C-1", Severity.SEV2, CREATED.plusSeconds(60)), CREATED);

        assertThat(decision.emissions()).isEmpty();
        assertThat(decision.state().response()).isEqualTo(state.response());
    }

    @Test
    void firstResponseMakesTheConsultantThePointOfContactAndLaterResponsesChangeNothing() {
        CaseSla state = open(Severity.SEV2).state();
        CaseSla responded = rules.apply(state, new Responded("e2", "C-1", CREATED.plusSeconds(60), "ana"), CREATED).state();

        Decision second = rules.apply(responded, new Responded("e3", "C-1", CREATED.plusSeconds(120), "bob"), CREATED);

        assertThat(second.emissions()).isEmpty();
        assertThat(second.state().consultant()).isEqualTo("ana");
        assertThat(second.state().stage()).isEqualTo(CaseStage.RESPONDED);
        assertThat(second.state().response().status()).isEqualTo(TargetStatus.MET);
    }

    @Test
    void resolutionLeavesOnlyThePurgeTimerAfterTheRetentionPeriod() {
        CaseSla state = open(Severity.SEV1).state();
        Instant resolvedAt = CREATED.plusSeconds(300);

        CaseSla resolved = rules.apply(state, new Resolved("e2", "C-1", resolvedAt), resolvedAt).state();

        assertThat(resolved.timers()).containsExactly(new PendingTimer(TimerKind.PURGE, resolvedAt.plus(Duration.ofDays(7)), 0, 0));
        assertThat(rules.fireDue(resolved, resolvedAt.plus(Duration.ofDays(7))).change()).isEqualTo(Decision.Change.DELETED);
    }

    @Test
    void remembersOnlyTheLastEventIds() {
        CaseSla state = open(Severity.SEV3).state();
        for (int i = 0; i < CaseSla.REMEMBERED_EVENT_IDS + 5; i++) {
            state = rules.apply(state, new CaseFact.HotlineCalled("call-" + i, "C-1", CREATED), CREATED).state();
        }
        assertThat(state.recentEventIds()).hasSize(CaseSla.REMEMBERED_EVENT_IDS).last().isEqualTo("call-" + (CaseSla.REMEMBERED_EVENT_IDS + 4));
    }

    @Test
    void caseWithoutAnAgreedIntervalUsesTheDefault() {
        Decision decision = rules.apply(null, new CaseOpened("e1", "C-1", Severity.SEV1, Region.EMEA, CREATED, Duration.ZERO,
                "t", "c"), CREATED);
        assertThat(decision.state().statusUpdateInterval()).isEqualTo(Duration.ofMinutes(60));
    }

    @Test
    void queueOrderIsSeverityThenReceipt() {
        CaseSla sev3Early = opened("A", Severity.SEV3, CREATED);
        CaseSla sev1Late = opened("B", Severity.SEV1, CREATED.plusSeconds(60));
        CaseSla sev1Early = opened("C", Severity.SEV1, CREATED);
        CaseSla endUser = opened("D", Severity.END_USER_ISSUE, CREATED.minusSeconds(60));
        CaseSla sev2 = opened("E", Severity.SEV2, CREATED.plusSeconds(600));

        List<CaseSla> queue = List.of(sev3Early, sev1Late, sev1Early, endUser, sev2).stream().sorted(CaseSla.QUEUE_ORDER).toList();

        assertThat(queue).extracting(CaseSla::caseNumber).containsExactly("C", "B", "E", "A", "D");
    }

    private Decision open(Severity severity) {
        return rules.apply(null, new CaseOpened("e1", "C-1", severity, Region.EMEA, CREATED, Duration.ofMinutes(60), "t", "c"),
                CREATED);
    }

    private CaseSla opened(String caseNumber, Severity severity, Instant receivedAt) {
        return rules.apply(null, new CaseOpened("e-" + caseNumber, caseNumber, severity, Region.EMEA, receivedAt,
                Duration.ofMinutes(60), "t", "c"), receivedAt).state();
    }
}
