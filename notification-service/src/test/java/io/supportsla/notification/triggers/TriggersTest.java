package io.supportsla.notification.triggers;

import static io.supportsla.notification.Events.CHRISTMAS_DAY;
import static io.supportsla.notification.Events.SATURDAY;
import static io.supportsla.notification.Events.TUESDAY;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.supportsla.calendar.BusinessCalendars;
import io.supportsla.notification.Events;
import io.supportsla.notification.delivery.NotificationId;
import io.supportsla.schemas.cases.CallTaker;
import io.supportsla.schemas.cases.CaseEvent;
import io.supportsla.schemas.common.Channel;
import io.supportsla.schemas.common.RecipientRole;
import io.supportsla.schemas.common.Severity;
import io.supportsla.schemas.escalation.EscalationEvent;
import io.supportsla.schemas.escalation.EscalationRaised;
import io.supportsla.schemas.escalation.EscalationReason;
import io.supportsla.schemas.notification.NotificationTrigger;
import io.supportsla.schemas.notification.PageAction;
import org.junit.jupiter.api.Test;

class TriggersTest {

    static final OwnRecipients RECIPIENTS = new OwnRecipients(
            new Recipient("Consulting team queue", RecipientRole.CONSULTING_TEAM, "consulting@support.example.com", null, null),
            new Recipient("Hotline on-call", RecipientRole.HOTLINE_ON_CALL, null, "rk-hotline", null),
            new Recipient("On-duty technicians", RecipientRole.ON_DUTY_TECHNICIANS, null, "rk-technicians", null),
            Map.of("consultant.jane", "jane@support.example.com"));

    final Triggers triggers = new Triggers(RECIPIENTS, BusinessCalendars.defaults());
    final String caseNumber = Events.newCaseNumber();

    // --- escalations ---

    @Test
    void escalationTellsEveryNamedRecipientOnEveryNamedChannelTheyCanBeReachedOn() {
        EscalationRaised raised = Events.escalation(caseNumber, Severity.SEV1,
                List.of(Events.londonContact(), Events.hotline()), List.of(Channel.EMAIL, Channel.PAGE)).build();

        List<PlannedNotification> planned = triggers.onEscalationEvent(Events.escalationEvent(caseNumber, raised),
                Optional.empty(), List.of());

        assertThat(planned).extracting(n -> n.recipient().name() + "/" + n.channel() + "/" + n.address().orElseThrow())
                .containsExactly(
                        "London regional contact/EMAIL/emea-escalations@support.example.com",
                        "London regional contact/PAGE/rk-emea-contact",
                        "Hotline on-call/PAGE/rk-hotline");
        assertThat(planned).allSatisfy(n -> {
            assertThat(n.trigger()).isEqualTo(NotificationTrigger.RESPONSE_BREACH);
            assertThat(n.escalationId()).isEqualTo(raised.getEscalationId());
            assertThat(n.content().acknowledgementUrl()).isEqualTo(Events.ACK_URL);
        });
    }

    @Test
    void escalationPagesTriggerWithOneDedupKeyPerCaseAndEscalation() {
        EscalationRaised raised = Events.escalation(caseNumber, Severity.SEV1,
                List.of(Events.londonContact(), Events.hotline()), List.of(Channel.PAGE)).build();

        List<PlannedNotification> pages = triggers.onEscalationEvent(Events.escalationEvent(caseNumber, raised),
                Optional.empty(), List.of());

        assertThat(pages).extracting(PlannedNotification::pageAction).containsOnly(PageAction.TRIGGER);
        assertThat(pages).extracting(PlannedNotification::dedupKey)
                .containsOnly(caseNumber + "/escalation/" + raised.getEscalationId());
    }

    @Test
    void escalationEmailsCarryNoPageFields() {
        EscalationRaised raised = Events.escalation(caseNumber, Severity.SEV2, List.of(Events.londonContact()),
                List.of(Channel.EMAIL)).build();

        PlannedNotification email = triggers.onEscalationEvent(Events.escalationEvent(caseNumber, raised), Optional.empty(),
                List.of()).get(0);

        assertThat(email.pageAction()).isNull();
        assertThat(email.dedupKey()).isNull();
    }

