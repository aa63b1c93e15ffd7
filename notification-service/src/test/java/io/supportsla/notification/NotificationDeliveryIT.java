package io.supportsla.notification;

import static io.supportsla.notification.testing.NotificationTestEnvironment.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.supportsla.notification.delivery.NotificationId;
import io.supportsla.notification.kafka.NotificationDeliveryFailedException;
import io.supportsla.notification.testing.Emails;
import io.supportsla.notification.testing.NotificationServiceInstance;
import io.supportsla.notification.testing.NotificationTestEnvironment;
import io.supportsla.notification.testing.PagerStub;
import io.supportsla.notification.testing.TopicWatcher.Outcome;
import io.supportsla.schemas.Topics;
import io.supportsla.schemas.cases.CallTaker;
import io.supportsla.schemas.cases.CaseEvent;
import io.supportsla.schemas.common.Channel;
import io.supportsla.schemas.common.Recipient;
import io.supportsla.schemas.common.RecipientRole;
import io.supportsla.schemas.common.Severity;
import io.supportsla.schemas.escalation.EscalationEvent;
import io.supportsla.schemas.escalation.EscalationRaised;
import io.supportsla.schemas.escalation.EscalationReason;
import io.supportsla.schemas.notification.FailureKind;
import io.supportsla.schemas.notification.NotificationFailed;
import io.supportsla.schemas.notification.NotificationTrigger;
import io.supportsla.schemas.notification.PageAction;
import io.supportsla.schemas.sla.SlaEvent;
import io.supportsla.testing.kafka.WithKafkaBroker;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterAll;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service against a real broker, the real registry, GreenMail and a pager gateway stub: what goes
 * out for each trigger, retries, permanent failures and de-duplication.
 */
@WithKafkaBroker
class NotificationDeliveryIT {

    static final Duration WAIT = Duration.ofSeconds(60);
    static final String ESCALATIONS = Topics.ESCALATION_EVENTS.name();
    static final String MESSAGE_ID_DOMAIN = "notifications.support.example.com";

    static NotificationTestEnvironment environment;
    static NotificationServiceInstance service;

    final String caseNumber = Events.newCaseNumber();
    final String routingKey = "rk-" + caseNumber.toLowerCase();
    final String contactEmail = "contact-" + caseNumber.toLowerCase() + "@support.example.com";

    @BeforeAll
    static void startService() {
        environment = NotificationTestEnvironment.get();
        service = NotificationServiceInstance.start(environment);
    }

    @AfterAll
    static void stopService() {
        service.close();
    }

