package io.supportsla.sla.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.supportsla.calendar.BusinessCalendars;
import io.supportsla.calendar.Region;
import io.supportsla.sla.targets.CaseFact;
import io.supportsla.sla.targets.CaseSla;
import io.supportsla.sla.targets.CaseStage;
import io.supportsla.sla.targets.ResponseTargets;
import io.supportsla.sla.targets.Severity;
import io.supportsla.sla.targets.SlaPolicy;
import io.supportsla.sla.targets.SlaRules;
import io.supportsla.sla.targets.TargetKind;
import io.supportsla.sla.targets.TargetStatus;
import io.supportsla.sla.targets.TimerKind;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CaseSlaViewsTest {

    private static final Instant FRIDAY_20 = Instant.parse("2025-03-07T20:00:00Z");
    private final ResponseTargets targets = new ResponseTargets(SlaPolicy.defaults(), BusinessCalendars.defaults());
    private final SlaRules rules = new SlaRules(targets);
    private final CaseSlaViews views = new CaseSlaViews(targets);

    @Test
    void showsWallClockAndBusinessTimeToTheDeadline() {
        CaseSla sev2 = open("C-1", Severity.SEV2);
        Instant sundayNoon = Instant.parse("2025-03-09T12:00:00Z");

        CaseSlaView view = views.caseView(sev2, sundayNoon, "localhost:8082");

        assertThat(view.state()).isEqualTo(CaseStage.AWAITING_RESPONSE);
        assertThat(view.response().status()).isEqualTo(TargetStatus.PENDING);
        assertThat(view.response().deadline()).isEqualTo(Instant.parse("2025-03-10T04:00:00Z"));
        assertThat(view.response().timeToDeadline()).isEqualTo(Duration.ofHours(16));
        assertThat(view.response().remainingOnClock()).as("business time left: Monday 00:00 to 04:00").isEqualTo(Duration.ofHours(4));
        assertThat(view.nextDeadline()).isEqualTo(view.response().deadline());
        assertThat(view.pendingTimers()).extracting(TimerView::kind).containsExactly(
                TimerKind.RESPONSE_WARNING, TimerKind.RESPONSE_WARNING, TimerKind.RESPONSE_WARNING, TimerKind.RESPONSE_BREACH);
        assertThat(view.servedBy()).isEqualTo("localhost:8082");
    }

    @Test
    void queueEntryOfARespondedSev1ShowsTheNextStatusUpdate() {
        CaseSla sev1 = open("C-2", Severity.SEV1);
        Instant responded = FRIDAY_20.plusSeconds(600);
        sev1 = rules.apply(sev1, new CaseFact.Responded("e2", "C-2", responded, "ana"), responded).state();

        QueueEntryView entry = views.queueEntry(sev1, responded);

        assertThat(entry.nextTarget()).isEqualTo(TargetKind.STATUS_UPDATE);
        assertThat(entry.deadline()).isEqualTo(responded.plus(Duration.ofHours(1)));
        assertThat(entry.timeToDeadline()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void settledTargetsHaveNoTimeToDeadline() {
        CaseSla sev3 = open("C-3", Severity.SEV3);
        sev3 = rules.apply(sev3, new CaseFact.Responded("e2", "C-3", FRIDAY_20, "ana"), FRIDAY_20).state();

        CaseSlaView view = views.caseView(sev3, FRIDAY_20, "x");

        assertThat(view.response().status()).isEqualTo(TargetStatus.MET);
        assertThat(view.response().timeToDeadline()).isNull();
        assertThat(view.nextDeadline()).isNull();
        assertThat(views.queueEntry(sev3, FRIDAY_20).nextTarget()).isNull();
    }

    private CaseSla open(String caseNumber, Severity severity) {
        return rules.apply(null, new CaseFact.CaseOpened("e1", caseNumber, severity, Region.EMEA, FRIDAY_20,
                Duration.ofMinutes(60), "t", "c"), FRIDAY_20).state();
    }
}
