package io.supportsla.sla.streams;

import static io.supportsla.sla.testing.SlaEventAssertions.describe;
import static io.supportsla.sla.testing.SlaEventAssertions.target;
import static org.assertj.core.api.Assertions.assertThat;

import io.supportsla.schemas.common.Region;
import io.supportsla.schemas.common.Severity;
import io.supportsla.schemas.sla.SlaBreached;
import io.supportsla.schemas.sla.SlaEvent;
import io.supportsla.schemas.sla.StatusUpdateDue;
import io.supportsla.schemas.sla.TargetKind;
import io.supportsla.sla.testing.CaseEvents;
import io.supportsla.sla.testing.SlaTopologyFixture;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * SEV1 status updates after the first response: a reminder 10 min (the default lead) before each
 * update falls due, a STATUS_UPDATE breach at the due time if none was posted, every agreed interval.
 */
class StatusUpdateTopologyTest {

    private static final Instant CREATED = Instant.parse("2025-03-11T10:00:00Z");
    private static final Instant RESPONDED = Instant.parse("2025-03-11T10:20:00Z");

    private SlaTopologyFixture sla;

    @AfterEach
    void close() {
        if (sla != null) {
            sla.close();
        }
    }

    @Test
    void firstResponseStartsTheFirstUpdateCycle() {
        openAndRespond(60);

        List<SlaEvent> events = sla.events();

        assertThat(describe(events)).containsExactly(
                "started RESPONSE CASE_CREATED until 2025-03-11T11:00:00Z",
                "met RESPONSE",
                "started STATUS_UPDATE LAST_STATUS_UPDATE until 2025-03-11T11:20:00Z");
        assertThat(target(events.get(2)).getTargetMinutes()).isEqualTo(60);
    }

    @Test
    void remindsTenMinutesBeforeAnUpdateFallsDue() {
        openAndRespond(60);
        sla.events();

        sla.advanceTo(Instant.parse("2025-03-11T11:09:59Z"));
        assertThat(sla.events()).isEmpty();
        sla.advanceTo(Instant.parse("2025-03-11T11:10:00Z"));
        List<SlaEvent> reminder = sla.events();

        assertThat(describe(reminder)).containsExactly("update 1 due at 2025-03-11T11:20:00Z");
        StatusUpdateDue due = (StatusUpdateDue) reminder.get(0).getPayload();
        assertThat(due.getConsultant()).isEqualTo(CaseEvents.CONSULTANT);
        assertThat(due.getTarget().getKind()).isEqualTo(TargetKind.STATUS_UPDATE);
    }

    @Test
    void updateInTimeMeetsTheCycleAndStartsTheNextFromItsPosting() {
        openAndRespond(60);
        sla.advanceTo(Instant.parse("2025-03-11T11:10:00Z"));
        sla.events();

        sla.send(CaseEvents.statusUpdate("C-1", Instant.parse("2025-03-11T11:15:00Z"), null));
        List<SlaEvent> onUpdate = sla.events();
        sla.advanceTo(Instant.parse("2025-03-11T11:20:00Z"));

        assertThat(describe(onUpdate)).containsExactly(
                "met STATUS_UPDATE",
                "started STATUS_UPDATE LAST_STATUS_UPDATE until 2025-03-11T12:15:00Z");
        assertThat(sla.events()).as("no breach at the old due time").isEmpty();
    }

    @Test
    void missedUpdateIsABreachOfItsOwnKindAndTheNextCycleKeepsTheRhythm() {
        openAndRespond(60);
        sla.events();

        sla.advanceTo(Instant.parse("2025-03-11T11:10:00Z"));
        sla.advanceTo(Instant.parse("2025-03-11T11:20:00Z"));
        List<SlaEvent> events = sla.events();

        assertThat(describe(events)).containsExactly(
                "update 1 due at 2025-03-11T11:20:00Z",
                "breached STATUS_UPDATE",
                "started STATUS_UPDATE LAST_STATUS_UPDATE until 2025-03-11T12:20:00Z");
        SlaBreached breach = (SlaBreached) events.get(1).getPayload();
        assertThat(breach.getTarget().getKind()).isEqualTo(TargetKind.STATUS_UPDATE);
        assertThat(breach.getTarget().getDeadline()).isEqualTo(Instant.parse("2025-03-11T11:20:00Z"));

        sla.advanceTo(Instant.parse("2025-03-11T12:10:00Z"));
        assertThat(describe(sla.events())).containsExactly("update 2 due at 2025-03-11T12:20:00Z");
    }

    @Test
    void intervalComesFromTheCaseAndAnUpdateCanAgreeANewOne() {
        openAndRespond(30);
        List<SlaEvent> started = sla.events();
        assertThat(describe(started)).last().isEqualTo("started STATUS_UPDATE LAST_STATUS_UPDATE until 2025-03-11T10:50:00Z");

        sla.send(CaseEvents.statusUpdate("C-1", Instant.parse("2025-03-11T10:40:00Z"), 120));

        assertThat(describe(sla.events())).containsExactly(
                "met STATUS_UPDATE",
                "started STATUS_UPDATE LAST_STATUS_UPDATE until 2025-03-11T12:40:00Z");
    }

    @Test
    void lateFirstResponseStillStartsStatusUpdates() {
        sla = new SlaTopologyFixture(CREATED);
        sla.send(CaseEvents.created("C-1", Severity.SEV1, Region.EMEA, CREATED));
        sla.advanceTo(Instant.parse("2025-03-11T11:00:00Z"));
        assertThat(describe(sla.events())).last().isEqualTo("breached RESPONSE");

        sla.send(CaseEvents.responded("C-1", Instant.parse("2025-03-11T11:30:00Z")));

        assertThat(describe(sla.events())).containsExactly(
                "started STATUS_UPDATE LAST_STATUS_UPDATE until 2025-03-11T12:30:00Z");
    }

    @Test
    void updatePostedAfterItsDueTimeButBeforeTheTimerFiredIsABreach() {
        openAndRespond(60);
        sla.events();

        sla.send(CaseEvents.statusUpdate("C-1", Instant.parse("2025-03-11T11:25:00Z"), null));

        assertThat(describe(sla.events())).containsExactly(
                "breached STATUS_UPDATE",
                "started STATUS_UPDATE LAST_STATUS_UPDATE until 2025-03-11T12:25:00Z");
    }

    @Test
    void afterDowntimeTheScheduleRestartsFromNowWithOneBreach() {
        openAndRespond(60);
        sla.events();

        sla.advanceTo(Instant.parse("2025-03-11T14:05:00Z"));

        assertThat(describe(sla.events())).containsExactly(
                "breached STATUS_UPDATE",
                "started STATUS_UPDATE LAST_STATUS_UPDATE until 2025-03-11T15:05:00Z");
    }

    @Test
    void nonSev1CasesGetNoStatusUpdates() {
        sla = new SlaTopologyFixture(CREATED);
        sla.send(CaseEvents.created("C-1", Severity.SEV2, Region.EMEA, CREATED));
        sla.send(CaseEvents.responded("C-1", RESPONDED));
        sla.events();

        sla.advanceTo(Instant.parse("2025-03-12T10:00:00Z"));

        assertThat(sla.events()).isEmpty();
    }

    private void openAndRespond(int intervalMinutes) {
        sla = new SlaTopologyFixture(CREATED);
        sla.send(CaseEvents.created("C-1", Severity.SEV1, Region.EMEA, CREATED, intervalMinutes));
        sla.advanceTo(RESPONDED);
        sla.send(CaseEvents.responded("C-1", RESPONDED));
    }
}
