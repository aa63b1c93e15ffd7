package io.supportsla.escalation.streams;

import static io.supportsla.escalation.testing.Events.caseCreated;
import static io.supportsla.escalation.testing.Events.disagreement;
import static io.supportsla.escalation.testing.Events.responseBreached;
import static org.assertj.core.api.Assertions.assertThat;

import io.supportsla.escalation.acknowledgement.AcknowledgementRequest;
import io.supportsla.escalation.acknowledgement.TokenCheck;
import io.supportsla.escalation.testing.Events;
import io.supportsla.escalation.timers.DueTimer;
import io.supportsla.escalation.timers.DueTimerIndex;
import io.supportsla.schemas.cases.CaseEvent;
import io.supportsla.schemas.common.Category;
import io.supportsla.schemas.common.Channel;
import io.supportsla.schemas.common.Recipient;
import io.supportsla.schemas.common.RecipientRole;
import io.supportsla.schemas.common.Region;
import io.supportsla.schemas.common.Severity;
import io.supportsla.schemas.escalation.AcknowledgementChannel;
import io.supportsla.schemas.escalation.EscalationAcknowledged;
import io.supportsla.schemas.escalation.EscalationEvent;
import io.supportsla.schemas.escalation.EscalationRaised;
import io.supportsla.schemas.escalation.EscalationReason;
import io.supportsla.schemas.escalation.EscalationTimedOut;
import io.supportsla.schemas.sla.SlaEvent;
import io.supportsla.schemas.sla.TargetKind;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The escalation topology end to end in a TopologyTestDriver: real serdes, persistent stores and
 * the wall-clock punctuator driven by the virtual clock.
 */
class EscalationTopologyTest {

    private static final String CASE = "C-0000-0042";
    /** Tuesday 11 March 2025, 10:00 in London: London open, Redwood Shores and Sydney closed. */
    private static final Instant LONDON_MORNING = Instant.parse("2025-03-11T10:00:00Z");
    /** Tuesday 14 January 2025, 10:00 in Redwood Shores: only Redwood Shores open. */
    private static final Instant REDWOOD_SHORES_MORNING = Instant.parse("2025-01-14T18:00:00Z");

    @TempDir
    Path stateDir;

    private TopologyHarness harness;

    @AfterEach
    void closeDriver() {
        if (harness != null) {
            harness.close();
        }
    }

