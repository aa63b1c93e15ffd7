package io.supportsla.sla.streams;

import static io.supportsla.sla.testing.SlaEventAssertions.describe;
import static io.supportsla.sla.testing.SlaEventAssertions.target;
import static org.assertj.core.api.Assertions.assertThat;

import io.supportsla.schemas.common.Region;
import io.supportsla.schemas.common.Severity;
import io.supportsla.schemas.sla.SlaEvent;
import io.supportsla.schemas.sla.SlaTarget;
import io.supportsla.schemas.sla.SlaTimerStarted;
import io.supportsla.schemas.sla.TargetBasis;
import io.supportsla.sla.testing.CaseEvents;
import io.supportsla.sla.testing.SlaTopologyFixture;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** SEV1 with a logged hotline call: 15 min on working days, 1 h on weekends and regional holidays, never later than the case-only hour. */
class HotlineCallTopologyTest {

    private SlaTopologyFixture sla;

    @AfterEach
    void close() {
        if (sla != null) {
            sla.close();
        }
    }

    @Test
    void callOnAWeekdayGivesFifteenMinutesFromTheCall() {
        Instant created = Instant.parse("2025-03-11T10:00:00Z");
        sla = new SlaTopologyFixture(created);
        sla.send(CaseEvents.created("C-1", Severity.SEV1, Region.EMEA, created));
        sla.events();

        sla.advanceTo(Instant.parse("2025-03-11T10:10:00Z"));
        sla.send(CaseEvents.hotlineCall("C-1", Instant.parse("2025-03-11T10:10:00Z")));
        List<SlaEvent> onCall = sla.events();

        SlaTimerStarted started = (SlaTimerStarted) single(onCall).getPayload();
        assertThat(started.getTarget().getBasis()).isEqualTo(TargetBasis.HOTLINE_CALL);
        assertThat(started.getTarget().getStartsAt()).isEqualTo(Instant.parse("2025-03-11T10:10:00Z"));
        assertThat(started.getTarget().getTargetMinutes()).isEqualTo(15);
        assertThat(started.getTarget().getDeadline()).isEqualTo(Instant.parse("2025-03-11T10:25:00Z"));
        assertThat(started.getPreviousDeadline()).isEqualTo(Instant.parse("2025-03-11T11:00:00Z"));
    }

    @Test
    void callTargetWarnsAndBreachesOnItsOwnClock() {
        Instant created = Instant.parse("2025-03-11T10:00:00Z");
        sla = new SlaTopologyFixture(created);
        sla.send(CaseEvents.created("C-2", Severity.SEV1, Region.EMEA, created));
        sla.advanceTo(Instant.parse("2025-03-11T10:10:00Z"));
        sla.send(CaseEvents.hotlineCall("C-2", Instant.parse("2025-03-11T10:10:00Z")));
        sla.events();

        sla.advanceTo(Instant.parse("2025-03-11T10:17:30Z"));
        List<SlaEvent> half = sla.events();
        sla.advanceTo(Instant.parse("2025-03-11T10:25:00Z"));
        List<SlaEvent> atCallDeadline = sla.events();
        sla.advanceTo(Instant.parse("2025-03-11T11:30:00Z"));

        assertThat(describe(half)).containsExactly("warning 50%");
        assertThat(describe(atCallDeadline)).containsExactly("breached RESPONSE");
        assertThat(target(atCallDeadline.get(0)).getBasis()).isEqualTo(TargetBasis.HOTLINE_CALL);
        assertThat(sla.events()).as("the case-only hour does not breach again").isEmpty();
    }

    @Test
    void callBeforeTheCaseCountsFromTheCaseCreation() {
        Instant created = Instant.parse("2025-03-11T10:00:00Z");
        sla = new SlaTopologyFixture(created);
        sla.send(CaseEvents.created("C-3", Severity.SEV1, Region.EMEA, created));
        sla.events();

        sla.send(CaseEvents.hotlineCall("C-3", Instant.parse("2025-03-11T09:58:00Z")));

        SlaTarget target = target(single(sla.events()));
        assertThat(target.getStartsAt()).isEqualTo(created);
        assertThat(target.getDeadline()).isEqualTo(Instant.parse("2025-03-11T10:15:00Z"));
    }

