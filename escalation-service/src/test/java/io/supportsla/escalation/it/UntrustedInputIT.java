package io.supportsla.escalation.it;

import static io.supportsla.escalation.it.RunningEscalationService.CONSULTANT_KEY;
import static io.supportsla.escalation.it.RunningEscalationService.HELPDESK_KEY;
import static io.supportsla.escalation.testing.Events.caseCreated;
import static io.supportsla.escalation.testing.Events.responseBreached;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.supportsla.escalation.acknowledgement.AcknowledgementToken;
import io.supportsla.escalation.acknowledgement.AcknowledgementTokens;
import io.supportsla.escalation.streams.EscalationBindings;
import io.supportsla.schemas.Topics;
import io.supportsla.schemas.common.Region;
import io.supportsla.schemas.common.Severity;
import io.supportsla.schemas.escalation.EscalationAcknowledged;
import io.supportsla.schemas.escalation.EscalationEvent;
import io.supportsla.schemas.escalation.EscalationRaised;
import io.supportsla.testing.http.HostileInput;
import io.supportsla.testing.http.RawHttp;
import io.supportsla.testing.kafka.KafkaBroker;
import io.supportsla.testing.kafka.WithKafkaBroker;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What comes from outside, against one running service on a real broker and registry: poison
 * records on each of its three input topics, the access matrix of its HTTP API (API keys of every
 * role, and good, tampered, expired and foreign acknowledgement links), and hostile HTTP input.
 */