    @Test
    void aResponseBreachRaisesOneLevel1EscalationCarryingEverythingNotificationNeeds() {
        // given an EMEA SEV2 case
        harness = new TopologyHarness(LONDON_MORNING, stateDir);
        Instant openedAt = LONDON_MORNING.minus(Duration.ofHours(9));
        harness.caseEvents.pipeInput(CASE, caseCreated(CASE, Severity.SEV2, Region.EMEA, openedAt));

        // when its response target is breached during London's hours
        SlaEvent breach = responseBreached(CASE, Severity.SEV2, Region.EMEA, LONDON_MORNING.minusSeconds(5));
        harness.slaEvents.pipeInput(CASE, breach);

        // then exactly one escalation is raised, keyed by the case
        List<KeyValue<String, EscalationEvent>> published = harness.escalationEvents.readKeyValuesToList();
        assertThat(published).hasSize(1);
        assertThat(published.get(0).key).isEqualTo(CASE);
        EscalationEvent event = published.get(0).value;
        assertThat(event.getCaseNumber()).isEqualTo(CASE);
        assertThat(event.getCausationEventId()).isEqualTo(breach.getEventId());
        assertThat(event.getOccurredAt()).isEqualTo(LONDON_MORNING);
        EscalationRaised raised = (EscalationRaised) event.getPayload();
        assertThat(raised.getEscalationId()).isEqualTo("C-0000-0042-E1");
        assertThat(raised.getLevel()).isEqualTo(1);
        assertThat(raised.getReason()).isEqualTo(EscalationReason.RESPONSE_BREACH);
        assertThat(raised.getRegion()).isEqualTo(Region.EMEA);
        assertThat(raised.getRecipients()).containsExactly(Recipient.newBuilder()
                .setName("London escalation contact").setRole(RecipientRole.REGIONAL_CONTACT)
                .setEmail("escalations.london@example.com").setPagerRoutingKey("examplelondoncontact000000000001")
                .setOffice(Region.EMEA).build());
        assertThat(raised.getChannels()).containsExactly(Channel.EMAIL);
        assertThat(raised.getCaseSummary().getTitle()).isEqualTo("Users in EMEA cannot connect");
        assertThat(raised.getCaseSummary().getSeverity()).isEqualTo(Severity.SEV2);
        assertThat(raised.getCaseSummary().getCategory()).isEqualTo(Category.ACCESS_POINTS_UNREACHABLE);
        assertThat(raised.getCaseSummary().getCustomerId()).isEqualTo("acme");
        assertThat(raised.getCaseSummary().getCustomerName()).isEqualTo("Acme Corporation");
        assertThat(raised.getCaseSummary().getRegion()).isEqualTo(Region.EMEA);
        assertThat(raised.getCaseSummary().getOpenedAt()).isEqualTo(openedAt);
        assertThat(raised.getCaseSummary().getConsultant()).isNull();
        assertThat(raised.getDocumentation()).isNull();
        assertThat(raised.getBreachedDeadline()).isEqualTo(LONDON_MORNING.minusSeconds(5));
        assertThat(raised.getAcknowledgeBy()).isEqualTo(LONDON_MORNING.plus(Duration.ofHours(2)));
        assertThat(raised.getPreviousRecipientRole()).isNull();
        // and the link is signed for the London contact, valid for a day
        assertThat(raised.getAcknowledgementUrl())
                .startsWith("https://escalations.example.org/api/v1/escalations/C-0000-0042-E1/acknowledgement?token=v1.");
        assertThat(harness.tokens.check(tokenOf(raised), harness.now())).isInstanceOfSatisfying(TokenCheck.Valid.class, valid -> {
            assertThat(valid.token().escalationId()).isEqualTo("C-0000-0042-E1");
            assertThat(valid.token().recipient()).isEqualTo("london-contact");
            assertThat(valid.token().expiresAt()).isEqualTo(LONDON_MORNING.plus(Duration.ofDays(1)));
        });
        assertThat(harness.meters.counter("supportsla.escalations.raised", "level", "1", "reason", "RESPONSE_BREACH").count())
                .isEqualTo(1.0);
    }

    @Test
    void aSev1ResponseBreachPagesAndEmailsTheContactAndTheHotlineOnCall() {
        harness = new TopologyHarness(LONDON_MORNING, stateDir);
        harness.caseEvents.pipeInput(CASE, caseCreated(CASE, Severity.SEV1, Region.EMEA, LONDON_MORNING.minus(Duration.ofHours(1))));

        harness.slaEvents.pipeInput(CASE, responseBreached(CASE, Severity.SEV1, Region.EMEA, LONDON_MORNING));

        EscalationRaised raised = (EscalationRaised) single(harness.published()).getPayload();
        assertThat(raised.getRecipients()).extracting(Recipient::getRole)
                .containsExactly(RecipientRole.REGIONAL_CONTACT, RecipientRole.HOTLINE_ON_CALL);
        assertThat(raised.getRecipients()).extracting(Recipient::getEmail)
                .containsExactly("escalations.london@example.com", "hotline.on-call@example.org");
        assertThat(raised.getRecipients()).extracting(Recipient::getPagerRoutingKey)
                .containsExactly("examplelondoncontact000000000001", "examplehotlineoncall000000000001");
        assertThat(raised.getChannels()).containsExactly(Channel.EMAIL, Channel.PAGE);
        assertThat(raised.getAcknowledgeBy()).isEqualTo(LONDON_MORNING.plus(Duration.ofMinutes(15)));
    }

