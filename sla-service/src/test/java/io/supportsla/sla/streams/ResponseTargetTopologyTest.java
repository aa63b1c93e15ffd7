package io.supportsla.sla.streams;

import static io.supportsla.sla.testing.SlaEventAssertions.describe;
import static io.supportsla.sla.testing.SlaEventAssertions.target;
import static org.assertj.core.api.Assertions.assertThat;

import io.supportsla.schemas.common.Region;
import io.supportsla.schemas.common.Severity;
import io.supportsla.schemas.sla.SlaBreached;
import io.supportsla.schemas.sla.SlaEvent;
import io.supportsla.schemas.sla.SlaMet;
import io.supportsla.schemas.sla.SlaTarget;
import io.supportsla.schemas.sla.SlaWarning;
import io.supportsla.schemas.sla.TargetBasis;
import io.supportsla.schemas.sla.TargetClock;
import io.supportsla.schemas.sla.TargetKind;
import io.supportsla.schemas.cases.CaseEvent;
import io.supportsla.sla.testing.CaseEvents;
import io.supportsla.sla.testing.SlaTopologyFixture;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The response targets table of SPEC 3.2, row by row, through the real topology on a virtual wall clock. */
class ResponseTargetTopologyTest {

    /** A Tuesday in GMT with no holiday in any region. */
    private static final Instant TUESDAY_10_00 = Instant.parse("2025-03-11T10:00:00Z");

    private SlaTopologyFixture sla;

    @AfterEach
    void close() {
        if (sla != null) {
            sla.close();
        }
    }

    @Test
    void endUserIssueIsDueAfterTwoBusinessHours() {
        sla = new SlaTopologyFixture(TUESDAY_10_00);

        sla.send(CaseEvents.created("C-1", Severity.END_USER_ISSUE, Region.EMEA, TUESDAY_10_00));

        SlaTarget target = target(single(sla.events()));
        assertThat(target.getKind()).isEqualTo(TargetKind.RESPONSE);
        assertThat(target.getClock()).isEqualTo(TargetClock.BUSINESS_TIME);
        assertThat(target.getBasis()).isEqualTo(TargetBasis.CASE_CREATED);
        assertThat(target.getTargetMinutes()).isEqualTo(120);
        assertThat(target.getStartsAt()).isEqualTo(TUESDAY_10_00);
        assertThat(target.getDeadline()).isEqualTo(Instant.parse("2025-03-11T12:00:00Z"));
    }

    @Test
    void sev2OpenedFridayEveningIsDueMondayMorningAfterEightBusinessHours() {
        Instant friday20 = Instant.parse("2025-03-07T20:00:00Z");
        sla = new SlaTopologyFixture(friday20);

        sla.send(CaseEvents.created("C-2", Severity.SEV2, Region.EMEA, friday20));

        SlaTarget target = target(single(sla.events()));
        assertThat(target.getTargetMinutes()).isEqualTo(480);
        assertThat(target.getDeadline()).isEqualTo(Instant.parse("2025-03-10T04:00:00Z"));
    }

    @Test
    void sev3IsDueAfterTwelveBusinessHours() {
        sla = new SlaTopologyFixture(TUESDAY_10_00);

        sla.send(CaseEvents.created("C-3", Severity.SEV3, Region.AMER, TUESDAY_10_00));

        SlaTarget target = target(single(sla.events()));
        assertThat(target.getTargetMinutes()).isEqualTo(720);
        assertThat(target.getDeadline()).isEqualTo(Instant.parse("2025-03-11T22:00:00Z"));
    }

    @Test
    void sev1WithoutCallIsDueOneHourAroundTheClock() {
        Instant saturday = Instant.parse("2025-03-15T03:00:00Z");
        sla = new SlaTopologyFixture(saturday);

        sla.send(CaseEvents.created("C-4", Severity.SEV1, Region.APAC, saturday));

        SlaTarget target = target(single(sla.events()));
        assertThat(target.getClock()).isEqualTo(TargetClock.AROUND_THE_CLOCK);
        assertThat(target.getTargetMinutes()).isEqualTo(60);
        assertThat(target.getDeadline()).isEqualTo(Instant.parse("2025-03-15T04:00:00Z"));
    }

