package io.supportsla.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.apache.avro.specific.SpecificRecordBase;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import io.supportsla.localstack.MailSink;
import io.supportsla.localstack.PagerSink;
import io.supportsla.schemas.Topics;
import io.supportsla.schemas.cases.CaseCreated;
import io.supportsla.schemas.cases.CaseEvent;
import io.supportsla.schemas.cases.SubmissionChannel;
import io.supportsla.schemas.common.Actor;
import io.supportsla.schemas.common.ActorRole;
import io.supportsla.schemas.common.CaseSummary;
import io.supportsla.schemas.common.Category;
import io.supportsla.schemas.common.Channel;
import io.supportsla.schemas.common.Recipient;
import io.supportsla.schemas.common.RecipientRole;
import io.supportsla.schemas.common.Region;
import io.supportsla.schemas.common.Severity;
import io.supportsla.schemas.escalation.EscalationEvent;
import io.supportsla.schemas.escalation.EscalationRaised;
import io.supportsla.schemas.escalation.EscalationReason;
import io.supportsla.schemas.escalation.EscalationTimedOut;
import io.supportsla.schemas.notification.Notification;
import io.supportsla.schemas.notification.NotificationEvent;
import io.supportsla.schemas.notification.NotificationSent;
import io.supportsla.schemas.notification.NotificationTrigger;
import io.supportsla.schemas.notification.PageAction;
import io.supportsla.schemas.sla.SlaBreached;
import io.supportsla.schemas.sla.SlaEvent;
import io.supportsla.schemas.sla.SlaTarget;
import io.supportsla.schemas.sla.SlaTimerStarted;
import io.supportsla.schemas.sla.TargetBasis;
import io.supportsla.schemas.sla.TargetClock;
import io.supportsla.schemas.sla.TargetKind;
import io.supportsla.systemtests.TopicRecorder.Recorded;

/**
 * Proves that {@link LoadAudit} can fail. A small synthetic load run, the records, emails and pages a
 * correct platform leaves behind for two SEV1 cases (acme in EMEA, and globex in AMER, where today
 * is a closure day so its case is a call-out), holds; each defect spliced into it is reported as
 * missing or wrong, under the promise it breaks, or counted as a repeated delivery.
 */
class LoadAuditTest {

    // The promises, as the audit's report lines begin.
    private static final String EVERY_201 = "every 201 is exactly one CaseCreated";
    private static final String TIMER_STARTED = "every case's response timer started exactly once";
    private static final String BREACHED = "every due response deadline breached exactly once";
    private static final String ESCALATED = "every response breach raised exactly one escalation";
    private static final String ROUND_PUBLISHED = "every escalation round is published once";
    private static final String TIMED_OUT = "every unacknowledged round timed out exactly once";
    private static final String TOLD = "every escalation round told each recipient once per channel";
    private static final String CALLED_OUT = "every SEV1 opened on a weekend or holiday of its region called the hotline out once";
    private static final String OUTCOME_ONCE = "every notification's outcome is published once";
    private static final String EMAILED = "every email recorded as sent reached the SMTP server";
    private static final String PAGED = "every page recorded as sent reached the pager";

    // ------------------------------------------------------------------------------ a complete load

    @Test
    void aCompleteLoadHolds() {
        World world = new World();
        world.open(Customer.ACME);
        world.open(Customer.GLOBEX);

        LoadAudit audit = world.audit();

        assertThat(audit.missing()).as(audit.report()).isEmpty();
        assertThat(audit.wrong()).as(audit.report()).isEmpty();
        assertThat(audit.repeatedDeliveries()).as(audit.report()).isZero();
        assertThat(audit.holds()).as(audit.report()).isTrue();
    }