    @Test
    void aMissedStatusUpdateNamesTheCasesConsultantInTheSummary() {
        harness = new TopologyHarness(LONDON_MORNING, stateDir);
        harness.caseEvents.pipeInput(CASE, caseCreated(CASE, Severity.SEV1, Region.EMEA, LONDON_MORNING.minus(Duration.ofHours(3))));
        harness.caseEvents.pipeInput(CASE, Events.firstResponse(CASE, LONDON_MORNING.minus(Duration.ofHours(2))));

        harness.slaEvents.pipeInput(CASE, Events.breached(CASE, TargetKind.STATUS_UPDATE, Severity.SEV1, Region.EMEA, LONDON_MORNING));

        EscalationRaised raised = (EscalationRaised) single(harness.published()).getPayload();
        assertThat(raised.getReason()).isEqualTo(EscalationReason.STATUS_UPDATE_BREACH);
        assertThat(raised.getCaseSummary().getConsultant()).isEqualTo("jane.consultant");
        assertThat(raised.getChannels()).containsExactly(Channel.EMAIL, Channel.PAGE);
    }

    @Test
    void theSameBreachDeliveredTwiceOrReportedAgainEscalatesOnce() {
        harness = new TopologyHarness(LONDON_MORNING, stateDir);
        harness.caseEvents.pipeInput(CASE, caseCreated(CASE, Severity.SEV2, Region.EMEA, LONDON_MORNING.minus(Duration.ofHours(9))));
        SlaEvent breach = responseBreached(CASE, Severity.SEV2, Region.EMEA, LONDON_MORNING);

        harness.slaEvents.pipeInput(CASE, breach);
        harness.slaEvents.pipeInput(CASE, breach);
        harness.advance(Duration.ofMinutes(1));
        harness.slaEvents.pipeInput(CASE, Events.reportedAgain(breach));

        assertThat(harness.published()).hasSize(1);
        assertThat(harness.meters.counter("supportsla.escalation.inputs.ignored", "reason", "DUPLICATE").count()).isEqualTo(2.0);
    }

    @Test
    void warningsHotlineCallsAndOtherEventsEscalateNothing() {
        harness = new TopologyHarness(LONDON_MORNING, stateDir);
        harness.caseEvents.pipeInput(CASE, caseCreated(CASE, Severity.SEV1, Region.EMEA, LONDON_MORNING));
        harness.caseEvents.pipeInput(CASE, Events.hotlineCall(CASE, LONDON_MORNING));
        harness.slaEvents.pipeInput(CASE, Events.warning(CASE, Severity.SEV1, Region.EMEA, LONDON_MORNING.plus(Duration.ofMinutes(15))));

        assertThat(harness.published()).isEmpty();
    }

    @Test
    void aDisagreementGoesToLevel1AndRaisedAgainWhileOpenToTheDirector() {
        harness = new TopologyHarness(LONDON_MORNING, stateDir);
        harness.caseEvents.pipeInput(CASE, caseCreated(CASE, Severity.SEV2, Region.EMEA, LONDON_MORNING.minus(Duration.ofDays(1))));

        harness.caseEvents.pipeInput(CASE, disagreement(CASE, "d-1", null, LONDON_MORNING));
        harness.advance(Duration.ofMinutes(40));
        CaseEvent raisedAgain = disagreement(CASE, "d-2", "d-1", harness.now());
        harness.caseEvents.pipeInput(CASE, raisedAgain);
        harness.caseEvents.pipeInput(CASE, raisedAgain);

        List<EscalationEvent> published = harness.published();
        assertThat(published).hasSize(2);
        EscalationRaised level1 = (EscalationRaised) published.get(0).getPayload();
        EscalationRaised level2 = (EscalationRaised) published.get(1).getPayload();
        assertThat(level1.getLevel()).isEqualTo(1);
        assertThat(level1.getReason()).isEqualTo(EscalationReason.DISAGREEMENT);
        assertThat(level1.getRecipients()).extracting(Recipient::getRole).containsExactly(RecipientRole.REGIONAL_CONTACT);
        assertThat(level1.getDocumentation().getCaseNumbers()).containsExactly(CASE);
        assertThat(level1.getDocumentation().getReason()).contains("disagree");
        assertThat(level1.getBreachedDeadline()).isNull();
        assertThat(level2.getEscalationId()).isEqualTo("C-0000-0042-E2");
        assertThat(level2.getLevel()).isEqualTo(2);
        assertThat(level2.getReason()).isEqualTo(EscalationReason.DISAGREEMENT);
        assertThat(level2.getRecipients()).extracting(Recipient::getRole).containsExactly(RecipientRole.DIRECTOR);
        assertThat(level2.getRecipients()).extracting(Recipient::getEmail).containsExactly("director.customer-consulting@example.org");
        assertThat(level2.getDocumentation()).isNotNull();
        // and only the director's escalation still waits for an acknowledgement
        assertThat(timersDueBy(harness.now().plus(Duration.ofDays(1)))).extracting(DueTimer::escalationId)
                .containsExactly("C-0000-0042-E2");
    }

