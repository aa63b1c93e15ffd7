package io.supportsla.sla.streams;

import static io.supportsla.sla.testing.SlaEventAssertions.describe;
import static org.assertj.core.api.Assertions.assertThat;

import io.supportsla.schemas.common.Region;
import io.supportsla.schemas.common.Severity;
import io.supportsla.sla.targets.CaseStage;
import io.supportsla.sla.targets.TargetStatus;
import io.supportsla.sla.testing.CaseEvents;
import io.supportsla.sla.testing.SlaTopologyFixture;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Resolution stops every timer; the resolved case stays queryable for the retention period. */
class ResolutionTopologyTest {

    private static final Instant CREATED = Instant.parse("2025-03-11T10:00:00Z");

    private SlaTopologyFixture sla;

    @AfterEach
    void close() {
        if (sla != null) {
            sla.close();
        }
    }

    @Test
    void resolutionBeforeTheResponseStopsTheResponseTimers() {
        sla = new SlaTopologyFixture(CREATED);
        sla.send(CaseEvents.created("C-1", Severity.SEV1, Region.EMEA, CREATED));
        sla.events();

        sla.send(CaseEvents.resolved("C-1", Instant.parse("2025-03-11T10:10:00Z")));
        sla.advanceTo(Instant.parse("2025-03-11T10:30:00Z"));
        sla.advanceTo(Instant.parse("2025-03-11T12:00:00Z"));

        assertThat(sla.events()).isEmpty();
        assertThat(sla.caseSla("C-1").stage()).isEqualTo(CaseStage.RESOLVED);
        assertThat(sla.caseSla("C-1").response().status()).isEqualTo(TargetStatus.STOPPED);
    }

    @Test
    void resolutionStopsStatusUpdateRemindersAndBreaches() {
        sla = new SlaTopologyFixture(CREATED);
        sla.send(CaseEvents.created("C-1", Severity.SEV1, Region.EMEA, CREATED));
        sla.send(CaseEvents.responded("C-1", Instant.parse("2025-03-11T10:20:00Z")));
        sla.events();

        sla.send(CaseEvents.resolved("C-1", Instant.parse("2025-03-11T10:40:00Z")));
        sla.advanceTo(Instant.parse("2025-03-11T11:10:00Z"));
        sla.advanceTo(Instant.parse("2025-03-11T11:20:00Z"));
        sla.advanceTo(Instant.parse("2025-03-11T18:00:00Z"));

        assertThat(sla.events()).isEmpty();
        assertThat(sla.caseSla("C-1").timers()).extracting(t -> t.kind().name()).containsExactly("PURGE");
    }

    @Test
    void eventsAfterResolutionRestartNothing() {
        sla = new SlaTopologyFixture(CREATED);
        sla.send(CaseEvents.created("C-1", Severity.SEV2, Region.EMEA, CREATED));
        sla.send(CaseEvents.resolved("C-1", Instant.parse("2025-03-11T10:10:00Z")));
        sla.events();

        sla.send(CaseEvents.severityChanged("C-1", Severity.SEV2, Severity.SEV1, Instant.parse("2025-03-11T10:20:00Z")));
        sla.send(CaseEvents.responded("C-1", Instant.parse("2025-03-11T10:30:00Z")));
        sla.advanceTo(Instant.parse("2025-03-12T10:00:00Z"));

        assertThat(sla.events()).isEmpty();
    }

    @Test
    void resolvedCaseIsForgottenAfterTheRetentionPeriod() {
        sla = new SlaTopologyFixture(CREATED);
        sla.send(CaseEvents.created("C-1", Severity.SEV2, Region.EMEA, CREATED));
        sla.send(CaseEvents.resolved("C-1", Instant.parse("2025-03-11T10:10:00Z")));

        sla.advanceTo(Instant.parse("2025-03-18T10:09:59Z"));
        assertThat(sla.caseSla("C-1")).isNotNull();
        sla.advanceTo(Instant.parse("2025-03-18T10:10:00Z"));

        assertThat(sla.caseSla("C-1")).isNull();
        assertThat(describe(sla.events())).containsExactly("started RESPONSE CASE_CREATED until 2025-03-11T18:00:00Z");
    }
}
