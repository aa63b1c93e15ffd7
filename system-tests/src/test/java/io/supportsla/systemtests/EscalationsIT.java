package io.supportsla.systemtests;

import static io.supportsla.systemtests.Eventually.SOON;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.supportsla.schemas.Topics;
import io.supportsla.systemtests.Eventually.ExactlyOnce;
import io.supportsla.schemas.cases.CaseCreated;
import io.supportsla.schemas.common.Channel;
import io.supportsla.schemas.common.Recipient;
import io.supportsla.schemas.common.RecipientRole;
import io.supportsla.schemas.escalation.EscalationRaised;
import io.supportsla.schemas.escalation.EscalationReason;
import io.supportsla.schemas.escalation.EscalationTimedOut;
import io.supportsla.schemas.notification.NotificationTrigger;
import io.supportsla.schemas.sla.SlaMet;
import io.supportsla.schemas.sla.TargetKind;

/**
 * Escalation end to end (SPEC §3.4, §3.5): a disagreement goes to the level-1 contact of the
 * respective time zone and, raised again, to the director; an escalation nobody acknowledges
 * passes to the backup manager and then to the director.
 */
@WithRunningPlatform
class EscalationsIT {

    /** Time for the acknowledgement timer to fire and its events to reach the topics and the sinks. */
    private static final Duration AFTER_ACKNOWLEDGEMENT_TIMEOUT = Platform.SEV1_ACKNOWLEDGEMENT_TIMEOUT.plus(SOON);

    @Test
    void disagreementRaisedTwiceGoesToLevelOneThenToTheDirector(Platform platform) {
        ExactlyOnce once = new ExactlyOnce();
        CaseTrail trail = CaseTrail.open(platform, PlatformApi.ACME_HELPDESK, "acme", "SEV3",
                "QUESTION_OR_SERVICE_REQUEST", "Licence count question we disagree on");
        CaseCreated created = trail.created();

        JsonNode first = platform.api().raiseDisagreement(PlatformApi.ACME_HELPDESK, trail.caseNumber(), null);
        TopicRecorder.Event<EscalationRaised> levelOne = once.awaitOne("level-1 escalation of " + trail.caseNumber(), SOON,
                () -> trail.raised(EscalationReason.DISAGREEMENT).stream().filter(e -> e.payload().getLevel() == 1).toList());
        EscalationRaised raised = levelOne.payload();
        assertThat(levelOne.record().causationEventId()).isEqualTo(first.path("eventId").asText());
        assertThat(raised.getRegion())
                .isEqualTo(Scenarios.respectiveRegion(created.getRegion(), levelOne.record().occurredAt()));
        ShippedDirectory.Person contact = ShippedDirectory.contactOf(raised.getRegion());
        assertThat(raised.getRecipients()).extracting(Recipient::getRole, Recipient::getEmail)
                .containsExactly(tuple(RecipientRole.REGIONAL_CONTACT, contact.email()));
        assertThat(raised.getChannels()).as("email only below SEV1").containsExactly(Channel.EMAIL);
        assertThat(raised.getDocumentation().getCaseNumbers()).containsExactly(trail.caseNumber());
        once.awaitOne("level-1 email to " + contact.email(), SOON,
                () -> trail.mailsTo(contact.email(), NotificationTrigger.ESCALATION));

        JsonNode second = platform.api().raiseDisagreement(PlatformApi.ACME_HELPDESK, trail.caseNumber(),
                first.path("disagreementId").asText());
        TopicRecorder.Event<EscalationRaised> levelTwo = once.awaitOne("level-2 escalation of " + trail.caseNumber(), SOON,
                () -> trail.raised(EscalationReason.DISAGREEMENT).stream().filter(e -> e.payload().getLevel() == 2).toList());
        assertThat(levelTwo.record().causationEventId()).isEqualTo(second.path("eventId").asText());
        assertThat(levelTwo.payload().getEscalationId()).isNotEqualTo(raised.getEscalationId());
        assertThat(levelTwo.payload().getRecipients()).extracting(Recipient::getRole, Recipient::getEmail)
                .containsExactly(tuple(RecipientRole.DIRECTOR, ShippedDirectory.DIRECTOR.email()));
        once.awaitOne("level-2 email to the director", SOON,
                () -> trail.mailsTo(ShippedDirectory.DIRECTOR.email(), NotificationTrigger.ESCALATION));

        once.verify();
        assertThat(trail.raised(EscalationReason.DISAGREEMENT)).hasSize(2);
        assertThat(trail.pages()).as("no page below SEV1").isEmpty();
        assertThat(trail.failed()).isEmpty();
        Eventually.within(SOON, "escalation-service's view of " + trail.caseNumber()).untilAsserted(() -> {
            assertThat(platform.api().escalationStatuses(trail.caseNumber()))
                    .containsExactly("SUPERSEDED", "AWAITING_ACKNOWLEDGEMENT");
            assertThat(platform.api().escalations(trail.caseNumber()).path("escalations").get(1)
                    .path("currentRecipientRole").asText()).isEqualTo("DIRECTOR");
        });
    }