    @Test
    void withoutAcknowledgementTheEscalationPassesToTheBackupThenTheDirector() {
        // given an AMER case escalated to the Redwood Shores contact
        harness = new TopologyHarness(REDWOOD_SHORES_MORNING, stateDir);
        harness.caseEvents.pipeInput(CASE, caseCreated(CASE, Severity.SEV3, Region.AMER, REDWOOD_SHORES_MORNING.minus(Duration.ofDays(2))));
        harness.slaEvents.pipeInput(CASE, responseBreached(CASE, Severity.SEV3, Region.AMER, REDWOOD_SHORES_MORNING));
        EscalationRaised first = (EscalationRaised) single(harness.published()).getPayload();
        assertThat(first.getRecipients()).extracting(Recipient::getEmail).containsExactly("escalations.redwood-shores@example.com");

        // when nobody acknowledges: nothing happens before the 2-hour timeout
        harness.advance(Duration.ofMinutes(119));
        assertThat(harness.published()).isEmpty();

        // then at the timeout the backup (the London contact) is told
        harness.advance(Duration.ofMinutes(1));
        List<EscalationEvent> toBackup = harness.published();
        assertThat(toBackup).hasSize(2);
        EscalationTimedOut firstTimeout = (EscalationTimedOut) toBackup.get(0).getPayload();
        assertThat(firstTimeout.getEscalationId()).isEqualTo(first.getEscalationId());
        assertThat(firstTimeout.getLevel()).isEqualTo(1);
        assertThat(firstTimeout.getAcknowledgeBy()).isEqualTo(first.getAcknowledgeBy());
        assertThat(firstTimeout.getUnacknowledgedRecipients()).isEqualTo(first.getRecipients());
        assertThat(firstTimeout.getNextRecipientRole()).isEqualTo(RecipientRole.BACKUP_CONTACT);
        EscalationRaised backup = (EscalationRaised) toBackup.get(1).getPayload();
        assertThat(toBackup.get(1).getCausationEventId()).isNull();
        assertThat(backup.getEscalationId()).isEqualTo(first.getEscalationId());
        assertThat(backup.getLevel()).isEqualTo(1);
        assertThat(backup.getReason()).isEqualTo(EscalationReason.ACKNOWLEDGEMENT_TIMEOUT);
        assertThat(backup.getRegion()).isEqualTo(Region.AMER);
        assertThat(backup.getRecipients()).extracting(Recipient::getRole).containsExactly(RecipientRole.BACKUP_CONTACT);
        assertThat(backup.getRecipients()).extracting(Recipient::getEmail).containsExactly("escalations.london@example.com");
        assertThat(backup.getChannels()).isEqualTo(first.getChannels());
        assertThat(backup.getBreachedDeadline()).isEqualTo(first.getBreachedDeadline());
        assertThat(backup.getPreviousRecipientRole()).isEqualTo(RecipientRole.REGIONAL_CONTACT);
        assertThat(backup.getAcknowledgeBy()).isEqualTo(harness.now().plus(Duration.ofHours(2)));

        // and after a second timeout the director
        harness.advance(Duration.ofHours(2));
        List<EscalationEvent> toDirector = harness.published();
        assertThat(toDirector).hasSize(2);
        assertThat(((EscalationTimedOut) toDirector.get(0).getPayload()).getNextRecipientRole()).isEqualTo(RecipientRole.DIRECTOR);
        EscalationRaised director = (EscalationRaised) toDirector.get(1).getPayload();
        assertThat(director.getLevel()).isEqualTo(2);
        assertThat(director.getRecipients()).extracting(Recipient::getRole).containsExactly(RecipientRole.DIRECTOR);
        assertThat(director.getPreviousRecipientRole()).isEqualTo(RecipientRole.BACKUP_CONTACT);

        // and after the director nobody is left
        harness.advance(Duration.ofHours(2));
        EscalationTimedOut last = (EscalationTimedOut) single(harness.published()).getPayload();
        assertThat(last.getLevel()).isEqualTo(2);
        assertThat(last.getNextRecipientRole()).isNull();
        harness.advance(Duration.ofDays(2));
        assertThat(harness.published()).isEmpty();
        assertThat(harness.dueTimersStore().approximateNumEntries()).isZero();
        assertThat(harness.meters.counter("supportsla.escalations.timed.out", "level", "1").count()).isEqualTo(2.0);
    }