    @Test
    void aCompleteLoadIsCheckedAgainstEveryPromise() {
        World world = new World();
        Case acme = world.open(Customer.ACME);
        Case globex = world.open(Customer.GLOBEX);
        int callOuts = (acme.callOut().isPresent() ? 1 : 0) + (globex.callOut().isPresent() ? 1 : 0);

        LoadAudit audit = world.audit();

        // Two cases, each one round of two recipients on two channels, and the call-outs.
        Map<String, Integer> due = new LinkedHashMap<>();
        due.put(EVERY_201, 2);
        due.put(TIMER_STARTED, 2);
        due.put(BREACHED, 2);
        due.put(ESCALATED, 2);
        due.put(ROUND_PUBLISHED, 2);
        due.put(TIMED_OUT, 2);
        due.put(TOLD, 8);
        due.put(CALLED_OUT, callOuts);
        due.put(OUTCOME_ONCE, 8 + callOuts);
        due.put(EMAILED, 4);
        due.put(PAGED, 4 + callOuts);
        due.forEach((promise, count) -> {
            LoadAudit.Tally tally = tally(audit, promise);
            assertThat(tally.dueCount()).as(tally.toString()).isEqualTo(count);
            assertThat(tally.once()).as(tally.toString()).isEqualTo(count);
        });
    }

    // ------------------------------------------------------------------------------------- intake

    @Test
    void a201WithoutACaseCreatedIsMissing() {
        World world = new World();
        world.open(Customer.ACME, Stage.ANSWERED_201);
        world.open(Customer.GLOBEX);

        LoadAudit audit = world.audit();

        assertOnlyMissing(audit, EVERY_201);
    }

    @Test
    void aCaseCreatedPublishedTwiceForOneSubmissionIsWrong() {
        World world = new World();
        Case acme = world.open(Customer.ACME);
        world.open(Customer.GLOBEX);
        world.republish(acme.created());

        LoadAudit audit = world.audit();

        assertThat(audit.wrong()).as(audit.report())
                .satisfiesExactly(line -> assertThat(line).startsWith(EVERY_201).contains(acme.key() + " (" + acme.caseNumber() + "): 2 times"));
        assertThat(audit.holds()).isFalse();
    }

    @Test
    void aServerErrorAnswerIsWrongEvenWhenARetryWasAnswered201() {
        World world = new World();
        Case acme = world.open(Customer.ACME, Stage.COMPLETE, world.serverError("sla-service killed"));
        world.open(Customer.GLOBEX);

        LoadAudit audit = world.audit();

        assertThat(audit.missing()).as(audit.report()).isEmpty();
        assertThat(audit.wrong()).as(audit.report())
                .satisfiesExactly(line -> assertThat(line).startsWith(acme.key() + " answered 500 in sla-service killed"));
        assertThat(audit.holds()).isFalse();
    }

    // ---------------------------------------------------------------------------------------- sla

    @Test
    void aSecondBreachOfTheSameDeadlineIsWrong() {
        World world = new World();
        Case acme = world.open(Customer.ACME);
        world.open(Customer.GLOBEX);
        world.republish(acme.breach());

        LoadAudit audit = world.audit();

        assertThat(audit.wrong()).as(audit.report())
                .satisfiesExactly(line -> assertThat(line).startsWith(BREACHED).contains(acme.caseNumber() + " deadline"));
        assertThat(audit.missing()).as("the deadline's one escalation is not missing for the repeated breach")
                .isEmpty();
        assertThat(audit.holds()).isFalse();
    }

    @Test
    void aDueDeadlineWithoutABreachIsMissing() {
        World world = new World();
        world.open(Customer.ACME, Stage.TIMER_STARTED);
        world.open(Customer.GLOBEX);

        LoadAudit audit = world.audit();

        assertOnlyMissing(audit, BREACHED);
    }

    @Test
    void aDeadlineAfterTheCutoffMayNotHaveBreachedYet() {
        World world = new World();
        Case acme = world.open(Customer.ACME, Stage.TIMER_STARTED);
        world.open(Customer.GLOBEX);
        world.cutoff = acme.responseDeadline().minusSeconds(1);

        LoadAudit audit = world.audit();

        assertThat(audit.missing()).as(audit.report()).isEmpty();
        assertThat(audit.wrong()).as(audit.report()).isEmpty();
        assertThat(audit.holds()).as(audit.report()).isTrue();
    }

