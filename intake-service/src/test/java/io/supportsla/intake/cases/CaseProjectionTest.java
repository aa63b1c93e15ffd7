package io.supportsla.intake.cases;

import static org.assertj.core.api.Assertions.assertThat;

import io.supportsla.intake.casenumbers.CaseNumber;
import io.supportsla.intake.customers.CustomerProfile;
import io.supportsla.schemas.cases.CaseEvent;
import io.supportsla.schemas.cases.SubmissionChannel;
import io.supportsla.schemas.common.Category;
import io.supportsla.schemas.common.Region;
import io.supportsla.schemas.common.Severity;
import io.supportsla.security.Caller;
import io.supportsla.security.Role;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CaseProjectionTest {

    static final CaseNumber NUMBER = CaseNumber.of(7);
    static final Instant T0 = Instant.parse("2025-06-30T09:00:00Z");
    static final Caller HELPDESK = new Caller("acme-helpdesk", "acme", Role.HELPDESK);
    static final Caller JANE = new Caller("jane", "supportsla", Role.CONSULTANT);
    static final Caller BOB = new Caller("bob", "supportsla", Role.CONSULTANT);
    static final CustomerProfile ACME = new CustomerProfile("acme", "Acme", Region.EMEA, Optional.empty(), true, Duration.ofMinutes(60));

    private final CaseEvent created = CaseEvents.caseCreated(NUMBER, T0, HELPDESK,
            new OpenCase("acme", Category.ALL_USERS_CANNOT_CONNECT, Severity.SEV1, "Down", "All users", null, null, null),
            ACME, false, 60, SubmissionChannel.PORTAL_HTTP, "key-1");

    @Test
    void aCaseIsKnownFromItsCreation() {
        SupportCase supportCase = CaseProjection.apply(null, created).orElseThrow();

        assertThat(supportCase.number()).isEqualTo(NUMBER);
        assertThat(supportCase.severity()).isEqualTo(Severity.SEV1);
        assertThat(supportCase.opening().customerName()).isEqualTo("Acme");
        assertThat(supportCase.opening().submissionId()).isEqualTo("key-1");
        assertThat(supportCase.history()).extracting(SupportCase.HistoryEntry::type).containsExactly("CaseCreated");
    }

    @Test
    void eventsOfACaseThatWasNeverCreatedAreIgnored() {
        CaseEvent response = CaseEvents.caseResponded(NUMBER, T0, JANE, true, new PostResponse("Hello"));

        assertThat(CaseProjection.apply(null, response)).isEmpty();
    }

    @Test
    void theFirstResponseInTopicOrderMakesThePointOfContact() {
        SupportCase supportCase = fold(created,
                CaseEvents.caseResponded(NUMBER, T0.plusSeconds(60), BOB, true, new PostResponse("I'll take it")),
                CaseEvents.caseResponded(NUMBER, T0.plusSeconds(61), JANE, true, new PostResponse("Me too")));

        assertThat(supportCase.pointOfContact().principal()).isEqualTo("bob");
        assertThat(supportCase.firstRespondedAt()).isEqualTo(T0.plusSeconds(60));
    }

    @Test
    void anEventAppliedTwiceChangesNothing() {
        CaseEvent call = CaseEvents.hotlineCallLogged(NUMBER, T0, JANE, T0, io.supportsla.schemas.cases.CallTaker.TECHNICIAN, "jane",
                new LogHotlineCall(null, null, null, null, null));

        SupportCase once = fold(created, call);
        SupportCase twice = fold(created, call, call, created);

        assertThat(twice).isEqualTo(once);
        assertThat(twice.hotlineCalls()).hasSize(1);
    }

    @Test
    void reclassificationStatusUpdatesDisagreementsAndResolutionAreFolded() {
        CaseEvent disagreement = CaseEvents.disagreementRaised(NUMBER, T0.plusSeconds(300), HELPDESK, "d-1", List.of(NUMBER.toString()),
                new RaiseDisagreement(new RaiseDisagreement.Documentation(List.of(NUMBER.toString()), "i", "p", "c", "r"), null));
        SupportCase supportCase = fold(created,
                CaseEvents.severityChanged(NUMBER, T0.plusSeconds(60), JANE, Severity.SEV1, Severity.SEV2,
                        Category.ACCESS_POINTS_UNREACHABLE, "One site"),
                CaseEvents.caseResponded(NUMBER, T0.plusSeconds(120), JANE, true, new PostResponse("On it")),
                CaseEvents.statusUpdatePosted(NUMBER, T0.plusSeconds(180), JANE, new PostStatusUpdate("Progress", 30)),
                disagreement,
                CaseEvents.caseResolved(NUMBER, T0.plusSeconds(400), JANE, new ResolveCase("Fixed")));

        assertThat(supportCase.severity()).isEqualTo(Severity.SEV2);
        assertThat(supportCase.category()).isEqualTo(Category.ACCESS_POINTS_UNREACHABLE);
        assertThat(supportCase.opening().severity()).isEqualTo(Severity.SEV1);
        assertThat(supportCase.statusUpdateIntervalMinutes()).isEqualTo(30);
        assertThat(supportCase.lastStatusUpdateAt()).isEqualTo(T0.plusSeconds(180));
        assertThat(supportCase.disagreement("d-1")).isPresent();
        assertThat(supportCase.isResolved()).isTrue();
        assertThat(supportCase.history()).extracting(SupportCase.HistoryEntry::type).containsExactly("CaseCreated",
                "SeverityChanged", "CaseResponded", "StatusUpdatePosted", "DisagreementRaised", "CaseResolved");
    }

    @Test
    void theQueueIsSev1FirstThenByReceipt() {
        SupportCase sev3Early = withSeverity(1, Severity.SEV3);
        SupportCase endUser = withSeverity(2, Severity.END_USER_ISSUE);
        SupportCase sev1Late = withSeverity(3, Severity.SEV1);
        SupportCase sev1Early = withSeverity(0, Severity.SEV1);
        SupportCase sev2 = withSeverity(4, Severity.SEV2);

        List<SupportCase> queue = java.util.stream.Stream.of(endUser, sev3Early, sev1Late, sev2, sev1Early)
                .sorted(SupportCase.QUEUE_ORDER).toList();

        assertThat(queue).containsExactly(sev1Early, sev1Late, sev2, sev3Early, endUser);
    }

    private SupportCase withSeverity(long sequence, Severity severity) {
        SupportCase base = CaseProjection.apply(null, created).orElseThrow();
        return new SupportCase(CaseNumber.of(sequence + 10), severity, base.category(), base.opening(), null, null, null, 60,
                List.of(), List.of(), null, List.of());
    }

    private static SupportCase fold(CaseEvent... events) {
        SupportCase supportCase = null;
        for (CaseEvent event : events) {
            supportCase = CaseProjection.apply(supportCase, event).orElse(supportCase);
        }
        return supportCase;
    }
}