    @Test
    void warnsAtHalfThreeQuartersAndNinetyPercentThenBreachesAtTheDeadline() {
        sla = new SlaTopologyFixture(TUESDAY_10_00);
        sla.send(CaseEvents.created("C-5", Severity.SEV1, Region.EMEA, TUESDAY_10_00));
        sla.events();

        sla.advanceTo(Instant.parse("2025-03-11T10:29:59Z"));
        assertThat(sla.events()).isEmpty();
        sla.advanceTo(Instant.parse("2025-03-11T10:30:00Z"));
        List<SlaEvent> half = sla.events();
        sla.advanceTo(Instant.parse("2025-03-11T10:45:00Z"));
        List<SlaEvent> threeQuarters = sla.events();
        sla.advanceTo(Instant.parse("2025-03-11T10:54:00Z"));
        List<SlaEvent> ninety = sla.events();
        sla.advanceTo(Instant.parse("2025-03-11T10:59:59Z"));
        assertThat(sla.events()).isEmpty();
        sla.advanceTo(Instant.parse("2025-03-11T11:00:00Z"));
        List<SlaEvent> breach = sla.events();

        assertThat(describe(half)).containsExactly("warning 50%");
        assertThat(((SlaWarning) half.get(0).getPayload()).getRemainingMinutes()).isEqualTo(30);
        assertThat(describe(threeQuarters)).containsExactly("warning 75%");
        assertThat(describe(ninety)).containsExactly("warning 90%");
        assertThat(((SlaWarning) ninety.get(0).getPayload()).getRemainingMinutes()).isEqualTo(6);
        assertThat(describe(breach)).containsExactly("breached RESPONSE");
        SlaBreached breached = (SlaBreached) breach.get(0).getPayload();
        assertThat(breached.getBreachedAt()).isEqualTo(Instant.parse("2025-03-11T11:00:00Z"));
        assertThat(breach.get(0).getCausationEventId()).as("fired by a timer").isNull();
        assertThat(breach.get(0).getOccurredAt()).isEqualTo(Instant.parse("2025-03-11T11:00:00Z"));
    }

    @Test
    void breachesOnceWhenNoResponseBeforeDeadline() {
        sla = new SlaTopologyFixture(TUESDAY_10_00);
        sla.send(CaseEvents.created("C-6", Severity.SEV2, Region.EMEA, TUESDAY_10_00));

        for (int step = 1; step <= 30 * 4; step++) {
            sla.advanceTo(TUESDAY_10_00.plus(Duration.ofMinutes(15L * step)));
        }

        assertThat(describe(sla.events())).containsExactly(
                "started RESPONSE CASE_CREATED until 2025-03-11T18:00:00Z",
                "warning 50%", "warning 75%", "warning 90%", "breached RESPONSE");
    }

    @Test
    void warningsOnABusinessClockCountBusinessTime() {
        Instant friday20 = Instant.parse("2025-03-07T20:00:00Z");
        sla = new SlaTopologyFixture(friday20);
        sla.send(CaseEvents.created("C-7", Severity.SEV2, Region.EMEA, friday20));
        sla.events();

        sla.advanceTo(Instant.parse("2025-03-08T00:00:00Z"));
        List<SlaEvent> atFridayMidnight = sla.events();
        sla.advanceTo(Instant.parse("2025-03-10T01:59:59Z"));
        List<SlaEvent> beforeMondayTwo = sla.events();
        sla.advanceTo(Instant.parse("2025-03-10T02:00:00Z"));
        List<SlaEvent> atMondayTwo = sla.events();

        assertThat(describe(atFridayMidnight)).as("4 of 8 business hours elapsed at Saturday 00:00").containsExactly("warning 50%");
        assertThat(((SlaWarning) atFridayMidnight.get(0).getPayload()).getRemainingMinutes()).isEqualTo(240);
        assertThat(beforeMondayTwo).isEmpty();
        assertThat(describe(atMondayTwo)).containsExactly("warning 75%");
    }