    @Test
    void escalationIsEmailedAndPagedWithEverythingTheManagerNeeds() throws Exception {
        EscalationRaised raised = Events.escalation(caseNumber, Severity.SEV1, List.of(contact()), List.of(Channel.EMAIL, Channel.PAGE))
                .setReason(EscalationReason.DISAGREEMENT).setDocumentation(Events.documentation(caseNumber)).build();
        EscalationEvent event = Events.escalationEvent(caseNumber, raised);

        environment.publish(ESCALATIONS, caseNumber, event);

        await().atMost(WAIT).until(() -> environment.published().outcomesOfCause(event.getEventId()).size() == 2);
        String subject = "[" + caseNumber + " SEV1] Disagreement on the action plan, escalation level 1: RoamServer down in Frankfurt";
        NotificationId emailId = NotificationId.of(event.getEventId(), contactEmail, Channel.EMAIL);
        NotificationId pageId = NotificationId.of(event.getEventId(), routingKey, Channel.PAGE);
        String dedupKey = caseNumber + "/escalation/" + raised.getEscalationId();

        // The email, read back from the SMTP server.
        MimeMessage email = single(environment.emails(caseNumber));
        assertThat(email.getSubject()).isEqualTo(subject);
        assertThat(email.getAllRecipients()).extracting(address -> ((InternetAddress) address).getAddress()).containsExactly(contactEmail);
        assertThat(((InternetAddress) email.getFrom()[0]).getAddress()).isEqualTo("notifications@support.example.com");
        assertThat(header(email, "Message-ID")).isEqualTo("<" + emailId.value() + "@" + MESSAGE_ID_DOMAIN + ">");
        assertThat(header(email, "Auto-Submitted")).isEqualTo("auto-generated");
        Map<String, String> bodies = Emails.bodies(email);
        assertThat(bodies).containsOnlyKeys("text/plain", "text/html");
        for (String body : bodies.values()) {
            assertThat(body)
                    .contains("RoamServer down in Frankfurt")
                    .contains("Acme Travel GmbH")
                    .contains("4,000 travelling staff cannot connect to the corporate network.")
                    .contains("Response was due")
                    .contains("2025-03-11 10:15 UTC (Tue 10:15 GMT in London)")
                    .contains("1 - Manager of Customer Consulting (escalation contact)")
                    .contains("Disagreement on the action plan")
                    .contains("All users in Frankfurt fail to authenticate since 09:00.")
                    .contains("Logs collected; RoamServer restarted twice without effect.")
                    .contains("Customer disagrees with waiting for the next maintenance window.");
        }
        assertThat(bodies.get("text/plain")).contains("Acknowledge this escalation: " + Events.ACK_URL);
        assertThat(bodies.get("text/html")).contains("href=\"" + Events.ACK_URL.replace("&", "&amp;") + "\"");

        // The page, as the gateway received it.
        JsonNode page = single(environment.pager().requests(routingKey)).json();
        assertThat(page.get("routing_key").asString()).isEqualTo(routingKey);
        assertThat(page.get("event_action").asString()).isEqualTo("trigger");
        assertThat(page.get("dedup_key").asString()).isEqualTo(dedupKey);
        assertThat(page.get("payload").get("summary").asString()).isEqualTo(subject);
        assertThat(page.get("payload").get("source").asString()).isEqualTo("support-sla-platform");
        assertThat(page.get("payload").get("severity").asString()).isEqualTo("critical");
        assertThat(page.get("payload").get("component").asString()).isEqualTo("case " + caseNumber);
        assertThat(page.get("payload").get("class").asString()).isEqualTo("ESCALATION");
        assertThat(page.get("links").get(0).get("href").asString()).isEqualTo(Events.ACK_URL);

        // Both outcomes, keyed by case number and caused by the escalation.
        List<Outcome> outcomes = environment.published().outcomesOfCause(event.getEventId());
        assertThat(outcomes).allSatisfy(outcome -> {
            assertThat(outcome.key()).isEqualTo(caseNumber);
            assertThat(outcome.event().getCaseNumber()).isEqualTo(caseNumber);
            assertThat(outcome.sent()).isTrue();
            assertThat(outcome.asSent().getAttempts()).isEqualTo(1);
            assertThat(outcome.notification().getTrigger()).isEqualTo(NotificationTrigger.ESCALATION);
            assertThat(outcome.notification().getEscalationId()).isEqualTo(raised.getEscalationId());
            assertThat(outcome.notification().getSubject()).isEqualTo(subject);
        });
        assertThat(outcomes).filteredOn(outcome -> outcome.notification().getChannel() == Channel.EMAIL).singleElement()
                .satisfies(outcome -> {
                    assertThat(outcome.notification().getNotificationId()).isEqualTo(emailId.value());
                    assertThat(outcome.notification().getRecipient().getEmail()).isEqualTo(contactEmail);
                    assertThat(outcome.notification().getPageAction()).isNull();
                    assertThat(outcome.asSent().getProviderMessageId()).isEqualTo(header(email, "Message-ID"));
                });
        assertThat(outcomes).filteredOn(outcome -> outcome.notification().getChannel() == Channel.PAGE).singleElement()
                .satisfies(outcome -> {
                    assertThat(outcome.notification().getNotificationId()).isEqualTo(pageId.value());
                    assertThat(outcome.notification().getRecipient().getPagerRoutingKey()).isEqualTo(routingKey);
                    assertThat(outcome.notification().getPageAction()).isEqualTo(PageAction.TRIGGER);
                    assertThat(outcome.notification().getDedupKey()).isEqualTo(dedupKey);
                    assertThat(outcome.asSent().getProviderMessageId()).isEqualTo(dedupKey);
                });
    }

