package io.supportsla.sla.streams;

import static io.supportsla.sla.testing.SlaEventAssertions.describe;
import static io.supportsla.sla.testing.SlaEventAssertions.target;
import static org.assertj.core.api.Assertions.assertThat;

import io.supportsla.schemas.common.Region;
import io.supportsla.schemas.common.Severity;
import io.supportsla.schemas.sla.SlaEvent;
import io.supportsla.schemas.sla.SlaTimerStarted;
import io.supportsla.schemas.sla.TargetBasis;
import io.supportsla.schemas.sla.TargetClock;
import io.supportsla.sla.testing.CaseEvents;
import io.supportsla.sla.testing.SlaTopologyFixture;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Reclassification: an upgrade counts from the change, a downgrade from the original creation. */
class ReclassificationTopologyTest {

    private static final Instant TUESDAY_10_00 = Instant.parse("2025-03-11T10:00:00Z");

    private SlaTopologyFixture sla;

    @AfterEach
    void close() {
        if (sla != null) {
            sla.close();
        }
    }

    @Test
    void upgradeCountsTheNewTargetFromTheChange() {
        sla = new SlaTopologyFixture(TUESDAY_10_00);
        sla.send(CaseEvents.created("C-1", Severity.SEV3, Region.EMEA, TUESDAY_10_00));
        sla.events();

        Instant upgradedAt = Instant.parse("2025-03-11T13:00:00Z");
        sla.advanceTo(upgradedAt);
        sla.send(CaseEvents.severityChanged("C-1", Severity.SEV3, Severity.SEV1, upgradedAt));
        SlaTimerStarted started = (SlaTimerStarted) single(sla.events()).getPayload();

        assertThat(started.getTarget().getBasis()).isEqualTo(TargetBasis.UPGRADED);
        assertThat(started.getTarget().getClock()).isEqualTo(TargetClock.AROUND_THE_CLOCK);
        assertThat(started.getTarget().getStartsAt()).isEqualTo(upgradedAt);
        assertThat(started.getTarget().getDeadline()).isEqualTo(Instant.parse("2025-03-11T14:00:00Z"));
        assertThat(started.getPreviousDeadline()).isEqualTo(Instant.parse("2025-03-11T22:00:00Z"));

        sla.advanceTo(Instant.parse("2025-03-11T14:00:00Z"));
        assertThat(describe(sla.events())).endsWith("breached RESPONSE");
    }

    @Test
    void callAfterAnUpgradeToSev1CountsFromTheLaterOfUpgradeAndCall() {
        sla = new SlaTopologyFixture(TUESDAY_10_00);
        sla.send(CaseEvents.created("C-2", Severity.SEV2, Region.EMEA, TUESDAY_10_00));
        Instant upgradedAt = Instant.parse("2025-03-11T12:00:00Z");
        sla.advanceTo(upgradedAt);
        sla.send(CaseEvents.severityChanged("C-2", Severity.SEV2, Severity.SEV1, upgradedAt));
        sla.events();

        sla.send(CaseEvents.hotlineCall("C-2", Instant.parse("2025-03-11T12:10:00Z")));

        assertThat(target(single(sla.events())).getDeadline()).isEqualTo(Instant.parse("2025-03-11T12:25:00Z"));
    }

