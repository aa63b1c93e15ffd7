package io.supportsla.notification.triggers;

import static io.supportsla.notification.Events.TUESDAY;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import io.supportsla.notification.Events;
import io.supportsla.schemas.cases.CallTaker;
import io.supportsla.schemas.common.Severity;
import org.junit.jupiter.api.Test;

class CaseFactsTest {

    final String caseNumber = Events.newCaseNumber();

    @Test
    void createdCaseIsRemembered() {
        CaseFacts facts = after(Optional.empty(), Events.created(Severity.SEV1, TUESDAY)).orElseThrow();

        assertThat(facts.severity()).isEqualTo(Severity.SEV1);
        assertThat(facts.title()).isEqualTo("RoamServer down in Frankfurt");
        assertThat(facts.openedAt()).isEqualTo(TUESDAY);
        assertThat(facts.consultant()).isNull();
    }

    @Test
    void reclassificationChangesTheSeverity() {
        Optional<CaseFacts> created = after(Optional.empty(), Events.created(Severity.SEV2, TUESDAY));

        assertThat(after(created, Events.severityChanged(Severity.SEV2, Severity.SEV1)).orElseThrow().severity())
                .isEqualTo(Severity.SEV1);
    }

    @Test
    void firstRespondingConsultantBecomesThePointOfContact() {
        Optional<CaseFacts> responded = after(after(Optional.empty(), Events.created(Severity.SEV1, TUESDAY)),
                Events.firstResponse("consultant.jane"));

        assertThat(responded.orElseThrow().consultant()).isEqualTo("consultant.jane");
        assertThat(after(responded, Events.firstResponse("consultant.joe")).orElseThrow().consultant()).isEqualTo("consultant.jane");
    }

    @Test
    void resolvedCaseIsForgotten() {
        assertThat(after(after(Optional.empty(), Events.created(Severity.SEV1, TUESDAY)), Events.resolved())).isEmpty();
    }

    @Test
    void otherEventsChangeNothing() {
        Optional<CaseFacts> created = after(Optional.empty(), Events.created(Severity.SEV1, TUESDAY));

        assertThat(after(created, Events.call(CallTaker.TECHNICIAN))).isEqualTo(created);
        assertThat(after(Optional.empty(), Events.call(CallTaker.TECHNICIAN))).isEmpty();
    }

    private Optional<CaseFacts> after(Optional<CaseFacts> before, Object payload) {
        return CaseFacts.after(before, Events.caseEvent(caseNumber, payload));
    }
}