    @Test
    void escalationContentHoldsWhatAManagerNeedsToAct() {
        EscalationRaised raised = Events.escalation(caseNumber, Severity.SEV1, List.of(Events.londonContact()),
                List.of(Channel.EMAIL)).setReason(EscalationReason.DISAGREEMENT).setLevel(2)
                .setDocumentation(Events.documentation(caseNumber)).setBreachedDeadline(null).build();

        NotificationContent content = triggers.onEscalationEvent(Events.escalationEvent(caseNumber, raised), Optional.empty(),
                List.of()).get(0).content();

        assertThat(content.subject()).isEqualTo("[" + caseNumber + " SEV1] Disagreement on the action plan, escalation level 2: "
                + "RoamServer down in Frankfurt");
        assertThat(content.caseDetails().customerName()).isEqualTo("Acme Travel GmbH");
        assertThat(content.impact()).isEqualTo("4,000 travelling staff cannot connect to the corporate network.");
        assertThat(content.escalation().level()).isEqualTo(2);
        assertThat(content.escalation().reason()).isEqualTo(EscalationReason.DISAGREEMENT);
        assertThat(content.escalation().documentation().caseNumbers()).containsExactly(caseNumber, "C-OLD-0001");
        assertThat(content.escalation().documentation().progressToDate()).contains("restarted twice");
    }

    @Test
    void breachEscalationShowsTheMissedDeadlineAndTheImpactOfSeverityAndCategory() {
        EscalationRaised raised = Events.escalation(caseNumber, Severity.SEV1, List.of(Events.londonContact()),
                List.of(Channel.EMAIL)).build();

        NotificationContent content = triggers.onEscalationEvent(Events.escalationEvent(caseNumber, raised), Optional.empty(),
                List.of()).get(0).content();

        assertThat(content.deadline().label()).isEqualTo("Response was due");
        assertThat(content.deadline().at()).isEqualTo(TUESDAY.plusSeconds(900));
        assertThat(content.impact()).isEqualTo("Severity 1 (high): RoamServer down or all users cannot connect");
    }

    @Test
    void triggerFollowsTheEscalationReason() {
        assertThat(triggerOf(EscalationReason.RESPONSE_BREACH, null)).isEqualTo(NotificationTrigger.RESPONSE_BREACH);
        assertThat(triggerOf(EscalationReason.STATUS_UPDATE_BREACH, null)).isEqualTo(NotificationTrigger.STATUS_UPDATE_BREACH);
        assertThat(triggerOf(EscalationReason.DISAGREEMENT, null)).isEqualTo(NotificationTrigger.ESCALATION);
        assertThat(triggerOf(EscalationReason.ACKNOWLEDGEMENT_TIMEOUT, null)).isEqualTo(NotificationTrigger.ACKNOWLEDGEMENT_TIMEOUT);
    }

    @Test
    void escalationPassedOnAfterATimeoutIsAnAcknowledgementTimeoutWhateverItsReason() {
        assertThat(triggerOf(EscalationReason.RESPONSE_BREACH, RecipientRole.REGIONAL_CONTACT))
                .isEqualTo(NotificationTrigger.ACKNOWLEDGEMENT_TIMEOUT);
    }

    private NotificationTrigger triggerOf(EscalationReason reason, RecipientRole previous) {
        EscalationRaised raised = Events.escalation(caseNumber, Severity.SEV2, List.of(Events.director()), List.of(Channel.EMAIL))
                .setReason(reason).setPreviousRecipientRole(previous).build();
        return triggers.onEscalationEvent(Events.escalationEvent(caseNumber, raised), Optional.empty(), List.of()).get(0).trigger();
    }

