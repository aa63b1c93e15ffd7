package io.supportsla.sla.timers;

import static org.assertj.core.api.Assertions.assertThat;

import io.supportsla.calendar.BusinessCalendars;
import io.supportsla.calendar.Region;
import io.supportsla.sla.targets.CaseFact;
import io.supportsla.sla.targets.CaseSla;
import io.supportsla.sla.targets.ResponseTargets;
import io.supportsla.sla.targets.Severity;
import io.supportsla.sla.targets.SlaPolicy;
import io.supportsla.sla.targets.SlaRules;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CaseSlaSerdeTest {

    private final CaseSlaSerde serde = new CaseSlaSerde();

    @Test
    void roundTripsACaseWithEveryKindOfState() {
        SlaRules rules = new SlaRules(new ResponseTargets(SlaPolicy.defaults(), BusinessCalendars.defaults()));
        Instant created = Instant.parse("2025-03-11T10:00:00Z");
        CaseSla state = rules.apply(null, new CaseFact.CaseOpened("e1", "C-1", Severity.SEV1, Region.APAC, created,
                Duration.ofMinutes(45), "Title", "Acme"), created).state();
        state = rules.apply(state, new CaseFact.HotlineCalled("e2", "C-1", created.plusSeconds(60)), created).state();
        state = rules.apply(state, new CaseFact.Responded("e3", "C-1", created.plusSeconds(300), "ana"), created).state();

        byte[] bytes = serde.serializer().serialize("t", state);
        CaseSla read = serde.deserializer().deserialize("t", bytes);

        assertThat(read).isEqualTo(state);
        assertThat(read.nextDueAt()).isEqualTo(state.nextDueAt());
    }

    @Test
    void ignoresFieldsItDoesNotKnow() {
        SlaRules rules = new SlaRules(new ResponseTargets(SlaPolicy.defaults(), BusinessCalendars.defaults()));
        Instant created = Instant.parse("2025-03-11T10:00:00Z");
        CaseSla state = rules.apply(null, new CaseFact.CaseOpened("e1", "C-1", Severity.SEV2, Region.EMEA, created,
                Duration.ofMinutes(60), "Title", "Acme"), created).state();
        String json = new String(serde.serializer().serialize("t", state), StandardCharsets.UTF_8);

        String newer = json.substring(0, json.length() - 1) + ",\"fieldFromTheFuture\":42}";

        assertThat(serde.deserializer().deserialize("t", newer.getBytes(StandardCharsets.UTF_8))).isEqualTo(state);
    }
}