    // --------------------------------------------------------------------------------- escalation

    @Test
    void aBreachWithoutAnEscalationIsMissing() {
        World world = new World();
        world.open(Customer.ACME, Stage.BREACHED);
        world.open(Customer.GLOBEX);

        LoadAudit audit = world.audit();

        assertOnlyMissing(audit, ESCALATED);
    }

    // ------------------------------------------------------------------------------- notification

    @Test
    void anEscalationRoundThatNeverEmailedOneRecipientIsMissing() {
        World world = new World();
        Case acme = world.open(Customer.ACME);
        world.open(Customer.GLOBEX);
        world.neverSent(acme.notification(RecipientRole.REGIONAL_CONTACT, Channel.EMAIL));

        LoadAudit audit = world.audit();

        assertOnlyMissing(audit, TOLD);
    }

    @Test
    void anEmailRecordedAsSentThatNeverReachedTheSmtpServerIsMissing() {
        World world = new World();
        Case acme = world.open(Customer.ACME);
        world.open(Customer.GLOBEX);
        world.neverDelivered(acme.notification(RecipientRole.HOTLINE_ON_CALL, Channel.EMAIL));

        LoadAudit audit = world.audit();

        assertOnlyMissing(audit, EMAILED);
    }

    @Test
    void aPageRecordedAsSentThatNeverReachedThePagerIsMissing() {
        World world = new World();
        Case acme = world.open(Customer.ACME);
        world.open(Customer.GLOBEX);
        world.neverDelivered(acme.notification(RecipientRole.REGIONAL_CONTACT, Channel.PAGE));

        LoadAudit audit = world.audit();

        assertOnlyMissing(audit, PAGED);
    }

    @Test
    void anEmailReceivedTwiceIsOneRepeatedDeliveryAndNotWrong() {
        World world = new World();
        Case acme = world.open(Customer.ACME);
        world.open(Customer.GLOBEX);
        world.deliveredAgain(acme.notification(RecipientRole.REGIONAL_CONTACT, Channel.EMAIL));

        LoadAudit audit = world.audit();

        assertThat(audit.repeatedDeliveries()).as(audit.report()).isEqualTo(1);
        assertThat(audit.repeatedEmails()).isEqualTo(1);
        assertThat(audit.missing()).as(audit.report()).isEmpty();
        assertThat(audit.wrong()).as(audit.report()).isEmpty();
        assertThat(audit.holds()).as(audit.report()).isTrue();
    }

    @Test
    void aPageTriggerReceivedTwiceIsOneRepeatedDelivery() {
        World world = new World();
        Case acme = world.open(Customer.ACME);
        world.open(Customer.GLOBEX);
        world.deliveredAgain(acme.notification(RecipientRole.HOTLINE_ON_CALL, Channel.PAGE));

        LoadAudit audit = world.audit();

        assertThat(audit.repeatedDeliveries()).as(audit.report()).isEqualTo(1);
        assertThat(audit.repeatedPages()).isEqualTo(1);
        assertThat(audit.missing()).as(audit.report()).isEmpty();
        assertThat(audit.wrong()).as(audit.report()).isEmpty();
    }

    @Test
    void aPageOutcomePublishedTwiceIsWrongButNotMissingAtThePager() {
        World world = new World();
        Case acme = world.open(Customer.ACME);
        world.open(Customer.GLOBEX);
        world.republish(acme.notification(RecipientRole.HOTLINE_ON_CALL, Channel.PAGE).record());

        LoadAudit audit = world.audit();

        assertThat(audit.wrong()).as(audit.report()).anySatisfy(line -> assertThat(line).startsWith(OUTCOME_ONCE));
        assertThat(audit.missing()).as("the pager did receive the page").isEmpty();
    }

