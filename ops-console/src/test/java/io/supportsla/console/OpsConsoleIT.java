package io.supportsla.console;

import static io.supportsla.console.testing.Events.breached;
import static io.supportsla.console.testing.Events.caseCreated;
import static io.supportsla.console.testing.Events.escalationAcknowledged;
import static io.supportsla.console.testing.Events.escalationRaised;
import static io.supportsla.console.testing.Events.notificationFailed;
import static io.supportsla.console.testing.Events.recipient;
import static io.supportsla.console.testing.Events.responseTarget;
import static io.supportsla.console.testing.Events.timerStarted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.supportsla.console.testing.CaseNumbers;
import io.supportsla.console.testing.ConsoleHttp;
import io.supportsla.console.testing.ConsoleIntegrationTest;
import io.supportsla.console.testing.ConsoleTestEnvironment;
import io.supportsla.console.testing.EscalationServiceStub;
import io.supportsla.console.testing.Events.Customer;
import io.supportsla.console.testing.TopicProducer;
import io.supportsla.schemas.Topics;
import io.supportsla.schemas.common.RecipientRole;
import io.supportsla.schemas.common.Severity;
import io.supportsla.schemas.escalation.EscalationReason;
import io.supportsla.schemas.sla.SlaTarget;
import io.supportsla.testing.http.RawHttp;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The console against a real broker and the real registry: events produced onto the four topics
 * with the services' serializer show on its pages and stream, acknowledgements reach
 * escalation-service's endpoint with the consultant's key, and a helpdesk sees only its own.
 */
@ConsoleIntegrationTest
class OpsConsoleIT {

    static final Duration WAIT = Duration.ofSeconds(20);

    @LocalServerPort
    int port;

    final TopicProducer topics = ConsoleTestEnvironment.producer();
    final EscalationServiceStub escalationService = ConsoleTestEnvironment.escalationService();
    ConsoleHttp consultant;

    @BeforeEach
    void signIn() {
        ConsoleHttp anonymous = new ConsoleHttp(port);
        await().atMost(Duration.ofSeconds(60)).until(() -> anonymous.get("/actuator/health/readiness").status() == 200);
        consultant = new ConsoleHttp(port);
        consultant.signIn("local-consultant-key");
    }

    String fileCase(Customer customer, Severity severity, Duration responseTarget) {
        String number = CaseNumbers.next();
        Instant now = Instant.now();
        topics.send(caseCreated(number, severity, customer, now));
        topics.send(timerStarted(number, responseTarget(severity, now, now.plus(responseTarget)), now));
        return number;
    }

