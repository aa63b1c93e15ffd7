package io.supportsla.sla.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.supportsla.schemas.common.Region;
import io.supportsla.schemas.common.Severity;
import io.supportsla.sla.testing.CaseEvents;
import io.supportsla.sla.testing.SlaTopologyFixture;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Pending timers, timers fired per kind, and the lag from due instant to publication. */
class TimerMetricsTopologyTest {

    private static final Instant CREATED = Instant.parse("2025-03-11T10:00:00Z");

    private SlaTopologyFixture sla;

    @AfterEach
    void close() {
        if (sla != null) {
            sla.close();
        }
    }

    @Test
    void countsPendingTimersByKindAsCasesOpenAndTimersFire() {
        sla = new SlaTopologyFixture(CREATED);

        sla.send(CaseEvents.created("C-1", Severity.SEV1, Region.EMEA, CREATED));
        sla.send(CaseEvents.created("C-2", Severity.SEV2, Region.EMEA, CREATED));
        assertThat(pending("response_warning")).isEqualTo(6);
        assertThat(pending("response_breach")).isEqualTo(2);

        sla.advanceTo(Instant.parse("2025-03-11T11:00:00Z"));
        assertThat(pending("response_warning")).as("C-2's three warnings").isEqualTo(3);
        assertThat(pending("response_breach")).isEqualTo(1);

        sla.send(CaseEvents.responded("C-2", Instant.parse("2025-03-11T11:00:00Z")));
        assertThat(pending("response_warning")).isZero();
        assertThat(pending("response_breach")).isZero();
    }

    @Test
    void countsFiredTimersAndTheirLag() {
        sla = new SlaTopologyFixture(CREATED);
        sla.send(CaseEvents.created("C-1", Severity.SEV1, Region.EMEA, CREATED));

        sla.advanceTo(Instant.parse("2025-03-11T10:30:00Z"));
        sla.advanceTo(Instant.parse("2025-03-11T11:00:05Z"));

        MeterRegistry meters = sla.meters();
        assertThat(meters.get("sla.timers.fired").tag("kind", "response_warning").counter().count())
                .as("50% fired; 75% and 90% were superseded by the breach when the clock jumped").isEqualTo(1);
        assertThat(meters.get("sla.timers.fired").tag("kind", "response_breach").counter().count()).isEqualTo(1);
        assertThat(meters.get("sla.timers.firing.lag").tag("kind", "response_breach").timer().max(TimeUnit.SECONDS))
                .isEqualTo(5.0);
    }

    @Test
    void countsDeadLetters() {
        sla = new SlaTopologyFixture(CREATED);

        sla.sendRaw(new byte[] {1}, new byte[] {1, 2, 3});

        assertThat(sla.meters().get("sla.case.events.dead.lettered").counter().count()).isEqualTo(1);
    }

    private double pending(String kind) {
        return sla.meters().get("sla.timers.pending").tag("kind", kind).gauge().value();
    }
}