    @Test
    void sameEventDeliveredTwiceIsSentOnce() {
        EscalationEvent event = Events.escalationEvent(caseNumber, Events.escalation(caseNumber, Severity.SEV1, List.of(contact()),
                List.of(Channel.EMAIL, Channel.PAGE)).build());
        byte[] bytes = environment.serialize(ESCALATIONS, event);
        double duplicatesBefore = service.count("notification.outcomes", "outcome", "duplicate");

        environment.publishBytes(ESCALATIONS, caseNumber, bytes);
        environment.publishBytes(ESCALATIONS, caseNumber, bytes);
        EscalationEvent marker = publishMarkerEscalation();

        await().atMost(WAIT).until(() -> environment.published().outcomesOfCause(marker.getEventId()).size() == 1);
        assertThat(environment.emails(caseNumber)).filteredOn(message -> Emails.sentTo(message, contactEmail)).hasSize(1);
        assertThat(environment.pager().requests(routingKey)).hasSize(1);
        assertThat(environment.published().outcomesOfCause(event.getEventId())).hasSize(2);
        assertThat(service.count("notification.outcomes", "outcome", "duplicate") - duplicatesBefore).isEqualTo(2);
    }

    @Test
    void pagerServerErrorIsRetriedUntilAccepted() {
        environment.pager().script(routingKey, PagerStub.Answer.status(500));
        EscalationEvent event = publishPageOnlyEscalation();

        Outcome outcome = awaitSingleOutcome(event);

        assertThat(outcome.sent()).isTrue();
        assertThat(outcome.asSent().getAttempts()).isEqualTo(2);
        List<PagerStub.Request> requests = environment.pager().requests(routingKey);
        assertThat(requests).hasSize(2);
        assertThat(requests.get(1).body()).isEqualTo(requests.get(0).body());
    }