    @Test
    void anEmailReceivedThatWasNeverRecordedAsSentIsWrong() {
        World world = new World();
        Case acme = world.open(Customer.ACME);
        world.open(Customer.GLOBEX);
        // As if a redelivered escalation had been sent under another notification id than the one recorded.
        String unrecordedId = world.receivedUnderAnotherId(acme.notification(RecipientRole.REGIONAL_CONTACT, Channel.EMAIL));

        LoadAudit audit = world.audit();

        assertThat(audit.missing()).as(audit.report()).isEmpty();
        assertThat(audit.wrong()).as(audit.report())
                .containsExactly("an email the SMTP server received was never recorded as sent: " + unrecordedId);
        assertThat(audit.holds()).isFalse();
    }

    @Test
    void aMissingCallOutForAnAmerSev1OnAClosureDayIsMissing() {
        World world = new World();
        world.open(Customer.ACME);
        Case globex = world.open(Customer.GLOBEX);
        world.neverSent(globex.callOut().orElseThrow());

        LoadAudit audit = world.audit();

        assertOnlyMissing(audit, CALLED_OUT);
    }

    // ------------------------------------------------------------------------------- dead letters

    @Test
    void aDeadLetteredRecordIsWrong() {
        World world = new World();
        world.open(Customer.ACME);
        world.open(Customer.GLOBEX);
        world.deadLetters.put(Topics.deadLetterTopic(Topics.NOTIFICATION_EVENTS.name()), 1L);

        LoadAudit audit = world.audit();

        assertThat(audit.missing()).as(audit.report()).isEmpty();
        assertThat(audit.wrong()).as(audit.report()).containsExactly("1 record(s) on support.notification-events.dlq");
        assertThat(audit.holds()).isFalse();
    }

    // ------------------------------------------------------------------------------------ helpers

    /** Exactly the one promise is reported missing, and nothing is wrong. */
    private static void assertOnlyMissing(LoadAudit audit, String promise) {
        assertThat(audit.missing()).as(audit.report()).satisfiesExactly(line -> assertThat(line).startsWith(promise));
        assertThat(audit.wrong()).as(audit.report()).isEmpty();
        assertThat(audit.holds()).isFalse();
    }

    private static LoadAudit.Tally tally(LoadAudit audit, String promise) {
        return audit.tallies().stream().filter(tally -> tally.promise().startsWith(promise)).findFirst()
                .orElseThrow(() -> new AssertionError("No promise " + promise + " in\n" + audit.report()));
    }

    // ------------------------------------------------------------------------------------ fixture

    /** The two customers of the load: acme (EMEA) through its own helpdesk, globex (AMER) through partner Northwind. */
    enum Customer {
        ACME("acme", "Acme Corporation", null, Region.EMEA, 60),
        GLOBEX("globex", "Globex Inc.", "northwind", Region.AMER, 30);

        final String id;
        final String name;
        final String partnerId;
        final Region region;
        final int statusUpdateIntervalMinutes;

        Customer(String id, String name, String partnerId, Region region, int statusUpdateIntervalMinutes) {
            this.id = id;
            this.name = name;
            this.partnerId = partnerId;
            this.region = region;
            this.statusUpdateIntervalMinutes = statusUpdateIntervalMinutes;
        }

        Actor helpdesk() {
            String organisation = partnerId == null ? id : partnerId;
            return Actor.newBuilder().setPrincipal(organisation + "-helpdesk").setOrganisation(organisation)
                    .setRole(ActorRole.HELPDESK).build();
        }
    }

    /** How far the platform got with a case; every stage includes those before it. */
    enum Stage {
        /** Answered 201, nothing published. */
        ANSWERED_201,
        /** CaseCreated, and the call-out if the case is one. */
        CREATED,
        /** The response timer started. */
        TIMER_STARTED,
        /** The response deadline breached. */
        BREACHED,
        /** The breach escalated to the regional contact and the hotline on-call, each told by email and page. */
        ESCALATED,
        /** Nobody acknowledged: the round timed out, with nobody left to pass it to in this world. */
        COMPLETE
    }

    /** A notification as recorded on the topic, and what the SMTP server or the pager received for it. */
    record Sent(Recorded record, Notification notification, MailSink.Mail mail, PagerSink.Page page) {
    }

    /** What was published and delivered for one case. */
    static final class Case {