    @Test
    void anAcknowledgementBeforeTheTimeoutStopsTheReEscalation() {
        harness = new TopologyHarness(LONDON_MORNING, stateDir);
        harness.caseEvents.pipeInput(CASE, caseCreated(CASE, Severity.SEV1, Region.EMEA, LONDON_MORNING.minus(Duration.ofHours(1))));
        harness.slaEvents.pipeInput(CASE, responseBreached(CASE, Severity.SEV1, Region.EMEA, LONDON_MORNING));
        EscalationRaised raised = (EscalationRaised) single(harness.published()).getPayload();

        // when the London contact acknowledges after 10 of their 15 minutes
        harness.advance(Duration.ofMinutes(10));
        AcknowledgementRequest request = acknowledgement(raised.getEscalationId(), "london-contact", AcknowledgementChannel.LINK);
        harness.acknowledgementRequests.pipeInput(CASE, request);
        harness.acknowledgementRequests.pipeInput(CASE, acknowledgement(raised.getEscalationId(), "jane", AcknowledgementChannel.API_KEY));

        // then the acknowledgement is published once
        EscalationEvent acknowledgedEvent = single(harness.published());
        EscalationAcknowledged acknowledged = (EscalationAcknowledged) acknowledgedEvent.getPayload();
        assertThat(acknowledged.getEscalationId()).isEqualTo(raised.getEscalationId());
        assertThat(acknowledged.getAcknowledgedBy()).isEqualTo("london-contact");
        assertThat(acknowledged.getVia()).isEqualTo(AcknowledgementChannel.LINK);
        assertThat(acknowledged.getAcknowledgedAt()).isEqualTo(request.requestedAt());
        // and nothing passes on, however long nobody else acts
        harness.advance(Duration.ofHours(6));
        assertThat(harness.published()).isEmpty();
        assertThat(harness.dueTimersStore().approximateNumEntries()).isZero();
        assertThat(harness.meters.counter("supportsla.escalations.acknowledged", "via", "LINK").count()).isEqualTo(1.0);
    }