@WithKafkaBroker
class UntrustedInputIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String ANSWERING_SERVICE_KEY = "answering-service-key";
    private static final String END_USER_KEY = "end-user-key";
    private static final String OTHER_ORGANISATION_KEY = "initech-helpdesk-key";

    /** Cases whose first escalation the matrix reads (A) and acknowledges by key (B) and by link (C). */
    private static final String CASE_A = "C-0003-0001";
    private static final String CASE_B = "C-0003-0002";
    private static final String CASE_C = "C-0003-0003";
    private static final String CASE_UNKNOWN = "C-0003-9999";

    private static PlatformTopics topics;
    private static RunningEscalationService service;

    @BeforeAll
    static void startWithThreeEscalations(KafkaBroker broker) throws Exception {
        String registryUrl = SharedSchemaRegistry.url(broker);
        topics = new PlatformTopics(broker, registryUrl);
        // printf %s <key> | sha256sum
        String[] moreKeys = Stream.of(
                apiKey("answering-service", "07a6bf5f19b4957e2629214bd2ec04082c4eb69ea6eb01f327d987b3af34cc15", "supportsla",
                        "ANSWERING_SERVICE"),
                apiKey("acme-end-user", "1465c693b35e6ac4388aa751228afee17d1b0154e434838d35f7c1426c327c6d", "acme", "END_USER"),
                apiKey("initech-helpdesk", "17a0b3f5eb2f679b8895f0476c22658fb45fec975b6f55d12a2c60a5e112d646", "initech", "HELPDESK"))
                .flatMap(List::stream).toArray(String[]::new);
        service = RunningEscalationService.start(registryUrl, Files.createTempDirectory("escalation-untrusted-"), moreKeys);
        for (String caseNumber : List.of(CASE_A, CASE_B, CASE_C)) {
            escalate(caseNumber);
        }
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
        topics.close();
    }

    @Nested
    class PoisonRecords {

        @Test
        void onTheSlaEventsTopicEachGoesToTheDeadLetterTopicAndTheNextRecordIsProcessed() {
            String caseNumber = "C-0003-0101";
            String topic = Topics.SLA_EVENTS.name();
            topics.send(Topics.CASE_EVENTS.name(), caseNumber, caseCreated(caseNumber, Severity.SEV2, Region.EMEA, hoursAgo(9)));
            int partition = topics.partitionOf(topic, caseNumber);
            byte[] notWireFormat = "{\"breach\": true}".getBytes(StandardCharsets.UTF_8);
            byte[] unknownSchemaId = {0, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff, 2, 'x'};
            byte[] anotherCasesBreach = topics.serialize(topic, responseBreached("C-0003-0199", Severity.SEV2, Region.EMEA, Instant.now()));
            byte[] emptyCaseNumber = topics.serialize(topic, responseBreached("", Severity.SEV2, Region.EMEA, Instant.now()));

            topics.sendRaw(topic, partition, caseNumber, notWireFormat);
            topics.sendRaw(topic, partition, caseNumber, unknownSchemaId);
            topics.sendRaw(topic, partition, caseNumber, anotherCasesBreach);
            topics.sendRaw(topic, partition, "", emptyCaseNumber);
            topics.send(topic, caseNumber, responseBreached(caseNumber, Severity.SEV2, Region.EMEA, Instant.now()));

            awaitRaised(caseNumber);
            assertDeadLettered(topic, Map.of(
                    notWireFormat, "",
                    unknownSchemaId, "40403",
                    anotherCasesBreach, "differs from the event's case number 'C-0003-0199'",
                    emptyCaseNumber, "without a case number"));
            assertThat(topics.escalationsOf("C-0003-0199")).as("nothing escalated under the other case").isEmpty();
        }

        @Test
        void onTheCaseEventsTopicEachGoesToTheDeadLetterTopicAndTheNextRecordIsProcessed() {
            String caseNumber = "C-0003-0102";
            String topic = Topics.CASE_EVENTS.name();
            int partition = topics.partitionOf(topic, caseNumber);
            byte[] notWireFormat = new byte[] {1, 2, 3};
            byte[] unknownSchemaId = {0, 0x7f, (byte) 0xff, (byte) 0xfe, (byte) 0xff, 2, 'x'};
            byte[] emptyCaseNumber = topics.serialize(topic, caseCreated("", Severity.SEV1, Region.EMEA, hoursAgo(2)));

            topics.sendRaw(topic, partition, caseNumber, notWireFormat);
            topics.sendRaw(topic, partition, caseNumber, unknownSchemaId);
            topics.sendRaw(topic, partition, "", emptyCaseNumber);
            topics.send(topic, caseNumber, caseCreated(caseNumber, Severity.SEV2, Region.EMEA, hoursAgo(9)));
            topics.send(Topics.SLA_EVENTS.name(), caseNumber, responseBreached(caseNumber, Severity.SEV2, Region.EMEA, Instant.now()));

            EscalationRaised raised = awaitRaised(caseNumber);
            assertThat(raised.getCaseSummary().getSeverity()).as("the case was read after the poison").isEqualTo(Severity.SEV2);
            assertDeadLettered(topic, Map.of(notWireFormat, "", unknownSchemaId, "40403", emptyCaseNumber, "without a case number"));
        }

        @Test
        void onTheAcknowledgementCommandTopicEachGoesToTheDeadLetterTopicAndTheNextRecordIsProcessed() {
            String caseNumber = "C-0003-0103";
            escalate(caseNumber);
            String topic = EscalationBindings.ACKNOWLEDGEMENT_REQUESTS_TOPIC;
            int partition = topics.partitionOf(topic, caseNumber);
            byte[] notJson = {0, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff, 2, 'x'};
            byte[] noEscalation = ("{\"requestId\": \"r-1\", \"caseNumber\": \"" + caseNumber + "\", \"acknowledgedBy\": \"jane\","
                    + " \"via\": \"API_KEY\", \"requestedAt\": \"2025-03-11T10:00:00Z\"}").getBytes(StandardCharsets.UTF_8);
            byte[] unknownChannel = ("{\"requestId\": \"r-2\", \"caseNumber\": \"" + caseNumber + "\", \"escalationId\": \"" + caseNumber
                    + "-E1\", \"acknowledgedBy\": \"jane\", \"via\": \"FAX\", \"requestedAt\": \"2025-03-11T10:00:00Z\"}")
                    .getBytes(StandardCharsets.UTF_8);

            topics.sendRaw(topic, partition, caseNumber, notJson);
            topics.sendRaw(topic, partition, caseNumber, noEscalation);
            topics.sendRaw(topic, partition, caseNumber, unknownChannel);
            // An acknowledgement of another case's escalation under this case's key is no poison: nothing of this case matches.
            topics.sendRaw(topic, partition, caseNumber, ("{\"requestId\": \"r-3\", \"caseNumber\": \"" + caseNumber
                    + "\", \"escalationId\": \"" + CASE_A + "-E1\", \"acknowledgedBy\": \"mallory\", \"via\": \"LINK\","
                    + " \"requestedAt\": \"2025-03-11T10:00:00Z\"}").getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> accepted = service.post("/api/v1/escalations/" + caseNumber + "-E1/acknowledgement", CONSULTANT_KEY);

            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
            await("the acknowledgement after the poison").atMost(PATIENCE).until(() -> topics.escalationsOf(caseNumber).stream()
                    .anyMatch(event -> event.getPayload() instanceof EscalationAcknowledged));
            assertDeadLettered(topic, Map.of(notJson, "from JSON", noEscalation, "escalationId", unknownChannel, "FAX"));
            assertThat(topics.escalationsOf(CASE_A)).noneMatch(event -> event.getPayload() instanceof EscalationAcknowledged a
                    && a.getAcknowledgedBy().equals("mallory"));
        }

        private void assertDeadLettered(String topic, Map<byte[], String> expected) {
            await("the dead letters of " + topic).atMost(PATIENCE).untilAsserted(() -> {
                List<ConsumerRecord<byte[], byte[]>> letters = topics.deadLetters(Topics.deadLetterTopic(topic));
                expected.forEach((value, message) -> assertThat(letters).as("dead letter %s", new String(value, StandardCharsets.UTF_8))
                        .anySatisfy(letter -> {
                            assertThat(letter.value()).isEqualTo(value);
                            assertThat(header(letter, "kafka_dlt-original-topic")).isEqualTo(topic);
                            assertThat(header(letter, "kafka_dlt-original-consumer-group")).isEqualTo("escalation-service");
                            assertThat(header(letter, "kafka_dlt-exception-fqcn")).isNotBlank();
                            assertThat(header(letter, "kafka_dlt-exception-message")).contains(message);
                        }));
            });
        }
    }

    @Nested
    class AccessMatrix {

        @ParameterizedTest(name = "{0} {1} as {3}: {4}")
        @CsvSource(delimiter = '|', textBlock = """
                GET  | /api/v1/cases/{n}/escalations           | A | none              | 401
                GET  | /api/v1/cases/{n}/escalations           | A | bad key           | 401
                GET  | /api/v1/cases/{n}/escalations           | A | consultant        | 200
                GET  | /api/v1/cases/{n}/escalations           | A | answering service | 403
                GET  | /api/v1/cases/{n}/escalations           | A | acme helpdesk     | 403
                GET  | /api/v1/cases/{n}/escalations           | A | acme end user     | 403
                GET  | /api/v1/cases/{n}/escalations           | A | initech helpdesk  | 403
                GET  | /api/v1/cases/{n}/escalations           | A | valid link        | 401
                GET  | /api/v1/cases/{n}/escalations           | U | consultant        | 404
                GET  | /api/v1/escalations/{id}                | A | none              | 401
                GET  | /api/v1/escalations/{id}                | A | bad key           | 401
                GET  | /api/v1/escalations/{id}                | A | consultant        | 200
                GET  | /api/v1/escalations/{id}                | A | answering service | 403
                GET  | /api/v1/escalations/{id}                | A | acme helpdesk     | 403
                GET  | /api/v1/escalations/{id}                | A | acme end user     | 403
                GET  | /api/v1/escalations/{id}                | A | initech helpdesk  | 403
                GET  | /api/v1/escalations/{id}                | A | valid link        | 200
                GET  | /api/v1/escalations/{id}                | A | other link        | 403
                GET  | /api/v1/escalations/{id}                | A | tampered link     | 401
                GET  | /api/v1/escalations/{id}                | A | expired link      | 403
                GET  | /api/v1/escalations/{id}                | A | foreign link      | 401
                GET  | /api/v1/escalations/{id}                | A | malformed link    | 401
                GET  | /api/v1/escalations/{id}                | U | consultant        | 404
                GET  | /api/v1/escalations/{id}/acknowledgement | A | none              | 401
                GET  | /api/v1/escalations/{id}/acknowledgement | A | bad key           | 401
                GET  | /api/v1/escalations/{id}/acknowledgement | A | consultant        | 200
                GET  | /api/v1/escalations/{id}/acknowledgement | A | answering service | 403
                GET  | /api/v1/escalations/{id}/acknowledgement | A | acme helpdesk     | 403
                GET  | /api/v1/escalations/{id}/acknowledgement | A | acme end user     | 403
                GET  | /api/v1/escalations/{id}/acknowledgement | A | initech helpdesk  | 403
                GET  | /api/v1/escalations/{id}/acknowledgement | A | valid link        | 200
                GET  | /api/v1/escalations/{id}/acknowledgement | A | other link        | 403
                GET  | /api/v1/escalations/{id}/acknowledgement | A | tampered link     | 401
                GET  | /api/v1/escalations/{id}/acknowledgement | A | expired link      | 403
                GET  | /api/v1/escalations/{id}/acknowledgement | A | foreign link      | 401
                GET  | /api/v1/escalations/{id}/acknowledgement | A | malformed link    | 401
                GET  | /api/v1/escalations/{id}/acknowledgement | U | consultant        | 404
                POST | /api/v1/escalations/{id}/acknowledgement | A | none              | 401
                POST | /api/v1/escalations/{id}/acknowledgement | A | bad key           | 401
                POST | /api/v1/escalations/{id}/acknowledgement | B | consultant        | 202
                POST | /api/v1/escalations/{id}/acknowledgement | A | answering service | 403
                POST | /api/v1/escalations/{id}/acknowledgement | A | acme helpdesk     | 403
                POST | /api/v1/escalations/{id}/acknowledgement | A | acme end user     | 403
                POST | /api/v1/escalations/{id}/acknowledgement | A | initech helpdesk  | 403
                POST | /api/v1/escalations/{id}/acknowledgement | C | valid link        | 202
                POST | /api/v1/escalations/{id}/acknowledgement | A | other link        | 403
                POST | /api/v1/escalations/{id}/acknowledgement | A | tampered link     | 401
                POST | /api/v1/escalations/{id}/acknowledgement | A | expired link      | 403
                POST | /api/v1/escalations/{id}/acknowledgement | A | foreign link      | 401
                POST | /api/v1/escalations/{id}/acknowledgement | A | malformed link    | 401
                POST | /api/v1/escalations/{id}/acknowledgement | U | consultant        | 404
                GET  | /actuator/health/readiness              | A | none              | 200
                GET  | /actuator/prometheus                    | A | none              | 200
                """)
        void eachCallerGetsWhatTheMatrixSays(String method, String path, String target, String caller, int status) {
            String caseNumber = switch (target) {
                case "A" -> CASE_A;
                case "B" -> CASE_B;
                case "C" -> CASE_C;
                default -> CASE_UNKNOWN;
            };
            String escalationId = caseNumber + "-E1";
            String url = path.replace("{n}", caseNumber).replace("{id}", escalationId);
            String token = token(caller, escalationId);
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + service.port()
                    + url + (token == null ? "" : "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8))));
            String key = key(caller);
            if (key != null) {
                request.header("Authorization", "Bearer " + key);
            }
            request.method(method, HttpRequest.BodyPublishers.noBody());

            HttpResponse<String> answer = send(request);

            assertThat(answer.statusCode()).as("%s %s as %s: %s", method, url, caller, answer.body()).isEqualTo(status);
            if (status >= 400) {
                assertProblem(answer);
            }
            if (status == 202) {
                await("the acknowledgement of " + escalationId).atMost(PATIENCE).until(() -> topics.escalationsOf(caseNumber).stream()
                        .anyMatch(event -> event.getPayload() instanceof EscalationAcknowledged));
            }
        }

        private static String key(String caller) {
            return switch (caller) {
                case "bad key" -> "not-a-configured-key";
                case "consultant" -> CONSULTANT_KEY;
                case "answering service" -> ANSWERING_SERVICE_KEY;
                case "acme helpdesk" -> HELPDESK_KEY;
                case "acme end user" -> END_USER_KEY;
                case "initech helpdesk" -> OTHER_ORGANISATION_KEY;
                default -> null;
            };
        }

        private static String token(String caller, String escalationId) {
            AcknowledgementTokens tokens = new AcknowledgementTokens(RunningEscalationService.LINK_SECRET);
            Instant inAnHour = Instant.now().plus(Duration.ofHours(1));
            return switch (caller) {
                case "valid link" -> tokens.sign(new AcknowledgementToken(escalationId, "london-contact", inAnHour));
                case "other link" -> tokens.sign(new AcknowledgementToken(CASE_B + "-E9", "london-contact", inAnHour));
                case "tampered link" -> tampered(tokens.sign(new AcknowledgementToken(escalationId, "london-contact", inAnHour)));
                case "expired link" -> tokens.sign(new AcknowledgementToken(escalationId, "london-contact", Instant.now().minusSeconds(60)));
                case "foreign link" -> new AcknowledgementTokens("another-deployment-secret-of-32-bytes-or-more")
                        .sign(new AcknowledgementToken(escalationId, "london-contact", inAnHour));
                case "malformed link" -> "v1.not-a-token";
                default -> null;
            };
        }

        private static String tampered(String token) {
            // Another recipient, the same signature.
            String[] parts = token.split("\\.");
            parts[2] = Base64.getUrlEncoder().withoutPadding().encodeToString("director".getBytes(StandardCharsets.UTF_8));
            return String.join(".", parts);
        }
    }

    @Nested
    class HostileRequests {

        @TestFactory
        Stream<DynamicTest> hostileCaseNumbersAndEscalationIdsAreAnsweredWithAProblem() {
            return andNothingAcknowledged(HostileInput.pathSegments().stream().flatMap(segment -> Stream.of(
                    dynamicTest("GET cases/" + segment, () -> assertRefused(
                            service.get("/api/v1/cases/" + segment.value() + "/escalations", CONSULTANT_KEY))),
                    dynamicTest("GET escalations/" + segment, () -> assertRefused(
                            service.get("/api/v1/escalations/" + segment.value(), CONSULTANT_KEY))),
                    dynamicTest("POST escalations/" + segment + "/acknowledgement", () -> assertRefused(
                            service.post("/api/v1/escalations/" + segment.value() + "/acknowledgement", CONSULTANT_KEY))))));
        }

        @TestFactory
        Stream<DynamicTest> hostileTokensAreRefused() {
            Stream<String> handWritten = Stream.of(HostileInput.injectionStrings(),
                    HostileInput.forbiddenText()).flatMap(List::stream).map(HostileInput.Sample::value);
            Stream<String> generated = HostileInput.samples(
                    Arbitraries.strings().all().ofMinLength(1).ofMaxLength(200), 31, 30).stream();
            Stream<String> shaped = HostileInput.samples(Arbitraries.strings().ofMaxLength(30).list()
                    .ofSize(5).map(parts -> String.join(".", parts)), 32, 20).stream().map(token -> "v1." + token);
            return andNothingAcknowledged(Stream.of(handWritten, generated, shaped).flatMap(tokens -> tokens).map(token -> dynamicTest(abbreviate(token), () -> {
                String query = "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
                HttpResponse<String> page = service.get("/api/v1/escalations/" + CASE_A + "-E1/acknowledgement" + query, null);
                HttpResponse<String> post = send(HttpRequest.newBuilder(URI.create("http://localhost:" + service.port()
                                + "/api/v1/escalations/" + CASE_A + "-E1/acknowledgement"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("token=" + URLEncoder.encode(token, StandardCharsets.UTF_8))));
                // 401 for a token that is no valid link; 400 where the container refuses the query itself (an encoded NUL).
                assertThat(page.statusCode()).as(page.body()).isIn(400, 401);
                assertThat(post.statusCode()).as(post.body()).isIn(400, 401);
                assertProblem(page);
                assertProblem(post);
            })));
        }

        @TestFactory
        Stream<DynamicTest> hostileCredentialsAndMethodsAndMalformedRequestsAreRefused() {
            Stream<DynamicTest> credentials = HostileInput.authorizationHeaders().stream()
                    .map(authorization -> dynamicTest(authorization.name(), () -> {
                        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create("http://localhost:" + service.port()
                                + "/api/v1/cases/" + CASE_A + "/escalations")).header("Authorization", authorization.value()).GET());
                        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(401);
                        assertProblem(answer);
                    }));
            Stream<DynamicTest> methods = Stream.of("PUT", "DELETE", "PATCH").map(method -> dynamicTest(method, () -> {
                HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create("http://localhost:" + service.port()
                                + "/api/v1/escalations/" + CASE_A + "-E1/acknowledgement"))
                        .header("Authorization", "Bearer " + CONSULTANT_KEY).method(method, HttpRequest.BodyPublishers.noBody()));
                assertThat(answer.statusCode()).as(answer.body()).isEqualTo(405);
                assertProblem(answer);
            }));
            Stream<DynamicTest> bodies = HostileInput.malformedJsonBodies().stream().map(body -> dynamicTest(
                    "malformed form body: " + body, () -> {
                        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create("http://localhost:" + service.port()
                                        + "/api/v1/escalations/" + CASE_A + "-E1/acknowledgement"))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofByteArray(body.value())));
                        // 401: no credentials in it; 400 where the form cannot even be decoded.
                        assertThat(answer.statusCode()).as(answer.body()).isIn(400, 401);
                        assertProblem(answer);
                    }));
            Map<String, String> raw = new LinkedHashMap<>();
            String target = "/api/v1/escalations/" + CASE_A + "-E1/acknowledgement";
            raw.put("CR in a header", "POST " + target + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + CONSULTANT_KEY
                    + "\rX-Injected: 1\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
            raw.put("NUL in the token", "POST " + target + "?token=a%00b HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\n"
                    + "Connection: close\r\n\r\n");
            raw.put("raw NUL in the path", "GET /api/v1/escalations/C-0003-0001-E1\u0000 HTTP/1.1\r\nHost: localhost\r\n"
                    + "Connection: close\r\n\r\n");
            raw.put("header of 20000 bytes", "GET " + target + " HTTP/1.1\r\nHost: localhost\r\nX-Padding: " + "p".repeat(20_000)
                    + "\r\nConnection: close\r\n\r\n");
            Stream<DynamicTest> malformed = raw.entrySet().stream().map(request -> dynamicTest(request.getKey(), () -> {
                RawHttp.Reply reply = RawHttp.send(service.port(), request.getValue());
                assertThat(reply.status()).as("%s", reply).isBetween(400, 499);
                assertThat(reply.header("Content-Type")).as("%s", reply).startsWith("application/problem+json");
            }));
            return andNothingAcknowledged(Stream.of(credentials, methods, bodies, malformed).flatMap(tests -> tests));
        }

        /** The tests, then one that checks that none of them acknowledged the escalation they aimed at. */
        private Stream<DynamicTest> andNothingAcknowledged(Stream<DynamicTest> tests) {
            return Stream.concat(tests, Stream.of(dynamicTest("and nothing was acknowledged", () -> assertThat(
                    topics.escalationsOf(CASE_A)).noneMatch(event -> event.getPayload() instanceof EscalationAcknowledged))));
        }
    }

    // --- helpers ---

    private static List<String> apiKey(String name, String sha256, String organisation, String role) {
        return List.of("supportsla.security.api-keys." + name + ".key-sha256=" + sha256,
                "supportsla.security.api-keys." + name + ".organisation=" + organisation,
                "supportsla.security.api-keys." + name + ".role=" + role);
    }

    /** Opens the case, breaches it, and waits for its first escalation. */
    private static EscalationRaised escalate(String caseNumber) {
        topics.send(Topics.CASE_EVENTS.name(), caseNumber, caseCreated(caseNumber, Severity.SEV3, Region.EMEA, hoursAgo(12)));
        topics.send(Topics.SLA_EVENTS.name(), caseNumber, responseBreached(caseNumber, Severity.SEV3, Region.EMEA, Instant.now()));
        return awaitRaised(caseNumber);
    }

    private static EscalationRaised awaitRaised(String caseNumber) {
        List<EscalationEvent> events = await("the escalation of " + caseNumber).atMost(PATIENCE).pollInterval(Duration.ofMillis(100))
                .until(() -> topics.escalationsOf(caseNumber), all -> all.stream().anyMatch(e -> e.getPayload() instanceof EscalationRaised));
        return (EscalationRaised) events.stream().filter(e -> e.getPayload() instanceof EscalationRaised).findFirst().orElseThrow()
                .getPayload();
    }

    private static Instant hoursAgo(int hours) {
        return Instant.now().minus(Duration.ofHours(hours));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HttpClient.newHttpClient().send(request.timeout(Duration.ofSeconds(15)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertRefused(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).as(answer.body()).isBetween(400, 499);
        assertProblem(answer);
    }

    private static void assertProblem(HttpResponse<String> answer) {
        assertThat(answer.headers().firstValue("Content-Type")).as("%s %s", answer.statusCode(), answer.body())
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(answer.body()).contains("\"status\":" + answer.statusCode());
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        return record.headers().lastHeader(name) == null ? null
                : new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static String abbreviate(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }
}