    @Test
    void unacknowledgedEscalationPassesToTheBackupThenToTheDirector(Platform platform) {
        ExactlyOnce once = new ExactlyOnce();
        CaseTrail trail = CaseTrail.openAcmeSev1(platform, "Outage, and nobody acknowledges the escalation");
        CaseCreated created = trail.created();
        // Answered in time, so only the disagreement escalates (no breach escalation beside it).
        platform.api().respond(trail.caseNumber(), "Looking into it.");
        once.awaitOne("response target met for " + trail.caseNumber(), SOON, () -> trail.payloads(SlaMet.class).stream()
                .filter(m -> m.getTarget().getKind() == TargetKind.RESPONSE).toList());
        platform.api().raiseDisagreement(PlatformApi.ACME_HELPDESK, trail.caseNumber(), null);

        TopicRecorder.Event<EscalationRaised> raised = once.awaitOne("escalation to the regional contact", SOON,
                () -> trail.raised(EscalationReason.DISAGREEMENT));
        EscalationRaised contactRound = raised.payload();
        assertThat(contactRound.getRegion())
                .isEqualTo(Scenarios.respectiveRegion(created.getRegion(), raised.record().occurredAt()));
        assertThat(contactRound.getChannels()).containsExactly(Channel.EMAIL, Channel.PAGE);
        String escalationId = contactRound.getEscalationId();
        ShippedDirectory.Person contact = ShippedDirectory.contactOf(contactRound.getRegion());
        ShippedDirectory.Person backup = ShippedDirectory.backupOf(contactRound.getRegion());

        EscalationRaised backupRound = once.awaitOne("escalation passed to the backup", AFTER_ACKNOWLEDGEMENT_TIMEOUT,
                () -> passedOn(trail, RecipientRole.REGIONAL_CONTACT)).payload();
        assertThat(backupRound.getEscalationId()).isEqualTo(escalationId);
        assertThat(backupRound.getLevel()).isEqualTo(1);
        assertThat(backupRound.getRecipients()).extracting(Recipient::getRole, Recipient::getEmail)
                .containsExactly(tuple(RecipientRole.BACKUP_CONTACT, backup.email()));

        EscalationRaised directorRound = once.awaitOne("escalation passed to the director", AFTER_ACKNOWLEDGEMENT_TIMEOUT,
                () -> passedOn(trail, RecipientRole.BACKUP_CONTACT)).payload();
        assertThat(directorRound.getEscalationId()).isEqualTo(escalationId);
        assertThat(directorRound.getLevel()).isEqualTo(2);
        assertThat(directorRound.getRecipients()).extracting(Recipient::getRole, Recipient::getEmail)
                .containsExactly(tuple(RecipientRole.DIRECTOR, ShippedDirectory.DIRECTOR.email()));

        // Each round waited for its timeout before the next: contact, backup, director, then nobody left.
        EscalationTimedOut last = once.awaitOne("the director's timeout", AFTER_ACKNOWLEDGEMENT_TIMEOUT,
                () -> trail.payloads(EscalationTimedOut.class).stream().filter(t -> t.getNextRecipientRole() == null).toList());
        assertThat(last.getLevel()).isEqualTo(2);
        List<String> sequence = trail.records(Topics.ESCALATION_EVENTS).stream().map(TopicRecorder.Recorded::payload)
                .map(EscalationsIT::describe).toList();
        assertThat(sequence).containsExactly(
                "raised DISAGREEMENT to REGIONAL_CONTACT",
                "timed out, next BACKUP_CONTACT",
                "raised ACKNOWLEDGEMENT_TIMEOUT to BACKUP_CONTACT",
                "timed out, next DIRECTOR",
                "raised ACKNOWLEDGEMENT_TIMEOUT to DIRECTOR",
                "timed out, next nobody");
        List<TopicRecorder.Event<EscalationRaised>> rounds = trail.events(EscalationRaised.class);
        assertThat(rounds.get(1).record().occurredAt()).isAfterOrEqualTo(contactRound.getAcknowledgeBy());
        assertThat(rounds.get(2).record().occurredAt()).isAfterOrEqualTo(backupRound.getAcknowledgeBy());

        String dedupKey = trail.escalationDedupKey(escalationId);
        once.awaitOne("email to the contact", SOON, () -> trail.mailsTo(contact.email(), NotificationTrigger.ESCALATION));
        once.awaitOne("email to the backup", SOON,
                () -> trail.mailsTo(backup.email(), NotificationTrigger.ACKNOWLEDGEMENT_TIMEOUT));
        once.awaitOne("email to the director", SOON,
                () -> trail.mailsTo(ShippedDirectory.DIRECTOR.email(), NotificationTrigger.ACKNOWLEDGEMENT_TIMEOUT));
        for (ShippedDirectory.Person person : List.of(contact, backup, ShippedDirectory.DIRECTOR)) {
            once.awaitOne("page to " + person.pagerRoutingKey(), SOON,
                    () -> trail.pageTriggers(person.pagerRoutingKey(), dedupKey));
        }
        once.verify();
        assertThat(trail.failed()).isEmpty();
        Eventually.within(SOON, "escalation-service's view of " + trail.caseNumber()).untilAsserted(() ->
                assertThat(platform.api().escalationStatuses(trail.caseNumber())).containsExactly("UNACKNOWLEDGED"));
    }

    /** The escalation raised again after the given recipient role let its timeout pass. */
    private static List<TopicRecorder.Event<EscalationRaised>> passedOn(CaseTrail trail, RecipientRole previous) {
        return trail.raised(EscalationReason.ACKNOWLEDGEMENT_TIMEOUT).stream()
                .filter(e -> e.payload().getPreviousRecipientRole() == previous).toList();
    }

    private static String describe(Object payload) {
        if (payload instanceof EscalationRaised raised) {
            return "raised " + raised.getReason() + " to " + raised.getRecipients().get(0).getRole();
        }
        if (payload instanceof EscalationTimedOut timedOut) {
            return "timed out, next " + (timedOut.getNextRecipientRole() == null ? "nobody" : timedOut.getNextRecipientRole());
        }
        return payload.getClass().getSimpleName();
    }
}