    @Test
    void eventsOfTheFourTopicsShowOnTheQueueTheEscalationsTheNotificationsAndTheCasePage() {
        Instant now = Instant.now();
        String number = CaseNumbers.next();
        SlaTarget target = responseTarget(Severity.SEV1, now.minus(Duration.ofHours(1)), now);
        topics.send(caseCreated(number, Severity.SEV1, Customer.ACME, now.minus(Duration.ofHours(1))));
        topics.send(timerStarted(number, target, now.minus(Duration.ofHours(1))));
        topics.send(breached(number, target, now));
        topics.send(escalationRaised(number, number + "-E1", 1, EscalationReason.RESPONSE_BREACH,
                recipient("London contact", RecipientRole.REGIONAL_CONTACT), now, now.plus(Duration.ofMinutes(15)), null));
        topics.send(notificationFailed(number, "n-" + number, now));

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(consultant.get("/fragments/queue").body()).contains("data-case=\"" + number + "\"")
                    .containsPattern("class=\"case state-breached[^\"]*\" data-case=\"" + number + "\"");
            assertThat(consultant.get("/fragments/escalations").body()).contains(number + "-E1", "London contact");
            assertThat(consultant.get("/fragments/notifications").body()).contains("data-notification=\"n-" + number + "\"",
                    "data-outcome=\"failed\"");
        });
        assertThat(consultant.get("/cases/" + number).body()).contains("data-type=\"CaseCreated\"", "data-type=\"SlaTimerStarted\"",
                "data-type=\"SlaBreached\"", "data-type=\"EscalationRaised\"", "data-type=\"NotificationFailed\"");
    }

    @Test
    void theLiveStreamNamesTheChangedCasesAPersonMaySeeAndNoOthers() {
        ConsoleHttp acme = new ConsoleHttp(port);
        acme.signIn("local-acme-helpdesk-key");
        List<String> lines = new CopyOnWriteArrayList<>();
        CompletableFuture<HttpResponse<Stream<String>>> stream = acme.client().sendAsync(
                HttpRequest.newBuilder(URI.create(acme.base() + "/live")).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofLines());
        stream.thenAccept(response -> response.body().forEach(lines::add));
        await().atMost(WAIT).until(() -> lines.contains("event:ready"));

        String globex = fileCase(Customer.GLOBEX, Severity.SEV1, Duration.ofHours(1));
        String own = fileCase(Customer.ACME, Severity.SEV2, Duration.ofHours(8));

        await().atMost(WAIT).until(() -> lines.stream().anyMatch(line -> line.startsWith("data:") && line.contains(own)));
        assertThat(lines).contains("event:changed").noneMatch(line -> line.contains(globex));
        // the consultant's page saw both, so the globex case was read before the acme one was announced
        await().atMost(WAIT).until(() -> consultant.get("/fragments/queue").body().contains(globex));
        assertThat(lines).noneMatch(line -> line.contains(globex));
        stream.cancel(true);
    }

    @Test
    void aHelpdeskSeesItsOrganisationsCasesOnlyAndCannotOpenAnotherOrganisationsCasePage() {
        String globex = fileCase(Customer.GLOBEX, Severity.SEV1, Duration.ofHours(1));
        String own = fileCase(Customer.ACME, Severity.SEV1, Duration.ofHours(1));
        ConsoleHttp acme = new ConsoleHttp(port);
        acme.signIn("local-acme-helpdesk-key");
        ConsoleHttp partner = new ConsoleHttp(port);
        partner.signIn("local-northwind-helpdesk-key");

        await().atMost(WAIT).until(() -> consultant.get("/fragments/queue").body().contains(globex)
                && consultant.get("/fragments/queue").body().contains(own));

        assertThat(acme.get("/fragments/queue").body()).contains(own).doesNotContain(globex);
        assertThat(acme.get("/cases/" + globex).status()).isEqualTo(404);
        assertThat(partner.get("/fragments/queue").body()).contains(globex).doesNotContain(own);
        assertThat(partner.get("/cases/" + globex).status()).isEqualTo(200);
    }

    @Test
    void acknowledgingFromThePageCallsEscalationServiceWithTheConsultantsKeyAndShowsTheAcknowledgement() {
        String number = fileCase(Customer.ACME, Severity.SEV1, Duration.ofMinutes(30));
        String escalationId = number + "-E1";
        Instant now = Instant.now();
        topics.send(escalationRaised(number, escalationId, 1, EscalationReason.RESPONSE_BREACH,
                recipient("London contact", RecipientRole.REGIONAL_CONTACT), now, now.plus(Duration.ofMinutes(15)), null));
        await().atMost(WAIT).until(() -> consultant.get("/cases/" + number).body().contains("Acknowledge " + escalationId));

        ConsoleHttp.Reply reply = consultant.postForm("/cases/" + number, "/escalations/" + escalationId + "/acknowledgement",
                Map.of("returnTo", "/cases/" + number));

        assertThat(reply.status()).isEqualTo(302);
        assertThat(reply.location()).endsWith("/cases/" + number);
        assertThat(escalationService.receivedFor(escalationId)).singleElement().satisfies(request -> {
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.authorization()).isEqualTo("Bearer local-consultant-key");
            assertThat(request.body()).isEmpty();
        });
        assertThat(consultant.get("/cases/" + number).body()).contains("Acknowledgement of " + escalationId + " sent")
                .contains("acknowledgement sent by jane-consultant");

        topics.send(escalationAcknowledged(number, escalationId, "jane-consultant", Instant.now()));
        await().atMost(WAIT).untilAsserted(() -> assertThat(consultant.get("/fragments/escalations").body())
                .containsPattern("data-escalation=\"" + escalationId + "\" data-state=\"acknowledged\""));
    }

    @Test
    void aPostWithoutThePagesCsrfTokenAcknowledgesNothing() throws Exception {
        String number = fileCase(Customer.ACME, Severity.SEV1, Duration.ofMinutes(30));
        String escalationId = number + "-E1";
        Instant now = Instant.now();
        topics.send(escalationRaised(number, escalationId, 1, EscalationReason.RESPONSE_BREACH,
                recipient("London contact", RecipientRole.REGIONAL_CONTACT), now, now.plus(Duration.ofMinutes(15)), null));
        await().atMost(WAIT).until(() -> consultant.get("/cases/" + number).body().contains(escalationId));

        HttpResponse<String> forged = consultant.client().send(HttpRequest.newBuilder(
                        URI.create(consultant.base() + "/escalations/" + escalationId + "/acknowledgement"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("returnTo=/")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(escalationService.receivedFor(escalationId)).isEmpty();
    }

    @Test
    void anUndecodableRecordIsSkippedAndReadingGoesOn() {
        topics.sendGarbage(Topics.CASE_EVENTS.name(), "C-0000-0000");
        String number = fileCase(Customer.INITECH, Severity.SEV3, Duration.ofHours(12));

        await().atMost(WAIT).until(() -> consultant.get("/fragments/queue").body().contains(number));
        assertThat(consultant.get("/actuator/prometheus").body())
                .containsPattern("console_topic_records_skipped_total\\{[^}]*topic=\"support.case-events\"[^}]*} [1-9]");
    }

    @Test
    void onEveryTopicGarbageAndUnknownSchemasAreSkippedEventsNamingNoCaseIgnoredAndReadingGoesOn() {
        Instant now = Instant.now();
        String number = CaseNumbers.next();
        byte[] unknownSchemaId = {0, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff, 2, 'x'};
        Map<String, Double> skippedBefore = new HashMap<>();
        for (String topic : Topics.avroTopics().stream().map(t -> t.name()).toList()) {
            skippedBefore.put(topic, skipped(topic));
            topics.sendGarbage(topic, number);
            topics.sendBytes(topic, number, unknownSchemaId);
        }
        topics.send(caseCreated("", Severity.SEV1, Customer.ACME, now));

        SlaTarget target = responseTarget(Severity.SEV1, now.minus(Duration.ofHours(1)), now);
        topics.send(caseCreated(number, Severity.SEV1, Customer.ACME, now.minus(Duration.ofHours(1))));
        topics.send(breached(number, target, now));
        topics.send(escalationRaised(number, number + "-E1", 1, EscalationReason.RESPONSE_BREACH,
                recipient("London contact", RecipientRole.REGIONAL_CONTACT), now, now.plus(Duration.ofMinutes(15)), null));
        topics.send(notificationFailed(number, "n-" + number, now));

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(consultant.get("/fragments/queue").body()).contains("data-case=\"" + number + "\"");
            assertThat(consultant.get("/fragments/escalations").body()).contains(number + "-E1");
            assertThat(consultant.get("/fragments/notifications").body()).contains("data-notification=\"n-" + number + "\"");
        });
        assertThat(consultant.get("/cases/" + number).body()).contains("data-type=\"SlaBreached\"");
        skippedBefore.forEach((topic, before) -> assertThat(skipped(topic)).as("skipped on %s", topic).isEqualTo(before + 2));
        assertThat(consultant.get("/fragments/queue").body()).as("no case without a number").doesNotContain("data-case=\"\"");
    }

    @Test
    void malformedRequestsAreRefusedBeforeTheConsoleSeesThemNeverWithAServerError() {
        Map<String, String> requests = Map.of(
                "CR in a header", "POST /sign-in HTTP/1.1\r\nHost: localhost\r\nX-Key: a\rX-Injected: 1\r\nContent-Length: 0\r\n"
                        + "Connection: close\r\n\r\n",
                "NUL in the path", "GET /cases/C-0000-0001\u0000 HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
                "encoded slash", "GET /cases/..%2F..%2Fetc%2Fpasswd HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
                "encoded dot segments", "GET /escalations/%2e%2e/acknowledgement HTTP/1.1\r\nHost: localhost\r\n"
                        + "Connection: close\r\n\r\n",
                "header of 20000 bytes", "GET / HTTP/1.1\r\nHost: localhost\r\nX-Padding: " + "p".repeat(20_000)
                        + "\r\nConnection: close\r\n\r\n");

        requests.forEach((name, request) -> {
            RawHttp.Reply reply = RawHttp.send(port, request);
            assertThat(reply.status()).as("%s: %s", name, reply).isBetween(400, 499);
            assertThat(reply.header("Content-Type")).as("%s: %s", name, reply).startsWith("application/problem+json");
        });
    }

    /** console_topic_records_skipped_total of the topic, 0 when not counted yet. */
    private double skipped(String topic) {
        Matcher counted = Pattern.compile(
                "console_topic_records_skipped_total\\{[^}]*topic=\"" + Pattern.quote(topic) + "\"[^}]*} ([0-9.E]+)")
                .matcher(consultant.get("/actuator/prometheus").body());
        return counted.find() ? Double.parseDouble(counted.group(1)) : 0;
    }

    @Test
    void reportsReadinessOnceTheTopicsAreReadAndExposesPrometheusMetrics() {
        ConsoleHttp anonymous = new ConsoleHttp(port);

        assertThat(anonymous.get("/actuator/health/readiness").body()).contains("\"consoleView\"").contains("\"UP\"");
        assertThat(anonymous.get("/actuator/health/liveness").status()).isEqualTo(200);
        String metrics = anonymous.get("/actuator/prometheus").body();
        assertThat(metrics).contains("console_cases_open", "console_escalations_open", "console_live_subscribers",
                "console_topic_records_applied_total{application=\"ops-console\",topic=\"support.sla-events\"}");
        assertThat(anonymous.get("/").status()).as("pages need sign-in").isEqualTo(302);
    }
}