    @Test
    void tooManyRequestsWaitsForRetryAfterBeforeTryingAgain() {
        environment.pager().script(routingKey, PagerStub.Answer.retryAfter(429, "1"));
        EscalationEvent event = publishPageOnlyEscalation();

        Outcome outcome = awaitSingleOutcome(event);

        assertThat(outcome.sent()).isTrue();
        assertThat(outcome.asSent().getAttempts()).isEqualTo(2);
        List<PagerStub.Request> requests = environment.pager().requests(routingKey);
        assertThat(requests).hasSize(2);
        // The configured backoff is 50 ms: only Retry-After explains a second or more.
        assertThat(Duration.ofNanos(requests.get(1).receivedNanos() - requests.get(0).receivedNanos()))
                .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void badRequestIsNotRetriedAndIsReportedAndDeadLettered() {
        environment.pager().script(routingKey, new PagerStub.Answer(400, Map.of(),
                "{\"status\":\"invalid event\",\"message\":\"Event object is invalid\",\"errors\":[\"'routing_key' is invalid\"]}"));
        EscalationEvent event = Events.escalationEvent(caseNumber, Events.escalation(caseNumber, Severity.SEV1,
                List.of(Events.recipient("Hotline on-call", RecipientRole.HOTLINE_ON_CALL, null, routingKey)), List.of(Channel.PAGE)).build());
        byte[] bytes = environment.serialize(ESCALATIONS, event);
        NotificationId pageId = NotificationId.of(event.getEventId(), routingKey, Channel.PAGE);

        RecordMetadata published = environment.publishBytes(ESCALATIONS, caseNumber, bytes);

        Outcome outcome = awaitSingleOutcome(event);
        assertThat(outcome.sent()).isFalse();
        assertThat(outcome.asFailed().getFailure()).isEqualTo(FailureKind.PERMANENT);
        assertThat(outcome.asFailed().getAttempts()).isEqualTo(1);
        assertThat(outcome.asFailed().getStatusCode()).isEqualTo(400);
        assertThat(outcome.asFailed().getError()).contains("HTTP 400").contains("'routing_key' is invalid");
        assertThat(outcome.notification().getNotificationId()).isEqualTo(pageId.value());
        assertThat(outcome.key()).isEqualTo(caseNumber);
        assertThat(environment.pager().requests(routingKey)).hasSize(1);

        String deadLetterTopic = Topics.ESCALATION_EVENTS.deadLetterTopic();
        await().atMost(WAIT).until(() -> deadLetter(deadLetterTopic, pageId) != null);
        ConsumerRecord<byte[], byte[]> deadLetter = deadLetter(deadLetterTopic, pageId);
        assertThat(new String(deadLetter.key(), StandardCharsets.UTF_8)).isEqualTo(caseNumber);
        assertThat(deadLetter.value()).isEqualTo(bytes);
        assertThat(text(deadLetter, "kafka_dlt-original-topic")).isEqualTo(ESCALATIONS);
        assertThat(ByteBuffer.wrap(deadLetter.headers().lastHeader("kafka_dlt-original-partition").value()).getInt())
                .isEqualTo(published.partition());
        assertThat(ByteBuffer.wrap(deadLetter.headers().lastHeader("kafka_dlt-original-offset").value()).getLong())
                .isEqualTo(published.offset());
        assertThat(text(deadLetter, "kafka_dlt-original-consumer-group")).isEqualTo("notification-service");
        assertThat(text(deadLetter, "kafka_dlt-exception-fqcn")).isEqualTo(ListenerExecutionFailedException.class.getName());
        assertThat(text(deadLetter, "kafka_dlt-exception-cause-fqcn")).isEqualTo(NotificationDeliveryFailedException.class.getName());
        assertThat(text(deadLetter, "kafka_dlt-exception-message")).contains(pageId.value()).contains("PERMANENT")
                .contains("HTTP 400");
        assertThat(deadLetter.headers().lastHeader("kafka_dlt-exception-stacktrace")).isNotNull();
        assertThat(deadLetter.headers().lastHeader("kafka_dlt-original-timestamp")).isNotNull();
    }

    @Test
    void resolvedCaseResolvesEveryOpenPageWithTheSameDedupKey() {
        CaseEvent created = Events.caseEvent(caseNumber, Events.created(Severity.SEV1, Events.SATURDAY));
        environment.publish(Topics.CASE_EVENTS.name(), caseNumber, created);
        EscalationEvent escalation = publishPageOnlyEscalation();
        await().atMost(WAIT).until(() -> environment.published().outcomesOfCause(created.getEventId()).size() == 1
                && environment.published().outcomesOfCause(escalation.getEventId()).size() == 1);
        String callOutKey = caseNumber + "/sev1-call-out";
        String escalationKey = caseNumber + "/escalation/" + ((EscalationRaised) escalation.getPayload()).getEscalationId();
        assertThat(environment.pager().requestsWithDedupKey(callOutKey)).singleElement().satisfies(request -> {
            assertThat(request.eventAction()).isEqualTo("trigger");
            assertThat(request.routingKey()).isEqualTo("rk-hotline-on-call");
            assertThat(request.json().get("payload").get("summary").asString()).contains("weekend");
        });

        CaseEvent resolved = Events.caseEvent(caseNumber, Events.resolved());
        environment.publish(Topics.CASE_EVENTS.name(), caseNumber, resolved);

        await().atMost(WAIT).until(() -> environment.published().outcomesOfCause(resolved.getEventId()).size() == 2);
        assertThat(environment.pager().requestsWithDedupKey(callOutKey)).extracting(PagerStub.Request::eventAction)
                .containsExactly("trigger", "resolve");
        assertThat(environment.pager().requestsWithDedupKey(escalationKey)).extracting(PagerStub.Request::eventAction)
                .containsExactly("trigger", "resolve");
        JsonNode resolve = environment.pager().requestsWithDedupKey(escalationKey).get(1).json();
        assertThat(resolve.get("routing_key").asString()).isEqualTo(routingKey);
        assertThat(resolve.has("payload")).isFalse();
        assertThat(environment.published().outcomesOfCause(resolved.getEventId())).allSatisfy(outcome -> {
            assertThat(outcome.sent()).isTrue();
            assertThat(outcome.notification().getTrigger()).isEqualTo(NotificationTrigger.CASE_RESOLVED);
            assertThat(outcome.notification().getPageAction()).isEqualTo(PageAction.RESOLVE);
        }).extracting(outcome -> outcome.notification().getDedupKey()).containsExactlyInAnyOrder(callOutKey, escalationKey);
    }

    @Test
    void answeringServiceCallOnASev1CasePagesTheOnDutyTechnicians() {
        environment.publish(Topics.CASE_EVENTS.name(), caseNumber, Events.caseEvent(caseNumber, Events.created(Severity.SEV1, Events.TUESDAY)));
        environment.publish(Topics.CASE_EVENTS.name(), caseNumber, Events.caseEvent(caseNumber, Events.call(CallTaker.TECHNICIAN)));
        CaseEvent call = Events.caseEvent(caseNumber, Events.call(CallTaker.ANSWERING_SERVICE));

        environment.publish(Topics.CASE_EVENTS.name(), caseNumber, call);

        Outcome outcome = awaitSingleOutcome(call.getEventId());
        assertThat(outcome.notification().getTrigger()).isEqualTo(NotificationTrigger.ANSWERING_SERVICE_CALL);
        JsonNode page = single(environment.pager().requestsWithDedupKey(caseNumber + "/answering-service/" + call.getEventId())).json();
        assertThat(page.get("routing_key").asString()).isEqualTo("rk-on-duty-technicians");
        assertThat(page.get("event_action").asString()).isEqualTo("trigger");
        assertThat(page.get("payload").get("summary").asString())
                .isEqualTo("[" + caseNumber + " SEV1] Hotline call taken by the answering service, no technician was free: "
                        + "RoamServer down in Frankfurt");
        assertThat(page.get("payload").get("severity").asString()).isEqualTo("critical");
        assertThat(page.get("payload").get("custom_details").get("caller").asString()).isEqualTo("Max Mustermann");
        // Neither the workday SEV1 nor the technician's call paged anyone.
        assertThat(environment.published().outcomes(caseNumber)).hasSize(1);
    }

    @Test
    void slaWarningAndStatusUpdateReminderAreEmailed() throws Exception {
        SlaEvent warning = Events.slaEvent(caseNumber, Events.warning(Severity.SEV2, 75, 120));
        SlaEvent reminder = Events.slaEvent(caseNumber, Events.statusUpdateDue("consultant-jane"));

        environment.publish(Topics.SLA_EVENTS.name(), caseNumber, warning);
        environment.publish(Topics.SLA_EVENTS.name(), caseNumber, reminder);

        await().atMost(WAIT).until(() -> environment.emails(caseNumber).size() == 2);
        assertThat(environment.emails(caseNumber)).filteredOn(message -> Emails.sentTo(message, "consulting-team@support.example.com"))
                .singleElement().satisfies(message -> {
                    assertThat(message.getSubject()).isEqualTo("[" + caseNumber + " SEV2] 75% of the response target elapsed, 2 h left");
                    assertThat(Emails.bodies(message).get("text/plain")).contains("Response due: 2025-03-11 18:00 UTC");
                });
        assertThat(environment.emails(caseNumber)).filteredOn(message -> Emails.sentTo(message, "jane@support.example.com"))
                .singleElement().satisfies(message ->
                        assertThat(message.getSubject()).isEqualTo("[" + caseNumber + " SEV1] Status update #2 to the customer is due"));
        await().atMost(WAIT).until(() -> environment.published().outcomes(caseNumber).size() == 2);
        assertThat(environment.published().outcomes(caseNumber)).extracting(outcome -> outcome.notification().getTrigger())
                .containsExactlyInAnyOrder(NotificationTrigger.SLA_WARNING, NotificationTrigger.STATUS_UPDATE_DUE);
    }

    @Test
    void unreadableRecordIsDeadLetteredAndTheNextOnesAreHandled() {
        byte[] garbage = "not an Avro record".getBytes(StandardCharsets.UTF_8);
        RecordMetadata published = environment.publishBytes(Topics.SLA_EVENTS.name(), caseNumber, garbage);
        SlaEvent next = Events.slaEvent(caseNumber, Events.warning(Severity.SEV3, 50, 360));
        environment.publish(Topics.SLA_EVENTS.name(), caseNumber, next);

        awaitSingleOutcome(next.getEventId());
        String deadLetterTopic = Topics.SLA_EVENTS.deadLetterTopic();
        await().atMost(WAIT).until(() -> environment.published().deadLetters(deadLetterTopic).stream()
                .anyMatch(record -> caseNumber.equals(new String(record.key(), StandardCharsets.UTF_8))));
        ConsumerRecord<byte[], byte[]> deadLetter = environment.published().deadLetters(deadLetterTopic).stream()
                .filter(record -> caseNumber.equals(new String(record.key(), StandardCharsets.UTF_8))).findFirst().orElseThrow();
        assertThat(deadLetter.value()).isEqualTo(garbage);
        assertThat(ByteBuffer.wrap(deadLetter.headers().lastHeader("kafka_dlt-original-offset").value()).getLong())
                .isEqualTo(published.offset());
        assertThat(text(deadLetter, "kafka_dlt-exception-cause-fqcn")).endsWith("UndecodableCauseException");
        assertThat(text(deadLetter, "kafka_dlt-exception-message")).contains("Cannot read support.sla-events record");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"support.escalation-events", "support.sla-events", "support.case-events"})
    void poisonRecordsOfEveryKindAreDeadLetteredAndTheNextRecordIsHandled(String topic) {
        byte[] notWireFormat = "{\"not\": \"avro\"}".getBytes(StandardCharsets.UTF_8);
        byte[] unknownSchemaId = {0, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff, 2, 'x'};
        byte[] anotherCase = environment.serialize(topic, envelope(topic, Events.newCaseNumber()));
        byte[] noCase = environment.serialize(topic, envelope(topic, ""));
        SpecificRecord next = envelope(topic, caseNumber);

        for (byte[] poison : List.of(notWireFormat, unknownSchemaId, anotherCase, noCase)) {
            environment.publishBytes(topic, caseNumber, poison);
        }
        environment.publish(topic, caseNumber, next);

        awaitSingleOutcome(eventId(next));
        String deadLetterTopic = Topics.deadLetterTopic(topic);
        await().atMost(WAIT).until(() -> deadLettersOfThisCase(deadLetterTopic).size() == 4);
        List<ConsumerRecord<byte[], byte[]>> letters = deadLettersOfThisCase(deadLetterTopic);
        assertThat(letters).extracting(ConsumerRecord::value).containsExactly(notWireFormat, unknownSchemaId, anotherCase, noCase);
        assertThat(letters).extracting(letter -> text(letter, "kafka_dlt-exception-message")).satisfiesExactly(
                message -> assertThat(message).startsWith("Cannot read " + topic + " record"),
                message -> assertThat(message).contains("40403"),
                message -> assertThat(message).contains("differs from its case number"),
                message -> assertThat(message).contains("names no case"));
        assertThat(letters).allSatisfy(letter -> {
            assertThat(text(letter, "kafka_dlt-original-topic")).isEqualTo(topic);
            assertThat(text(letter, "kafka_dlt-exception-cause-fqcn")).endsWith("UndecodableCauseException");
        });
    }