    @Test
    void resolvingTheCaseStopsTimersAndEveryLaterEscalation() {
        harness = new TopologyHarness(LONDON_MORNING, stateDir);
        harness.caseEvents.pipeInput(CASE, caseCreated(CASE, Severity.SEV2, Region.EMEA, LONDON_MORNING.minus(Duration.ofHours(9))));
        harness.slaEvents.pipeInput(CASE, responseBreached(CASE, Severity.SEV2, Region.EMEA, LONDON_MORNING));
        harness.caseEvents.pipeInput(CASE, disagreement(CASE, "d-1", null, LONDON_MORNING));
        EscalationRaised breachEscalation = (EscalationRaised) harness.published().get(0).getPayload();

        // when the case is resolved
        harness.advance(Duration.ofMinutes(30));
        harness.caseEvents.pipeInput(CASE, Events.resolved(CASE, harness.now()));

        // then no timer fires, and nothing later escalates or is acknowledged
        harness.advance(Duration.ofHours(6));
        harness.slaEvents.pipeInput(CASE, Events.breached(CASE, TargetKind.STATUS_UPDATE, Severity.SEV2, Region.EMEA, harness.now()));
        harness.caseEvents.pipeInput(CASE, disagreement(CASE, "d-2", "d-1", harness.now()));
        harness.acknowledgementRequests.pipeInput(CASE,
                acknowledgement(breachEscalation.getEscalationId(), "london-contact", AcknowledgementChannel.LINK));
        assertThat(harness.published()).isEmpty();
        assertThat(harness.dueTimersStore().approximateNumEntries()).isZero();
    }

    @Test
    void aBreachArrivingBeforeItsCaseEscalatesOnceTheCaseIsKnown() {
        harness = new TopologyHarness(LONDON_MORNING, stateDir);
        harness.slaEvents.pipeInput(CASE, responseBreached(CASE, Severity.SEV2, Region.EMEA, LONDON_MORNING));
        assertThat(harness.published()).isEmpty();

        harness.caseEvents.pipeInput(CASE, caseCreated(CASE, Severity.SEV2, Region.EMEA, LONDON_MORNING.minus(Duration.ofHours(9))));

        EscalationRaised raised = (EscalationRaised) single(harness.published()).getPayload();
        assertThat(raised.getCaseSummary().getTitle()).isEqualTo("Users in EMEA cannot connect");
    }

    @Test
    void theTimerIndexHoldsOneEntryPerWaitingEscalationAndTheScanReadsOnlyDueOnes() {
        harness = new TopologyHarness(LONDON_MORNING, stateDir);
        harness.caseEvents.pipeInput("C-0000-0001", caseCreated("C-0000-0001", Severity.SEV1, Region.EMEA, LONDON_MORNING));
        harness.caseEvents.pipeInput("C-0000-0002", caseCreated("C-0000-0002", Severity.SEV2, Region.EMEA, LONDON_MORNING));
        harness.slaEvents.pipeInput("C-0000-0001", responseBreached("C-0000-0001", Severity.SEV1, Region.EMEA, LONDON_MORNING));
        harness.slaEvents.pipeInput("C-0000-0002", responseBreached("C-0000-0002", Severity.SEV2, Region.EMEA, LONDON_MORNING));

        assertThat(harness.dueTimersStore().approximateNumEntries()).isEqualTo(2);
        assertThat(timersDueBy(LONDON_MORNING.plus(Duration.ofMinutes(14)))).isEmpty();
        assertThat(timersDueBy(LONDON_MORNING.plus(Duration.ofMinutes(15)))).containsExactly(
                new DueTimer(LONDON_MORNING.plus(Duration.ofMinutes(15)), "C-0000-0001", "C-0000-0001-E1"));
        assertThat(timersDueBy(LONDON_MORNING.plus(Duration.ofHours(2)))).hasSize(2);
    }

