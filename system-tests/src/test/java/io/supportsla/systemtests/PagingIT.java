package io.supportsla.systemtests;

import static io.supportsla.systemtests.Eventually.AFTER_SEV1_TARGET;
import static io.supportsla.systemtests.Eventually.SOON;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.supportsla.localstack.PagerSink;
import io.supportsla.schemas.cases.CaseCreated;
import io.supportsla.systemtests.Eventually.ExactlyOnce;
import io.supportsla.schemas.cases.CaseResolved;
import io.supportsla.schemas.common.Channel;
import io.supportsla.schemas.common.RecipientRole;
import io.supportsla.schemas.common.Region;
import io.supportsla.schemas.escalation.EscalationRaised;
import io.supportsla.schemas.escalation.EscalationReason;
import io.supportsla.schemas.escalation.EscalationTimedOut;
import io.supportsla.schemas.notification.NotificationSent;
import io.supportsla.schemas.notification.NotificationTrigger;
import io.supportsla.schemas.notification.PageAction;

/**
 * Pages end to end (SPEC §3.5): the SEV1 call-out on a weekend or holiday, and a resolution that
 * resolves every open page of the case with the dedup key it was triggered with.
 */
@WithRunningPlatform
class PagingIT {

    /**
     * The services run on the real clock, so "a weekend SEV1" is made honest the other way round:
     * today (and tomorrow) are configured as extra closure days of AMER in sla-, escalation- and
     * notification-service ({@link Platform#AMER_CLOSURE_DAYS}), and SPEC §3.2/§3.5 count a
     * regional public holiday exactly as a weekend. Globex is an AMER customer, served by Northwind.
     */
    @Test
    void sev1OpenedOnAWeekendOrHolidayOfItsRegionCallsOutTheHotlineOnce(Platform platform) {
        ExactlyOnce once = new ExactlyOnce();
        CaseTrail trail = CaseTrail.open(platform, PlatformApi.NORTHWIND_HELPDESK, "globex", "SEV1",
                "ALL_USERS_CANNOT_CONNECT", "Globex users cannot connect on a holiday");
        CaseCreated created = trail.created();
        assertThat(created.getRegion()).isEqualTo(Region.AMER);
        assertThat(Platform.AMER_CLOSURE_DAYS).as("the case was opened on a configured AMER closure day")
                .contains(created.getReceivedAt().atZone(io.supportsla.calendar.Region.AMER.zone()).toLocalDate());

        NotificationSent callOut = once.awaitOne("call-out of " + trail.caseNumber(), SOON,
                () -> trail.sent(NotificationTrigger.SEV1_CALL_OUT));
        assertThat(callOut.getNotification().getChannel()).isEqualTo(Channel.PAGE);
        assertThat(callOut.getNotification().getPageAction()).isEqualTo(PageAction.TRIGGER);
        assertThat(callOut.getNotification().getRecipient().getRole()).isEqualTo(RecipientRole.HOTLINE_ON_CALL);
        assertThat(callOut.getNotification().getDedupKey()).isEqualTo(trail.callOutDedupKey());

        PagerSink.Page page = once.awaitOne("call-out page of " + trail.caseNumber(), SOON,
                () -> trail.pageTriggers(ShippedDirectory.CALL_OUT_ROUTING_KEY, trail.callOutDedupKey()));
        assertThat(page.severity()).isEqualTo("critical");
        assertThat(page.body().path("payload").path("class").asText()).isEqualTo("SEV1_CALL_OUT");
        once.verify();
        assertThat(trail.mails()).as("a call-out is a page, not an email").isEmpty();

        // Answer it, so this case does not go on to breach while the other scenarios run.
        platform.api().respond(trail.caseNumber(), "On it, holiday or not.");
    }

    @Test
    void resolvingACaseResolvesEachOfItsOpenPagesWithTheSameDedupKey(Platform platform) {
        ExactlyOnce once = new ExactlyOnce();
        CaseTrail trail = CaseTrail.openAcmeSev1(platform, "Outage that gets resolved after the breach");
        EscalationRaised escalation = once.awaitOne("breach escalation of " + trail.caseNumber(), AFTER_SEV1_TARGET,
                () -> trail.raised(EscalationReason.RESPONSE_BREACH)).payload();
        String dedupKey = trail.escalationDedupKey(escalation.getEscalationId());
        ShippedDirectory.Person contact = ShippedDirectory.contactOf(escalation.getRegion());
        List<String> paged = List.of(contact.pagerRoutingKey(), ShippedDirectory.HOTLINE_ON_CALL.pagerRoutingKey());
        for (String routingKey : paged) {
            once.awaitOne("breach page to " + routingKey, SOON, () -> trail.pageTriggers(routingKey, dedupKey));
        }

        platform.api().resolve(trail.caseNumber(), "Restarted the RoamServer; everyone can connect again.");
        Instant resolvedAt = Eventually.first("CaseResolved of " + trail.caseNumber(), SOON,
                () -> trail.payloads(CaseResolved.class)).getResolvedAt();

        Set<List<String>> triggered = openedPages(trail.pages());
        assertThat(triggered).as("the breach paged the contact and the hotline on-call under one dedup key")
                .contains(List.of(contact.pagerRoutingKey(), dedupKey), List.of(ShippedDirectory.HOTLINE_ON_CALL.pagerRoutingKey(), dedupKey));
        for (List<String> open : triggered) {
            once.awaitOne("resolve of " + open, SOON, () -> trail.pageResolves(open.get(0), open.get(1)));
        }
        once.verify();
        long triggersAtResolution = triggers(trail.pages());
        List<NotificationSent> resolves = trail.sent(NotificationTrigger.CASE_RESOLVED);
        assertThat(resolves).hasSize(triggered.size()).allSatisfy(sent -> {
            assertThat(sent.getNotification().getPageAction()).isEqualTo(PageAction.RESOLVE);
            assertThat(sent.getNotification().getChannel()).isEqualTo(Channel.PAGE);
        });
        Eventually.within(SOON, "escalation-service's view of " + trail.caseNumber()).untilAsserted(() ->
                assertThat(platform.api().escalationStatuses(trail.caseNumber())).containsExactly("CLOSED"));

        // Past the acknowledgement deadline the escalation had: a closed escalation passes to nobody.
        Eventually.until(escalation.getAcknowledgeBy().plus(Duration.ofSeconds(10)),
                "the acknowledgement deadline of " + escalation.getEscalationId() + " has passed");
        assertThat(trail.events(EscalationRaised.class)).allSatisfy(raised ->
                assertThat(raised.record().occurredAt()).isBefore(resolvedAt));
        assertThat(trail.events(EscalationTimedOut.class)).allSatisfy(timedOut ->
                assertThat(timedOut.record().occurredAt()).isBefore(resolvedAt));
        assertThat(triggers(trail.pages())).as("no page after the resolution").isEqualTo(triggersAtResolution);
        assertThat(trail.failed()).isEmpty();
    }

    private static long triggers(List<PagerSink.Page> pages) {
        return pages.stream().filter(page -> page.eventAction().equals("trigger")).count();
    }

    /** (routing key, dedup key) of every page triggered. */
    private static Set<List<String>> openedPages(List<PagerSink.Page> pages) {
        return pages.stream().filter(page -> page.eventAction().equals("trigger"))
                .map(page -> List.of(page.routingKey(), page.dedupKey())).collect(Collectors.toSet());
    }
}