    @Test
    void anEscalationToSomeoneWithNoAddressIsReportedAsFailedAndDeadLettered() {
        EscalationEvent nobody = Events.escalationEvent(caseNumber, Events.escalation(caseNumber, Severity.SEV2,
                List.of(Events.recipient("Nobody", RecipientRole.REGIONAL_CONTACT, null, null)), List.of(Channel.EMAIL)).build());

        environment.publish(ESCALATIONS, caseNumber, nobody);

        Outcome outcome = awaitSingleOutcome(nobody);
        assertThat(outcome.event().getPayload()).isInstanceOfSatisfying(NotificationFailed.class,
                failed -> assertThat(failed.getFailure()).isEqualTo(FailureKind.PERMANENT));
        await().atMost(WAIT).until(() -> !deadLettersOfThisCase(Topics.ESCALATION_EVENTS.deadLetterTopic()).isEmpty());
        assertThat(environment.emails(caseNumber)).isEmpty();
    }

    private SpecificRecord envelope(String topic, String caseNumber) {
        return switch (topic) {
            case "support.escalation-events" -> Events.escalationEvent(caseNumber, Events.escalation(caseNumber, Severity.SEV2,
                    List.of(contact()), List.of(Channel.EMAIL)).build());
            case "support.sla-events" -> Events.slaEvent(caseNumber, Events.warning(Severity.SEV3, 50, 360));
            default -> Events.caseEvent(caseNumber, Events.call(CallTaker.ANSWERING_SERVICE));
        };
    }