        private final String key;
        private final String caseNumber;
        private Recorded created;
        private Recorded breach;
        private Instant responseDeadline;
        private Sent callOut;
        private final List<Sent> escalationNotifications = new ArrayList<>();

        Case(String key, String caseNumber) {
            this.key = key;
            this.caseNumber = caseNumber;
        }

        String key() {
            return key;
        }

        String caseNumber() {
            return caseNumber;
        }

        Recorded created() {
            return created;
        }

        Recorded breach() {
            return breach;
        }

        Instant responseDeadline() {
            return responseDeadline;
        }

        Optional<Sent> callOut() {
            return Optional.ofNullable(callOut);
        }

        /** The escalation round's notification to one recipient on one channel. */
        Sent notification(RecipientRole role, Channel channel) {
            return escalationNotifications.stream()
                    .filter(sent -> sent.notification().getRecipient().getRole() == role
                            && sent.notification().getChannel() == channel)
                    .findFirst().orElseThrow();
        }
    }

    /**
     * A synthetic load run: its submissions, the records on the four topics, the emails and pages the
     * sinks received, the dead-letter counts and the audit's cutoff. Cases are opened now (globex's
     * on an AMER closure day, see {@link Platform#AMER_CLOSURE_DAYS}) and run their course within
     * about 80 s; the cutoff is 10 min later, so everything is due.
     */
    static final class World {

        private static final Duration RESPONSE_TARGET = Platform.SEV1_RESPONSE_TARGET;
        private static final Duration ACKNOWLEDGEMENT_TIMEOUT = Platform.SEV1_ACKNOWLEDGEMENT_TIMEOUT;
        private static final String FROM = "notifications@support.example.com";

        private final Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        final List<CaseLoad.Submission> submissions = new ArrayList<>();
        final List<Recorded> records = new ArrayList<>();
        final List<MailSink.Mail> mails = new ArrayList<>();
        final List<PagerSink.Page> pages = new ArrayList<>();
        final Map<String, Long> deadLetters = new LinkedHashMap<>();
        Instant cutoff = start.plus(Duration.ofMinutes(10));
        private final Map<String, Long> offsets = new HashMap<>();
        private int sequence;

        World() {
            Topics.avroTopics().forEach(topic -> deadLetters.put(Topics.deadLetterTopic(topic.name()), 0L));
        }

        LoadAudit audit() {
            return LoadAudit.of(submissions, records, mails, pages, deadLetters, cutoff);
        }

        /** A case the platform took all the way. */
        Case open(Customer customer) {
            return open(customer, Stage.COMPLETE);
        }