    @Test
    void firstResponseInTimeMeetsTheTargetAndStopsItsTimers() {
        sla = new SlaTopologyFixture(TUESDAY_10_00);
        CaseEvent created = CaseEvents.created("C-8", Severity.SEV2, Region.EMEA, TUESDAY_10_00);
        sla.send(created);
        sla.events();

        sla.advanceTo(Instant.parse("2025-03-11T11:00:00Z"));
        CaseEvent response = CaseEvents.responded("C-8", Instant.parse("2025-03-11T11:00:00Z"));
        sla.send(response);
        List<SlaEvent> onResponse = sla.events();
        sla.advanceTo(Instant.parse("2025-03-12T12:00:00Z"));

        assertThat(describe(onResponse)).containsExactly("met RESPONSE");
        SlaMet met = (SlaMet) onResponse.get(0).getPayload();
        assertThat(met.getMetAt()).isEqualTo(Instant.parse("2025-03-11T11:00:00Z"));
        assertThat(met.getConsultant()).isEqualTo(CaseEvents.CONSULTANT);
        assertThat(onResponse.get(0).getCausationEventId()).isEqualTo(response.getEventId());
        assertThat(sla.events()).as("no warning or breach after the target was met").isEmpty();
    }

    @Test
    void responseExactlyAtTheDeadlineMeetsIt() {
        sla = new SlaTopologyFixture(TUESDAY_10_00);
        sla.send(CaseEvents.created("C-9", Severity.SEV3, Region.EMEA, TUESDAY_10_00));
        sla.events();

        sla.send(CaseEvents.responded("C-9", Instant.parse("2025-03-11T22:00:00Z")));

        assertThat(describe(sla.events())).containsExactly("met RESPONSE");
    }

    @Test
    void lateResponseBreachesAtOnceWhenTheTimerHasNotFiredYet() {
        sla = new SlaTopologyFixture(TUESDAY_10_00);
        sla.send(CaseEvents.created("C-10", Severity.END_USER_ISSUE, Region.EMEA, TUESDAY_10_00));
        sla.events();

        sla.send(CaseEvents.responded("C-10", Instant.parse("2025-03-11T12:00:01Z")));
        List<SlaEvent> onResponse = sla.events();
        sla.advanceTo(Instant.parse("2025-03-11T14:00:00Z"));

        assertThat(describe(onResponse)).containsExactly("breached RESPONSE");
        assertThat(sla.events()).as("the breach is not published twice").isEmpty();
    }

    @Test
    void responseAfterTheBreachPublishesNothingMoreForANonSev1Case() {
        sla = new SlaTopologyFixture(TUESDAY_10_00);
        sla.send(CaseEvents.created("C-11", Severity.END_USER_ISSUE, Region.EMEA, TUESDAY_10_00));
        sla.advanceTo(Instant.parse("2025-03-11T12:00:00Z"));
        assertThat(describe(sla.events())).endsWith("breached RESPONSE");

        sla.send(CaseEvents.responded("C-11", Instant.parse("2025-03-11T12:30:00Z")));

        assertThat(sla.events()).isEmpty();
    }

    @Test
    void afterDowntimeOnlyTheBreachIsPublishedNotTheWarningsItSupersedes() {
        sla = new SlaTopologyFixture(TUESDAY_10_00);
        sla.send(CaseEvents.created("C-12", Severity.SEV1, Region.EMEA, TUESDAY_10_00));
        sla.events();

        sla.advanceTo(Instant.parse("2025-03-11T13:00:00Z"));

        List<SlaEvent> events = sla.events();
        assertThat(describe(events)).containsExactly("breached RESPONSE");
        assertThat(((SlaBreached) events.get(0).getPayload()).getBreachedAt()).isEqualTo(Instant.parse("2025-03-11T13:00:00Z"));
    }