    private static String eventId(SpecificRecord envelope) {
        return envelope.get(envelope.getSchema().getField("eventId").pos()).toString();
    }

    private List<ConsumerRecord<byte[], byte[]>> deadLettersOfThisCase(String topic) {
        return environment.published().deadLetters(topic).stream()
                .filter(record -> record.key() != null && caseNumber.equals(new String(record.key(), StandardCharsets.UTF_8)))
                .toList();
    }

    @Test
    void healthIncludesTheSmtpServerAndThePagerGateway() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + service.port() + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());

        JsonNode health = JsonMapper.builder().build().readTree(response.body());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(health.get("components").get("mail").get("status").asString()).isEqualTo("UP");
        assertThat(health.get("components").get("pager").get("status").asString()).isEqualTo("UP");
    }

    // --- helpers ---

    private Recipient contact() {
        return Events.recipient("London regional contact", RecipientRole.REGIONAL_CONTACT, contactEmail, routingKey);
    }

    private EscalationEvent publishPageOnlyEscalation() {
        EscalationEvent event = Events.escalationEvent(caseNumber, Events.escalation(caseNumber, Severity.SEV1,
                List.of(Events.recipient("Hotline on-call", RecipientRole.HOTLINE_ON_CALL, null, routingKey)),
                List.of(Channel.PAGE)).build());
        environment.publish(ESCALATIONS, caseNumber, event);
        return event;
    }

    /** An escalation of the same case to someone else: handled after everything published before it. */
    private EscalationEvent publishMarkerEscalation() {
        EscalationEvent marker = Events.escalationEvent(caseNumber, Events.escalation(caseNumber, Severity.SEV2,
                List.of(Events.director()), List.of(Channel.EMAIL)).build());
        environment.publish(ESCALATIONS, caseNumber, marker);
        return marker;
    }

    private Outcome awaitSingleOutcome(EscalationEvent event) {
        return awaitSingleOutcome(event.getEventId());
    }

    private Outcome awaitSingleOutcome(String causeEventId) {
        await().atMost(WAIT).until(() -> !environment.published().outcomesOfCause(causeEventId).isEmpty());
        return single(environment.published().outcomesOfCause(causeEventId));
    }

    private static ConsumerRecord<byte[], byte[]> deadLetter(String topic, NotificationId id) {
        return environment.published().deadLetters(topic).stream()
                .filter(record -> id.value().equals(text(record, "notification-id")))
                .findFirst().orElse(null);
    }

    private static String text(ConsumerRecord<byte[], byte[]> record, String header) {
        Header found = record.headers().lastHeader(header);
        return found == null ? null : new String(found.value(), StandardCharsets.UTF_8);
    }

    private static <T> T single(List<T> items) {
        assertThat(items).hasSize(1);
        return items.get(0);
    }
}