        /**
         * Submits a case of {@code customer}, answered 201 after the {@code earlierAttempts}, and
         * publishes and delivers what the platform does for it up to {@code stage}.
         */
        Case open(Customer customer, Stage stage, CaseLoad.Attempt... earlierAttempts) {
            sequence++;
            Instant openedAt = start.plusMillis(500L * (sequence - 1));
            Case c = new Case(UUID.randomUUID().toString(), String.format(Locale.ROOT, "C-0000-%04d", sequence));
            List<CaseLoad.Attempt> attempts = new ArrayList<>(List.of(earlierAttempts));
            attempts.add(new CaseLoad.Attempt(openedAt.minusMillis(40), "steady", CaseLoad.Answer.CREATED, 201, ""));
            submissions.add(CaseLoad.Submission.concluded(c.key, customer.id, c.caseNumber, attempts));
            if (stage == Stage.ANSWERED_201) {
                return c;
            }

            CaseCreated created = CaseCreated.newBuilder().setSeverity(Severity.SEV1).setCategory(Category.ALL_USERS_CANNOT_CONNECT)
                    .setTitle(CaseLoad.title(c.key)).setDescription("Filed by the crash and outage tests under load.")
                    .setCustomerId(customer.id).setCustomerName(customer.name).setPartnerId(customer.partnerId)
                    .setRegion(customer.region).setStatusUpdateIntervalMinutes(customer.statusUpdateIntervalMinutes)
                    .setOpenedBy(customer.helpdesk()).setSubmissionChannel(SubmissionChannel.PORTAL_HTTP)
                    .setReceivedAt(openedAt).setSubmissionId(c.key).build();
            c.created = publish(CaseEvent.newBuilder().setEventId(newId()).setOccurredAt(openedAt).setCaseNumber(c.caseNumber)
                    .setCausationEventId(null).setPayload(created).build());
            if (Scenarios.isWeekendOrHoliday(created)) {
                c.callOut = callOut(c, created);
            }
            assertThat(customer != Customer.GLOBEX || c.callOut != null)
                    .as("today is a closure day of AMER (Platform.AMER_CLOSURE_DAYS): globex's SEV1 is a call-out").isTrue();
            if (stage == Stage.CREATED) {
                return c;
            }

            c.responseDeadline = openedAt.plus(RESPONSE_TARGET);
            SlaTarget target = SlaTarget.newBuilder().setKind(TargetKind.RESPONSE).setSeverity(Severity.SEV1)
                    .setRegion(customer.region).setClock(TargetClock.AROUND_THE_CLOCK).setBasis(TargetBasis.CASE_CREATED)
                    .setStartsAt(openedAt).setTargetMinutes((int) RESPONSE_TARGET.toMinutes()).setDeadline(c.responseDeadline)
                    .build();
            publish(SlaEvent.newBuilder().setEventId(newId()).setOccurredAt(openedAt.plusMillis(30)).setCaseNumber(c.caseNumber)
                    .setCausationEventId(c.created.eventId())
                    .setPayload(SlaTimerStarted.newBuilder().setTarget(target).setPreviousDeadline(null).build()).build());
            if (stage == Stage.TIMER_STARTED) {
                return c;
            }

            Instant breachedAt = c.responseDeadline.plusMillis(150);
            c.breach = publish(SlaEvent.newBuilder().setEventId(newId()).setOccurredAt(breachedAt).setCaseNumber(c.caseNumber)
                    .setCausationEventId(null)
                    .setPayload(SlaBreached.newBuilder().setTarget(target).setBreachedAt(breachedAt).build()).build());
            if (stage == Stage.BREACHED) {
                return c;
            }

            Instant raisedAt = breachedAt.plusMillis(40);
            Region respective = Scenarios.respectiveRegion(customer.region, raisedAt);
            ShippedDirectory.Person contact = ShippedDirectory.contactOf(respective);
            List<Recipient> recipients = List.of(
                    Recipient.newBuilder().setName("Escalation contact").setRole(RecipientRole.REGIONAL_CONTACT)
                            .setEmail(contact.email()).setPagerRoutingKey(contact.pagerRoutingKey()).setOffice(respective).build(),
                    Recipient.newBuilder().setName("Hotline on-call").setRole(RecipientRole.HOTLINE_ON_CALL)
                            .setEmail(ShippedDirectory.HOTLINE_ON_CALL.email())
                            .setPagerRoutingKey(ShippedDirectory.HOTLINE_ON_CALL.pagerRoutingKey()).build());
            String escalationId = newId();
            Instant acknowledgeBy = raisedAt.plus(ACKNOWLEDGEMENT_TIMEOUT);
            EscalationRaised raised = EscalationRaised.newBuilder().setEscalationId(escalationId).setLevel(1)
                    .setReason(EscalationReason.RESPONSE_BREACH).setRegion(respective).setRecipients(recipients)
                    .setChannels(List.of(Channel.EMAIL, Channel.PAGE))
                    .setCaseSummary(CaseSummary.newBuilder().setTitle(created.getTitle()).setSeverity(Severity.SEV1)
                            .setCategory(created.getCategory()).setCustomerId(customer.id).setCustomerName(customer.name)
                            .setRegion(customer.region).setOpenedAt(openedAt).setConsultant(null).build())
                    .setDocumentation(null).setBreachedDeadline(c.responseDeadline)
                    .setAcknowledgementUrl("http://localhost:8083/api/v1/escalations/" + escalationId + "/acknowledge?token=signed")
                    .setAcknowledgeBy(acknowledgeBy).setPreviousRecipientRole(null).build();
            Recorded round = publish(EscalationEvent.newBuilder().setEventId(newId()).setOccurredAt(raisedAt)
                    .setCaseNumber(c.caseNumber).setCausationEventId(c.breach.eventId()).setPayload(raised).build());
            Instant sentAt = raisedAt.plusMillis(300);
            for (Recipient recipient : recipients) {
                for (Channel channel : raised.getChannels()) {
                    String address = channel == Channel.EMAIL ? recipient.getEmail() : recipient.getPagerRoutingKey();
                    String dedupKey = channel == Channel.PAGE ? c.caseNumber + "/escalation/" + escalationId : null;
                    c.escalationNotifications.add(send(c, round, NotificationTrigger.RESPONSE_BREACH, channel, recipient,
                            notificationId(round.eventId(), address, channel), dedupKey, escalationId, sentAt));
                    sentAt = sentAt.plusMillis(20);
                }
            }
            if (stage == Stage.ESCALATED) {
                return c;
            }

            publish(EscalationEvent.newBuilder().setEventId(newId()).setOccurredAt(acknowledgeBy.plusMillis(250))
                    .setCaseNumber(c.caseNumber).setCausationEventId(null)
                    .setPayload(EscalationTimedOut.newBuilder().setEscalationId(escalationId).setLevel(1)
                            .setAcknowledgeBy(acknowledgeBy).setUnacknowledgedRecipients(recipients)
                            .setNextRecipientRole(null).build())
                    .build());
            return c;
        }