    @Test
    void recipientWithNoAddressOnAnyNamedChannelYieldsOneNotificationThatCannotBeDelivered() {
        EscalationRaised raised = Events.escalation(caseNumber, Severity.SEV1, List.of(Events.hotline()),
                List.of(Channel.EMAIL)).build();

        List<PlannedNotification> planned = triggers.onEscalationEvent(Events.escalationEvent(caseNumber, raised),
                Optional.empty(), List.of());

        assertThat(planned).singleElement().satisfies(n -> {
            assertThat(n.channel()).isEqualTo(Channel.EMAIL);
            assertThat(n.address()).isEmpty();
        });
    }

    @Test
    void recipientReachableOnSomeNamedChannelsIsToldOnThoseOnly() {
        EscalationRaised raised = Events.escalation(caseNumber, Severity.SEV1, List.of(Events.director()),
                List.of(Channel.EMAIL, Channel.PAGE)).build();

        List<PlannedNotification> planned = triggers.onEscalationEvent(Events.escalationEvent(caseNumber, raised),
                Optional.empty(), List.of());

        assertThat(planned).extracting(PlannedNotification::channel).containsExactly(Channel.EMAIL);
    }

    @Test
    void theSameAddressNamedTwiceIsToldOnce() {
        EscalationRaised raised = Events.escalation(caseNumber, Severity.SEV2, List.of(Events.londonContact(),
                Events.recipient("Redwood Shores backup", RecipientRole.BACKUP_CONTACT, "EMEA-escalations@support.example.com", null)),
                List.of(Channel.EMAIL)).build();

        assertThat(triggers.onEscalationEvent(Events.escalationEvent(caseNumber, raised), Optional.empty(), List.of())).hasSize(1);
    }

    @Test
    void redeliveredEventYieldsTheSameNotificationIds() {
        EscalationEvent event = Events.escalationEvent(caseNumber, Events.escalation(caseNumber, Severity.SEV1,
                List.of(Events.londonContact()), List.of(Channel.EMAIL, Channel.PAGE)).build());

        List<NotificationId> first = triggers.onEscalationEvent(event, Optional.empty(), List.of()).stream()
                .map(PlannedNotification::id).toList();
        List<NotificationId> again = triggers.onEscalationEvent(event, Optional.empty(), List.of()).stream()
                .map(PlannedNotification::id).toList();

        assertThat(again).isEqualTo(first).doesNotHaveDuplicates();
    }

    @Test
    void acknowledgedEscalationAcknowledgesItsOpenPagesOnly() {
        OpenPage escalationPage = openPage("rk-emea-contact", caseNumber + "/escalation/esc-1", "esc-1");
        OpenPage otherPage = openPage("rk-hotline", caseNumber + "/sev1-call-out", null);

        List<PlannedNotification> planned = triggers.onEscalationEvent(
                Events.escalationEvent(caseNumber, Events.acknowledged("esc-1")), Optional.empty(), List.of(escalationPage, otherPage));

        assertThat(planned).singleElement().satisfies(page -> {
            assertThat(page.pageAction()).isEqualTo(PageAction.ACKNOWLEDGE);
            assertThat(page.dedupKey()).isEqualTo(caseNumber + "/escalation/esc-1");
            assertThat(page.address()).contains("rk-emea-contact");
        });
    }

    @Test
    void timeoutItselfTellsNobodyTheFollowingEscalationDoes() {
        assertThat(triggers.onEscalationEvent(Events.escalationEvent(caseNumber, Events.timedOut("esc-1")), Optional.empty(),
                List.of())).isEmpty();
    }

    // --- SLA events ---

    @Test
    void slaWarningEmailsTheConsultingTeamQueue() {
        List<PlannedNotification> planned = triggers.onSlaEvent(
                Events.slaEvent(caseNumber, Events.warning(Severity.SEV2, 75, 120)), Optional.empty());

        assertThat(planned).singleElement().satisfies(email -> {
            assertThat(email.trigger()).isEqualTo(NotificationTrigger.SLA_WARNING);
            assertThat(email.channel()).isEqualTo(Channel.EMAIL);
            assertThat(email.address()).contains("consulting@support.example.com");
            assertThat(email.content().headline()).isEqualTo("75% of the response target elapsed, 2 h left");
            assertThat(email.content().subject()).startsWith("[" + caseNumber + " SEV2] ");
            assertThat(email.content().deadline().at()).isEqualTo(TUESDAY.plusSeconds(8 * 3600));
        });
    }

