package io.supportsla.systemtests;

import static io.supportsla.systemtests.Eventually.AFTER_SEV1_TARGET;
import static io.supportsla.systemtests.Eventually.SOON;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.supportsla.localstack.PagerSink;
import io.supportsla.schemas.Topics;
import io.supportsla.systemtests.Eventually.ExactlyOnce;
import io.supportsla.schemas.cases.CaseCreated;
import io.supportsla.schemas.common.Channel;
import io.supportsla.schemas.common.Recipient;
import io.supportsla.schemas.common.RecipientRole;
import io.supportsla.schemas.escalation.EscalationRaised;
import io.supportsla.schemas.escalation.EscalationReason;
import io.supportsla.schemas.notification.NotificationSent;
import io.supportsla.schemas.notification.NotificationTrigger;
import io.supportsla.schemas.sla.SlaBreached;
import io.supportsla.schemas.sla.SlaMet;
import io.supportsla.schemas.sla.SlaTimerStarted;
import io.supportsla.schemas.sla.SlaWarning;
import io.supportsla.schemas.sla.TargetBasis;
import io.supportsla.schemas.sla.TargetClock;
import io.supportsla.schemas.sla.TargetKind;

/**
 * Response targets end to end (SPEC §3.2, §3.4, §3.5): a SEV1 nobody answers breaches once and
 * escalates once with one email and one page per recipient; an answer in time is met and nothing
 * else happens; and the breach still fires exactly once when sla-service is restarted between the
 * case's creation and its deadline.
 */
@WithRunningPlatform
class ResponseTargetsIT {

    private static final Logger log = LoggerFactory.getLogger(ResponseTargetsIT.class);

    @Test
    void sev1WithoutResponseBreachesOnceAndEscalatesToLevelOneWithOneEmailAndOnePageEach(Platform platform) {
        ExactlyOnce once = new ExactlyOnce();
        CaseTrail trail = CaseTrail.openAcmeSev1(platform, "Nobody can connect, and nobody answers");
        CaseCreated created = trail.created();

        TopicRecorder.Event<SlaBreached> breach = once.awaitOne("response breach of " + trail.caseNumber(),
                AFTER_SEV1_TARGET, trail::responseBreaches);
        Instant deadline = created.getReceivedAt().plus(Platform.SEV1_RESPONSE_TARGET);
        assertThat(breach.payload().getTarget().getDeadline()).isEqualTo(deadline);
        assertThat(breach.payload().getTarget().getClock()).isEqualTo(TargetClock.AROUND_THE_CLOCK);
        assertThat(breach.payload().getBreachedAt()).isAfterOrEqualTo(deadline);

        TopicRecorder.Event<EscalationRaised> escalation = once.awaitOne("level-1 escalation of " + trail.caseNumber(),
                SOON, () -> trail.raised(EscalationReason.RESPONSE_BREACH));
        EscalationRaised raised = escalation.payload();
        assertThat(raised.getLevel()).isEqualTo(1);
        assertThat(raised.getBreachedDeadline()).isEqualTo(deadline);
        assertThat(escalation.record().causationEventId()).isEqualTo(breach.record().eventId());
        assertThat(raised.getRegion()).as("the time zone whose office is open, EMEA's first")
                .isEqualTo(Scenarios.respectiveRegion(created.getRegion(), escalation.record().occurredAt()));
        ShippedDirectory.Person contact = ShippedDirectory.contactOf(raised.getRegion());
        assertThat(raised.getRecipients()).extracting(Recipient::getRole, Recipient::getEmail, Recipient::getPagerRoutingKey)
                .containsExactly(
                        tuple(RecipientRole.REGIONAL_CONTACT, contact.email(), contact.pagerRoutingKey()),
                        tuple(RecipientRole.HOTLINE_ON_CALL, ShippedDirectory.HOTLINE_ON_CALL.email(),
                                ShippedDirectory.HOTLINE_ON_CALL.pagerRoutingKey()));
        assertThat(raised.getChannels()).containsExactly(Channel.EMAIL, Channel.PAGE);

        String dedupKey = trail.escalationDedupKey(raised.getEscalationId());
        for (ShippedDirectory.Person person : List.of(contact, ShippedDirectory.HOTLINE_ON_CALL)) {
            once.awaitOne("breach email to " + person.email(), SOON,
                    () -> trail.mailsTo(person.email(), NotificationTrigger.RESPONSE_BREACH));
            once.awaitOne("breach page to " + person.pagerRoutingKey(), SOON,
                    () -> trail.pageTriggers(person.pagerRoutingKey(), dedupKey));
        }
        once.verify();
        List<NotificationSent> sent = trail.sent(NotificationTrigger.RESPONSE_BREACH);
        assertThat(sent).as("an email and a page to each of the two recipients, each reported once").hasSize(4);
        assertThat(sent).allSatisfy(notification ->
                assertThat(notification.getNotification().getEscalationId()).isEqualTo(raised.getEscalationId()));
        assertThat(trail.failed()).isEmpty();
    }