        /** An attempt intake answered 500, before the one answered 201. */
        CaseLoad.Attempt serverError(String phase) {
            return new CaseLoad.Attempt(start.minusSeconds(5), phase, CaseLoad.Answer.SERVER_ERROR, 500,
                    "{\"status\":500,\"error\":\"Internal Server Error\",\"path\":\"/api/v1/cases\"}");
        }

        /** Publishes {@code record} once more, a moment later, as a new event (a fresh eventId). */
        void republish(Recorded record) {
            SpecificRecordBase copy = (SpecificRecordBase) record.envelope().getSpecificData()
                    .deepCopy(record.envelope().getSchema(), record.envelope());
            copy.put("eventId", newId());
            copy.put("occurredAt", record.occurredAt().plusSeconds(1));
            publish(copy);
        }

        /** The notification was neither recorded nor delivered. */
        void neverSent(Sent sent) {
            records.remove(sent.record());
            neverDelivered(sent);
        }

        /** The notification was recorded as sent, but the sink never received it. */
        void neverDelivered(Sent sent) {
            mails.remove(sent.mail());
            pages.remove(sent.page());
        }

        /** The sink received the notification a second time (the same Message-ID or dedup key). */
        void deliveredAgain(Sent sent) {
            if (sent.mail() != null) {
                MailSink.Mail mail = sent.mail();
                mails.add(new MailSink.Mail(mail.messageId(), mail.receivedAt().plusSeconds(2), mail.from(), mail.to(),
                        mail.subject(), mail.text(), mail.html(), mail.headers()));
            }
            if (sent.page() != null) {
                PagerSink.Page page = sent.page();
                pages.add(new PagerSink.Page(page.receivedAt().plusSeconds(2), page.routingKey(), page.eventAction(),
                        page.dedupKey(), page.summary(), page.severity(), page.source(), page.body()));
            }
        }

        /** The SMTP server received the email once more, under a notification id nobody recorded; returns that id. */
        String receivedUnderAnotherId(Sent sent) {
            String otherId = notificationId(newId(), sent.notification().getRecipient().getEmail(), Channel.EMAIL);
            MailSink.Mail mail = sent.mail();
            mails.add(mail(otherId, sent.record().caseNumber(), mail.to().get(0), mail.subject(), mail.receivedAt().plusSeconds(2)));
            return otherId;
        }