    @Test
    void aRecordThatCannotBeReadGoesToTheDeadLetterTopicAndTheNextIsProcessed() {
        harness = new TopologyHarness(LONDON_MORNING, stateDir);
        harness.caseEvents.pipeInput(CASE, caseCreated(CASE, Severity.SEV2, Region.EMEA, LONDON_MORNING.minus(Duration.ofHours(9))));
        byte[] garbage = "not an Avro record".getBytes(StandardCharsets.UTF_8);

        harness.rawSlaEvents.pipeInput(CASE, garbage);
        harness.slaEvents.pipeInput(CASE, responseBreached(CASE, Severity.SEV2, Region.EMEA, LONDON_MORNING));

        assertThat(harness.deadLetters).hasSize(1);
        ProducerRecord<byte[], byte[]> deadLetter = harness.deadLetters.get(0);
        assertThat(deadLetter.topic()).isEqualTo("support.sla-events.dlq");
        assertThat(deadLetter.key()).isEqualTo(CASE.getBytes(StandardCharsets.UTF_8));
        assertThat(deadLetter.value()).isEqualTo(garbage);
        assertThat(header(deadLetter, "kafka_dlt-original-topic")).isEqualTo("support.sla-events");
        assertThat(header(deadLetter, "kafka_dlt-original-consumer-group")).isEqualTo("escalation-service");
        assertThat(header(deadLetter, "kafka_dlt-exception-fqcn")).isNotBlank();
        assertThat(header(deadLetter, "kafka_dlt-exception-message")).isNotBlank();
        assertThat(header(deadLetter, "kafka_dlt-exception-stacktrace")).isNotBlank();
        assertThat(ByteBuffer.wrap(deadLetter.headers().lastHeader("kafka_dlt-original-partition").value()).getInt()).isZero();
        assertThat(ByteBuffer.wrap(deadLetter.headers().lastHeader("kafka_dlt-original-offset").value()).getLong()).isZero();
        assertThat(deadLetter.headers().lastHeader("kafka_dlt-original-timestamp").value()).hasSize(Long.BYTES);
        assertThat(harness.published()).hasSize(1);
    }

    @Test
    void aRecordWithoutACaseNumberGoesToTheDeadLetterTopic() {
        harness = new TopologyHarness(LONDON_MORNING, stateDir);

        harness.slaEvents.pipeInput((String) null, responseBreached(CASE, Severity.SEV2, Region.EMEA, LONDON_MORNING));

        assertThat(harness.deadLetters).singleElement().satisfies(deadLetter -> {
            assertThat(deadLetter.topic()).isEqualTo("support.sla-events.dlq");
            assertThat(header(deadLetter, "kafka_dlt-exception-message")).contains("without a case number");
        });
        assertThat(harness.published()).isEmpty();
    }

    @Test
    void aRecordWhoseKeyIsNotItsCaseNumberGoesToTheDeadLetterTopicInsteadOfEscalatingAnotherCase() {
        harness = new TopologyHarness(LONDON_MORNING, stateDir);
        harness.caseEvents.pipeInput(CASE, caseCreated(CASE, Severity.SEV2, Region.EMEA, LONDON_MORNING.minus(Duration.ofHours(9))));

        harness.slaEvents.pipeInput(CASE, responseBreached("C-0000-0999", Severity.SEV2, Region.EMEA, LONDON_MORNING));

        assertThat(harness.deadLetters).singleElement().satisfies(deadLetter -> assertThat(
                header(deadLetter, "kafka_dlt-exception-message")).isEqualTo(
                "record key '" + CASE + "' differs from the event's case number 'C-0000-0999'"));
        assertThat(harness.published()).isEmpty();
    }

    private List<DueTimer> timersDueBy(Instant moment) {
        return new DueTimerIndex(harness.dueTimersStore()).dueAt(moment, 100);
    }

    private AcknowledgementRequest acknowledgement(String escalationId, String by, AcknowledgementChannel via) {
        return new AcknowledgementRequest(UUID.randomUUID().toString(), CASE, escalationId, by, via, harness.now());
    }

    private static EscalationEvent single(List<EscalationEvent> events) {
        assertThat(events).hasSize(1);
        return events.get(0);
    }

    private static String tokenOf(EscalationRaised raised) {
        String url = raised.getAcknowledgementUrl();
        return URLDecoder.decode(url.substring(url.indexOf("token=") + "token=".length()), StandardCharsets.UTF_8);
    }

    private static String header(ProducerRecord<byte[], byte[]> record, String key) {
        return new String(record.headers().lastHeader(key).value(), StandardCharsets.UTF_8);
    }
}