    @Test
    void downgradeCountsTheNewTargetFromTheOriginalCreation() {
        sla = new SlaTopologyFixture(TUESDAY_10_00);
        sla.send(CaseEvents.created("C-3", Severity.SEV1, Region.EMEA, TUESDAY_10_00));
        sla.events();

        Instant downgradedAt = Instant.parse("2025-03-11T10:30:00Z");
        sla.advanceTo(downgradedAt);
        sla.events();
        sla.send(CaseEvents.severityChanged("C-3", Severity.SEV1, Severity.SEV2, downgradedAt));
        SlaTimerStarted started = (SlaTimerStarted) single(sla.events()).getPayload();

        assertThat(started.getTarget().getBasis()).isEqualTo(TargetBasis.DOWNGRADED);
        assertThat(started.getTarget().getClock()).isEqualTo(TargetClock.BUSINESS_TIME);
        assertThat(started.getTarget().getStartsAt()).isEqualTo(TUESDAY_10_00);
        assertThat(started.getTarget().getDeadline()).isEqualTo(Instant.parse("2025-03-11T18:00:00Z"));
        assertThat(started.getPreviousDeadline()).isEqualTo(Instant.parse("2025-03-11T11:00:00Z"));

        sla.advanceTo(Instant.parse("2025-03-11T11:00:00Z"));
        assertThat(sla.events()).as("the SEV1 hour no longer applies").isEmpty();
        sla.advanceTo(Instant.parse("2025-03-11T14:00:00Z"));
        assertThat(describe(sla.events())).containsExactly("warning 50%");
    }

    @Test
    void downgradeWhoseTargetCountedFromCreationHasAlreadyPassedBreachesAtOnce() {
        sla = new SlaTopologyFixture(TUESDAY_10_00);
        sla.send(CaseEvents.created("C-4", Severity.SEV2, Region.EMEA, TUESDAY_10_00));
        Instant downgradedAt = Instant.parse("2025-03-11T13:00:00Z");
        sla.advanceTo(downgradedAt);
        sla.events();

        sla.send(CaseEvents.severityChanged("C-4", Severity.SEV2, Severity.END_USER_ISSUE, downgradedAt));
        List<SlaEvent> onChange = sla.events();
        sla.advanceTo(downgradedAt.plusSeconds(1));

        assertThat(describe(onChange)).containsExactly("started RESPONSE DOWNGRADED until 2025-03-11T12:00:00Z");
        assertThat(describe(sla.events())).containsExactly("breached RESPONSE");
    }

    @Test
    void reclassificationAfterTheResponseLeavesTheMetTargetAlone() {
        sla = new SlaTopologyFixture(TUESDAY_10_00);
        sla.send(CaseEvents.created("C-5", Severity.SEV3, Region.EMEA, TUESDAY_10_00));
        sla.send(CaseEvents.responded("C-5", Instant.parse("2025-03-11T10:30:00Z")));
        sla.events();

        sla.send(CaseEvents.severityChanged("C-5", Severity.SEV3, Severity.SEV2, Instant.parse("2025-03-11T11:00:00Z")));

        assertThat(sla.events()).isEmpty();
    }

    @Test
    void upgradeToSev1AfterTheResponseStartsStatusUpdatesFromTheChange() {
        sla = new SlaTopologyFixture(TUESDAY_10_00);
        sla.send(CaseEvents.created("C-6", Severity.SEV2, Region.EMEA, TUESDAY_10_00));
        sla.send(CaseEvents.responded("C-6", Instant.parse("2025-03-11T10:30:00Z")));
        sla.events();

        sla.send(CaseEvents.severityChanged("C-6", Severity.SEV2, Severity.SEV1, Instant.parse("2025-03-11T11:00:00Z")));

        assertThat(describe(sla.events())).containsExactly("started STATUS_UPDATE LAST_STATUS_UPDATE until 2025-03-11T12:00:00Z");
    }

    @Test
    void downgradeFromSev1StopsStatusUpdates() {
        sla = new SlaTopologyFixture(TUESDAY_10_00);
        sla.send(CaseEvents.created("C-7", Severity.SEV1, Region.EMEA, TUESDAY_10_00));
        sla.send(CaseEvents.responded("C-7", Instant.parse("2025-03-11T10:10:00Z")));
        sla.events();

        sla.send(CaseEvents.severityChanged("C-7", Severity.SEV1, Severity.SEV2, Instant.parse("2025-03-11T10:20:00Z")));
        sla.advanceTo(Instant.parse("2025-03-11T14:00:00Z"));

        assertThat(sla.events()).isEmpty();
    }

    private static SlaEvent single(List<SlaEvent> events) {
        assertThat(events).hasSize(1);
        return events.get(0);
    }
}