    @Test
    void slaWarningUsesTheKnownCaseFacts() {
        CaseFacts facts = CaseFacts.after(Optional.empty(), Events.caseEvent(caseNumber, Events.created(Severity.SEV2, TUESDAY)))
                .orElseThrow();

        PlannedNotification email = triggers.onSlaEvent(Events.slaEvent(caseNumber, Events.warning(Severity.SEV2, 50, 240)),
                Optional.of(facts)).get(0);

        assertThat(email.content().subject()).endsWith(": RoamServer down in Frankfurt");
        assertThat(email.content().caseDetails().customerName()).isEqualTo("Acme Travel GmbH");
    }

    @Test
    void statusUpdateReminderGoesToTheCasesConsultantWhenTheirAddressIsKnown() {
        PlannedNotification email = triggers.onSlaEvent(Events.slaEvent(caseNumber, Events.statusUpdateDue("consultant.jane")),
                Optional.empty()).get(0);

        assertThat(email.trigger()).isEqualTo(NotificationTrigger.STATUS_UPDATE_DUE);
        assertThat(email.recipient().role()).isEqualTo(RecipientRole.CASE_CONSULTANT);
        assertThat(email.address()).contains("jane@support.example.com");
    }

    @Test
    void statusUpdateReminderGoesToTheTeamQueueWithoutAKnownConsultant() {
        assertThat(triggers.onSlaEvent(Events.slaEvent(caseNumber, Events.statusUpdateDue(null)), Optional.empty()).get(0)
                .address()).contains("consulting@support.example.com");
        assertThat(triggers.onSlaEvent(Events.slaEvent(caseNumber, Events.statusUpdateDue("consultant.unknown")), Optional.empty())
                .get(0).address()).contains("consulting@support.example.com");
    }

    @Test
    void breachesAreNotifiedThroughTheirEscalationNotHere() {
        assertThat(triggers.onSlaEvent(Events.slaEvent(caseNumber, Events.breached()), Optional.empty())).isEmpty();
    }

    // --- case events ---

    @Test
    void sev1CreatedOnAWeekendCallsOutTheHotline() {
        List<PlannedNotification> planned = triggers.onCaseEvent(
                Events.caseEvent(caseNumber, Events.created(Severity.SEV1, SATURDAY)), Optional.empty(), List.of());

        assertThat(planned).singleElement().satisfies(page -> {
            assertThat(page.trigger()).isEqualTo(NotificationTrigger.SEV1_CALL_OUT);
            assertThat(page.channel()).isEqualTo(Channel.PAGE);
            assertThat(page.pageAction()).isEqualTo(PageAction.TRIGGER);
            assertThat(page.address()).contains("rk-hotline");
            assertThat(page.dedupKey()).isEqualTo(caseNumber + "/sev1-call-out");
            assertThat(page.content().headline()).contains("weekend");
        });
    }

    @Test
    void sev1CreatedOnAPublicHolidayOfItsRegionCallsOutTheHotline() {
        List<PlannedNotification> planned = triggers.onCaseEvent(
                Events.caseEvent(caseNumber, Events.created(Severity.SEV1, CHRISTMAS_DAY)), Optional.empty(), List.of());

        assertThat(planned).singleElement().satisfies(page -> assertThat(page.content().headline()).contains("public holiday"));
    }

    @Test
    void sev1CreatedOnAWorkdayCallsOutNobody() {
        assertThat(triggers.onCaseEvent(Events.caseEvent(caseNumber, Events.created(Severity.SEV1, TUESDAY)), Optional.empty(),
                List.of())).isEmpty();
    }

