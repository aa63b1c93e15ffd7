package io.supportsla.escalation.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.supportsla.calendar.BusinessCalendars;
import io.supportsla.escalation.rules.AcknowledgementTimeouts;
import io.supportsla.escalation.rules.CaseEscalations;
import io.supportsla.escalation.rules.CaseFacts;
import io.supportsla.escalation.rules.Documentation;
import io.supportsla.escalation.rules.EscalationRules;
import io.supportsla.escalation.rules.RespectiveTimeZone;
import io.supportsla.escalation.rules.Trigger;
import io.supportsla.escalation.testing.Directories;
import io.supportsla.schemas.common.Category;
import io.supportsla.schemas.common.Region;
import io.supportsla.schemas.common.Severity;
import io.supportsla.schemas.sla.TargetKind;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class CaseEscalationsSerdeTest {

    private final CaseEscalationsSerde serde = new CaseEscalationsSerde();

    @Test
    void theStoredStateReadsBackEqual() {
        CaseEscalations state = aCaseWithEscalations();

        byte[] stored = serde.serializer().serialize("store", state);

        assertThat(serde.deserializer().deserialize("store", stored)).isEqualTo(state);
    }

    @Test
    void theStoredStateHoldsTheRecordsComponentsOnly() {
        String json = new String(serde.serializer().serialize("store", aCaseWithEscalations()), StandardCharsets.UTF_8);

        assertThat(json).contains("\"caseNumber\":\"C-0000-0042\"", "\"acknowledgeBy\":\"2025-03-11T12:00:00Z\"",
                "\"status\":\"AWAITING_ACKNOWLEDGEMENT\"");
        // derived values (current step, stage, level) are not stored twice
        assertThat(json).doesNotContain("\"currentStep\"", "\"level\"", "\"known\"", "\"resolved\"");
    }

    @Test
    void stateWrittenByANewerVersionWithMoreFieldsIsStillRead() {
        byte[] newer = "{\"caseNumber\":\"C-1\",\"escalationsRaised\":0,\"somethingNew\":true}".getBytes(StandardCharsets.UTF_8);

        assertThat(serde.deserializer().deserialize("store", newer)).isEqualTo(CaseEscalations.empty("C-1"));
    }

    private static CaseEscalations aCaseWithEscalations() {
        Instant now = Instant.parse("2025-03-11T10:00:00Z");
        EscalationRules rules = new EscalationRules(Directories.processGuide(), AcknowledgementTimeouts.DEFAULTS,
                new RespectiveTimeZone(BusinessCalendars.defaults().localBusinessHours()), Clock.fixed(now, ZoneOffset.UTC));
        CaseEscalations state = CaseEscalations.empty("C-0000-0042");
        state = rules.apply(state, new Trigger.CaseOpened("e-1", new CaseFacts("Users cannot connect", Severity.SEV2,
                Category.ACCESS_POINTS_UNREACHABLE, "acme", "Acme Corporation", Region.EMEA, now.minusSeconds(3600), null))).state();
        state = rules.apply(state, new Trigger.BreachDetected("e-2", TargetKind.RESPONSE, now, now)).state();
        state = rules.apply(state, new Trigger.DisagreementRaised("e-3", "d-1", null,
                new Documentation(List.of("C-0000-0042"), "issue", "progress", "impact", "reason"), "acme-helpdesk")).state();
        return state;
    }
}