    @Test
    void responseInTimeIsMetAndNothingElseHappens(Platform platform) throws Exception {
        ExactlyOnce once = new ExactlyOnce();
        AtomicReference<CaseTrail> opened = new AtomicReference<>();
        // sla-service must not be restarted between the answer and its verdict (see the restart scenario).
        SlaMet met = platform.whileSlaServiceRuns(() -> {
            CaseTrail trail = CaseTrail.openAcmeSev1(platform, "Nobody can connect, answered at once");
            opened.set(trail);
            platform.api().respond(trail.caseNumber(), "We are on it: restarting the RoamServer now.");
            return once.awaitOne("response target met for " + trail.caseNumber(), SOON,
                    () -> trail.payloads(SlaMet.class).stream()
                            .filter(m -> m.getTarget().getKind() == TargetKind.RESPONSE).toList());
        });
        CaseTrail trail = opened.get();
        CaseCreated created = trail.created();
        Instant deadline = created.getReceivedAt().plus(Platform.SEV1_RESPONSE_TARGET);
        assertThat(met.getTarget().getDeadline()).isEqualTo(deadline);
        assertThat(met.getMetAt()).isBeforeOrEqualTo(deadline);
        assertThat(met.getConsultant()).isEqualTo("jane-consultant");

        // Past the deadline (and the hops after it), nothing else may have happened.
        Eventually.until(deadline.plus(Duration.ofSeconds(15)), "the deadline of " + trail.caseNumber() + " has passed");
        once.verify();
        assertThat(trail.payloads(SlaBreached.class)).isEmpty();
        assertThat(trail.payloads(SlaWarning.class)).isEmpty();
        assertThat(trail.records(Topics.ESCALATION_EVENTS)).isEmpty();
        assertThat(trail.mails()).isEmpty();
        if (Scenarios.isWeekendOrHoliday(created)) {
            // A SEV1 opened on an EMEA weekend or holiday calls the hotline out: that page, nothing more.
            assertThat(trail.pages()).extracting(PagerSink.Page::dedupKey).containsOnly(trail.callOutDedupKey());
        } else {
            assertThat(trail.pages()).isEmpty();
        }
        Eventually.within(SOON, "sla-service's view of " + trail.caseNumber()).untilAsserted(() ->
                assertThat(platform.api().slaCase(trail.caseNumber()).path("response").path("status").asText())
                        .isEqualTo("MET"));
    }

    @Test
    void breachFiresOnceWhenSlaServiceIsRestartedBetweenCreationAndDeadline(Platform platform) throws Exception {
        ExactlyOnce once = new ExactlyOnce();
        CaseTrail trail = CaseTrail.openAcmeSev1(platform, "Nobody can connect, across an sla-service restart");
        // The timer is durable once SlaTimerStarted is committed: it is in the same transaction as the store write.
        SlaTimerStarted started = once.awaitOne("response timer of " + trail.caseNumber(), SOON,
                () -> trail.payloads(SlaTimerStarted.class).stream()
                        .filter(s -> s.getTarget().getKind() == TargetKind.RESPONSE).toList());
        Instant deadline = started.getTarget().getDeadline();
        assertThat(started.getTarget().getBasis()).isEqualTo(TargetBasis.CASE_CREATED);

        AtomicReference<Instant> stoppedAt = new AtomicReference<>();
        platform.restartSlaService(() -> stoppedAt.set(Instant.now()));
        assertThat(stoppedAt.get()).as("sla-service was stopped before the deadline").isBefore(deadline);
        // Back before the deadline, the restored timer fires on time; after it, at the first punctuation.
        log.info("{}: sla-service stopped at {}, ready again at {}, deadline {}", trail.caseNumber(), stoppedAt.get(),
                Instant.now(), deadline);

        TopicRecorder.Event<SlaBreached> breach = once.awaitOne("response breach of " + trail.caseNumber(),
                AFTER_SEV1_TARGET, trail::responseBreaches);
        assertThat(breach.payload().getTarget().getDeadline()).isEqualTo(deadline);
        assertThat(breach.payload().getBreachedAt()).isAfterOrEqualTo(deadline);

        EscalationRaised raised = once.awaitOne("level-1 escalation of " + trail.caseNumber(), SOON,
                () -> trail.raised(EscalationReason.RESPONSE_BREACH)).payload();
        ShippedDirectory.Person contact = ShippedDirectory.contactOf(raised.getRegion());
        once.awaitOne("breach email to " + contact.email(), SOON,
                () -> trail.mailsTo(contact.email(), NotificationTrigger.RESPONSE_BREACH));
        once.awaitOne("breach page to " + contact.pagerRoutingKey(), SOON,
                () -> trail.pageTriggers(contact.pagerRoutingKey(), trail.escalationDedupKey(raised.getEscalationId())));
        // Among them: one SlaTimerStarted, so the restarted service resumed the timer rather than starting another.
        once.verify();
    }
}