    @Test
    void lateCallNeverExtendsTheCaseOnlyHour() {
        Instant created = Instant.parse("2025-03-11T10:00:00Z");
        sla = new SlaTopologyFixture(created);
        sla.send(CaseEvents.created("C-4", Severity.SEV1, Region.EMEA, created));
        sla.events();

        sla.advanceTo(Instant.parse("2025-03-11T10:50:00Z"));
        sla.events();
        sla.send(CaseEvents.hotlineCall("C-4", Instant.parse("2025-03-11T10:50:00Z")));
        List<SlaEvent> onCall = sla.events();
        sla.advanceTo(Instant.parse("2025-03-11T11:00:00Z"));

        assertThat(onCall).as("10:50 + 15 min is later than the 11:00 case-only deadline").isEmpty();
        assertThat(describe(sla.events())).containsExactly("breached RESPONSE");
    }

    @Test
    void callOnAWeekendGivesOneHourSoTheCaseOnlyDeadlineStands() {
        Instant saturday = Instant.parse("2025-03-15T10:00:00Z");
        sla = new SlaTopologyFixture(saturday);
        sla.send(CaseEvents.created("C-5", Severity.SEV1, Region.EMEA, saturday));
        sla.events();

        sla.advanceTo(Instant.parse("2025-03-15T10:05:00Z"));
        sla.send(CaseEvents.hotlineCall("C-5", Instant.parse("2025-03-15T10:05:00Z")));
        List<SlaEvent> onCall = sla.events();
        sla.advanceTo(Instant.parse("2025-03-15T10:20:00Z"));
        List<SlaEvent> afterFifteenMinutes = sla.events();
        sla.advanceTo(Instant.parse("2025-03-15T11:00:00Z"));

        assertThat(onCall).isEmpty();
        assertThat(afterFifteenMinutes).isEmpty();
        assertThat(describe(sla.events())).containsExactly("breached RESPONSE");
    }

    @Test
    void callOnARegionalHolidayGivesOneHourOnlyInThatRegion() {
        // Monday 27 January 2025, 01:00 UTC: Australia Day (observed) in Sydney, an ordinary Monday night in London.
        Instant australiaDay = Instant.parse("2025-01-27T01:00:00Z");
        Instant call = Instant.parse("2025-01-27T01:05:00Z");
        sla = new SlaTopologyFixture(australiaDay);
        sla.send(CaseEvents.created("APAC-1", Severity.SEV1, Region.APAC, australiaDay));
        sla.send(CaseEvents.created("EMEA-1", Severity.SEV1, Region.EMEA, australiaDay));
        sla.events();

        sla.advanceTo(call);
        sla.send(CaseEvents.hotlineCall("APAC-1", call));
        List<SlaEvent> apacOnCall = sla.events();
        sla.send(CaseEvents.hotlineCall("EMEA-1", call));
        List<SlaEvent> emeaOnCall = sla.events();

        assertThat(apacOnCall).as("holiday in Sydney: 1 h from the call does not beat 02:00").isEmpty();
        assertThat(target(single(emeaOnCall)).getDeadline()).isEqualTo(Instant.parse("2025-01-27T01:20:00Z"));
    }

    @Test
    void callOnANonSev1CaseSetsNoTarget() {
        Instant created = Instant.parse("2025-03-11T10:00:00Z");
        sla = new SlaTopologyFixture(created);
        sla.send(CaseEvents.created("C-6", Severity.SEV2, Region.EMEA, created));
        sla.events();

        sla.send(CaseEvents.hotlineCall("C-6", Instant.parse("2025-03-11T10:05:00Z")));

        assertThat(sla.events()).isEmpty();
    }

    @Test
    void secondCallDoesNotMoveTheDeadlineLater() {
        Instant created = Instant.parse("2025-03-11T10:00:00Z");
        sla = new SlaTopologyFixture(created);
        sla.send(CaseEvents.created("C-7", Severity.SEV1, Region.EMEA, created));
        sla.send(CaseEvents.hotlineCall("C-7", Instant.parse("2025-03-11T10:05:00Z")));
        sla.events();

        sla.send(CaseEvents.hotlineCall("C-7", Instant.parse("2025-03-11T10:15:00Z")));

        assertThat(sla.events()).isEmpty();
        assertThat(sla.caseSla("C-7").response().target().deadline()).isEqualTo(Instant.parse("2025-03-11T10:20:00Z"));
    }

    private static SlaEvent single(List<SlaEvent> events) {
        assertThat(events).hasSize(1);
        return events.get(0);
    }
}