    @Test
    void whenSeveralWarningsAreDueTogetherOnlyTheHighestGoesOut() {
        sla = new SlaTopologyFixture(TUESDAY_10_00);
        sla.send(CaseEvents.created("C-13", Severity.SEV1, Region.EMEA, TUESDAY_10_00));
        sla.events();

        sla.advanceTo(Instant.parse("2025-03-11T10:50:00Z"));

        assertThat(describe(sla.events())).containsExactly("warning 75%");
    }

    @Test
    void duplicateInputDoesNotStartOrFireTwice() {
        sla = new SlaTopologyFixture(TUESDAY_10_00);
        CaseEvent created = CaseEvents.created("C-14", Severity.SEV1, Region.EMEA, TUESDAY_10_00);
        CaseEvent response = CaseEvents.responded("C-14", Instant.parse("2025-03-11T10:20:00Z"));

        sla.send(created).send(created);
        sla.advanceTo(Instant.parse("2025-03-11T10:20:00Z"));
        sla.send(response).send(response);

        assertThat(describe(sla.events())).containsExactly(
                "started RESPONSE CASE_CREATED until 2025-03-11T11:00:00Z",
                "met RESPONSE",
                "started STATUS_UPDATE LAST_STATUS_UPDATE until 2025-03-11T11:20:00Z");
    }

    @Test
    void aSecondCreationOfAKnownCaseIsIgnored() {
        sla = new SlaTopologyFixture(TUESDAY_10_00);
        sla.send(CaseEvents.created("C-15", Severity.SEV1, Region.EMEA, TUESDAY_10_00));
        sla.events();

        sla.send(CaseEvents.created("C-15", Severity.SEV3, Region.EMEA, TUESDAY_10_00.plusSeconds(60)));

        assertThat(sla.events()).isEmpty();
        assertThat(sla.caseSla("C-15").severity()).isEqualTo(io.supportsla.sla.targets.Severity.SEV1);
    }

    @Test
    void eventsOfUnknownCasesAndDisagreementsPublishNothing() {
        sla = new SlaTopologyFixture(TUESDAY_10_00);

        sla.send(CaseEvents.responded("UNKNOWN", TUESDAY_10_00));
        sla.send(CaseEvents.created("C-16", Severity.SEV2, Region.EMEA, TUESDAY_10_00));
        sla.events();
        sla.send(CaseEvents.disagreement("C-16", TUESDAY_10_00.plusSeconds(60)));

        assertThat(sla.events()).isEmpty();
        assertThat(sla.caseSla("UNKNOWN")).isNull();
    }

    @Test
    void eventIdsAreStableAndKeyedByCaseNumber() {
        sla = new SlaTopologyFixture(TUESDAY_10_00);
        CaseEvent created = CaseEvents.created("C-17", Severity.SEV1, Region.EMEA, TUESDAY_10_00);

        sla.send(created);
        var records = sla.eventRecords();

        assertThat(records).singleElement().satisfies(record -> {
            assertThat(record.key()).isEqualTo("C-17");
            assertThat(record.value().getCaseNumber()).isEqualTo("C-17");
            assertThat(record.value().getCausationEventId()).isEqualTo(created.getEventId());
            assertThat(record.value().getOccurredAt()).isEqualTo(TUESDAY_10_00);
            assertThat(record.value().getEventId()).isEqualTo(java.util.UUID.nameUUIDFromBytes(
                    ("caused/" + created.getEventId() + "/0").getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString());
        });
    }

    private static SlaEvent single(List<SlaEvent> events) {
        assertThat(events).hasSize(1);
        return events.get(0);
    }
}