    @Test
    void sev2CreatedOnAWeekendCallsOutNobody() {
        assertThat(triggers.onCaseEvent(Events.caseEvent(caseNumber, Events.created(Severity.SEV2, SATURDAY)), Optional.empty(),
                List.of())).isEmpty();
    }

    @Test
    void answeringServiceCallOnASev1CasePagesTheOnDutyTechnicians() {
        CaseEvent call = Events.caseEvent(caseNumber, Events.call(CallTaker.ANSWERING_SERVICE));

        List<PlannedNotification> planned = triggers.onCaseEvent(call, Optional.of(facts(Severity.SEV1)), List.of());

        assertThat(planned).singleElement().satisfies(page -> {
            assertThat(page.trigger()).isEqualTo(NotificationTrigger.ANSWERING_SERVICE_CALL);
            assertThat(page.address()).contains("rk-technicians");
            assertThat(page.recipient().role()).isEqualTo(RecipientRole.ON_DUTY_TECHNICIANS);
            assertThat(page.dedupKey()).isEqualTo(caseNumber + "/answering-service/" + call.getEventId());
            assertThat(page.content().details()).extracting(NotificationContent.Detail::value)
                    .contains("Max Mustermann", "Please call back urgently, all users down.");
        });
    }

    @Test
    void answeringServiceCallOnACaseThisServiceDoesNotKnowPagesToo() {
        assertThat(triggers.onCaseEvent(Events.caseEvent(caseNumber, Events.call(CallTaker.ANSWERING_SERVICE)), Optional.empty(),
                List.of())).hasSize(1);
    }

    @Test
    void callTakenByATechnicianPagesNobody() {
        assertThat(triggers.onCaseEvent(Events.caseEvent(caseNumber, Events.call(CallTaker.TECHNICIAN)),
                Optional.of(facts(Severity.SEV1)), List.of())).isEmpty();
    }

    @Test
    void answeringServiceCallOnASev2CasePagesNobody() {
        assertThat(triggers.onCaseEvent(Events.caseEvent(caseNumber, Events.call(CallTaker.ANSWERING_SERVICE)),
                Optional.of(facts(Severity.SEV2)), List.of())).isEmpty();
    }

    @Test
    void resolvedCaseResolvesEveryOpenPageWithItsRoutingKeyAndDedupKey() {
        OpenPage escalation = openPage("rk-emea-contact", caseNumber + "/escalation/esc-1", "esc-1");
        OpenPage callOut = openPage("rk-hotline", caseNumber + "/sev1-call-out", null);

        List<PlannedNotification> planned = triggers.onCaseEvent(Events.caseEvent(caseNumber, Events.resolved()),
                Optional.of(facts(Severity.SEV1)), List.of(escalation, callOut));

        assertThat(planned).extracting(page -> page.pageAction() + " " + page.address().orElseThrow() + " " + page.dedupKey())
                .containsExactly(
                        "RESOLVE rk-emea-contact " + caseNumber + "/escalation/esc-1",
                        "RESOLVE rk-hotline " + caseNumber + "/sev1-call-out");
        assertThat(planned).extracting(PlannedNotification::trigger).containsOnly(NotificationTrigger.CASE_RESOLVED);
        assertThat(planned).extracting(PlannedNotification::id).doesNotHaveDuplicates();
    }

    @Test
    void resolvedCaseWithoutOpenPagesSendsNothing() {
        assertThat(triggers.onCaseEvent(Events.caseEvent(caseNumber, Events.resolved()), Optional.of(facts(Severity.SEV1)),
                List.of())).isEmpty();
    }

    private CaseFacts facts(Severity severity) {
        return CaseFacts.after(Optional.empty(), Events.caseEvent(caseNumber, Events.created(severity, TUESDAY))).orElseThrow();
    }

    private OpenPage openPage(String routingKey, String dedupKey, String escalationId) {
        return new OpenPage(caseNumber, routingKey, dedupKey, "someone", RecipientRole.REGIONAL_CONTACT, null,
                NotificationTrigger.RESPONSE_BREACH, escalationId, Severity.SEV1);
    }
}