        private Sent callOut(Case c, CaseCreated created) {
            Recipient hotline = Recipient.newBuilder().setName("Hotline on-call").setRole(RecipientRole.HOTLINE_ON_CALL)
                    .setEmail(null).setPagerRoutingKey(ShippedDirectory.CALL_OUT_ROUTING_KEY).build();
            return send(c, c.created, NotificationTrigger.SEV1_CALL_OUT, Channel.PAGE, hotline,
                    notificationId(c.created.eventId(), hotline.getPagerRoutingKey(), Channel.PAGE),
                    c.caseNumber + "/sev1-call-out", null, created.getReceivedAt().plusMillis(400));
        }

        /** Records a NotificationSent caused by {@code cause}, and has the SMTP server or the pager receive it. */
        private Sent send(Case c, Recorded cause, NotificationTrigger trigger, Channel channel, Recipient recipient,
                String notificationId, String dedupKey, String escalationId, Instant sentAt) {
            String subject = "[" + c.caseNumber + "] SEV1 " + trigger.name().toLowerCase(Locale.ROOT).replace('_', ' ');
            Notification notification = Notification.newBuilder().setNotificationId(notificationId).setTrigger(trigger)
                    .setChannel(channel).setRecipient(recipient)
                    .setPageAction(channel == Channel.PAGE ? PageAction.TRIGGER : null).setDedupKey(dedupKey)
                    .setEscalationId(escalationId).setSubject(subject).build();
            MailSink.Mail mail = null;
            PagerSink.Page page = null;
            String providerMessageId;
            if (channel == Channel.EMAIL) {
                mail = mail(notificationId, c.caseNumber, recipient.getEmail(), subject, sentAt.minusMillis(5));
                mails.add(mail);
                providerMessageId = mail.messageId();
            } else {
                page = new PagerSink.Page(sentAt.minusMillis(5), recipient.getPagerRoutingKey(), "trigger", dedupKey, subject,
                        "critical", "support-sla-platform", JsonNodeFactory.instance.objectNode()
                                .put("routing_key", recipient.getPagerRoutingKey()).put("event_action", "trigger")
                                .put("dedup_key", dedupKey));
                pages.add(page);
                providerMessageId = dedupKey;
            }
            Recorded record = publish(NotificationEvent.newBuilder().setEventId(newId()).setOccurredAt(sentAt)
                    .setCaseNumber(c.caseNumber).setCausationEventId(cause.eventId())
                    .setPayload(NotificationSent.newBuilder().setNotification(notification).setSentAt(sentAt).setAttempts(1)
                            .setProviderMessageId(providerMessageId).build())
                    .build());
            return new Sent(record, notification, mail, page);
        }

        private static MailSink.Mail mail(String notificationId, String caseNumber, String to, String subject, Instant receivedAt) {
            String messageId = "<" + notificationId + "@support.example.com>";
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Message-ID", messageId);
            headers.put("Auto-Submitted", "auto-generated");
            headers.put("X-Support-Case", caseNumber);
            headers.put("X-Notification-Id", notificationId);
            return new MailSink.Mail(messageId, receivedAt, FROM, List.of(to), subject, subject, "<p>" + subject + "</p>", headers);
        }

        /** Appends an envelope to its topic (one partition, the next offset), keyed by its case number. */
        private Recorded publish(SpecificRecordBase envelope) {
            String topic = Topics.avroTopics().stream().filter(t -> t.valueType().isInstance(envelope)).findFirst().orElseThrow().name();
            long offset = offsets.merge(topic, 1L, Long::sum) - 1;
            Recorded record = new Recorded(topic, 0, offset, (String) envelope.get("caseNumber"), envelope);
            records.add(record);
            return record;
        }

        /** Stable per cause, address and channel, as notification-service derives it. */
        private static String notificationId(String causeEventId, String address, Channel channel) {
            return UUID.nameUUIDFromBytes((causeEventId + "|" + address + "|" + channel).getBytes(StandardCharsets.UTF_8))
                    .toString().replace("-", "");
        }

        private static String newId() {
            return UUID.randomUUID().toString();
        }
    }
}
