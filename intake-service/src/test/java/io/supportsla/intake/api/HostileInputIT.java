package io.supportsla.intake.api;

import static io.supportsla.testing.http.HostileInput.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.supportsla.intake.testing.IntakeHttp.Reply;
import io.supportsla.intake.testing.IntakeITSupport;
import io.supportsla.intake.testing.Keys;
import io.supportsla.schemas.cases.CaseCreated;
import io.supportsla.schemas.cases.CaseEvent;
import io.supportsla.testing.http.HostileInput.Mutation;
import io.supportsla.testing.http.HostileInput.Sample;
import io.supportsla.testing.http.HostileInput;
import io.supportsla.testing.http.RawHttp;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Hostile input on every endpoint of the API: malformed, deeply nested, wrong-typed, unicode-edge
 * and injection-style bodies, path variables and headers, hand-written and generated (jqwik
 * arbitraries, fixed seeds). Each is answered with a 4xx problem, never a 5xx, and publishes nothing.
 */
class HostileInputIT extends IntakeITSupport {

    /** An open SEV1 case of acme's, the target of the case commands. */
    private static String caseNumber;

    /** Every endpoint that takes a body, with a body it would accept and a key allowed to send it. */
    record Endpoint(String name, String path, String key, Map<String, Object> validBody) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Endpoint> endpoints() {
        Map<String, Object> documentation = new LinkedHashMap<>();
        documentation.put("caseNumbers", List.of("C-0000-0001"));
        documentation.put("issueDescription", "The plan misses the outage");
        documentation.put("progressToDate", "Two calls");
        documentation.put("customerImpact", "Nobody can work");
        documentation.put("reason", "No plan yet");
        Map<String, Object> opening = new LinkedHashMap<>(caseFor("acme", "VIP_USER", "SEV1"));
        opening.put("configurationChange", false);
        opening.put("channel", "PORTAL");
        opening.put("statusUpdateIntervalMinutes", 60);
        return List.of(
                new Endpoint("POST /cases", "/api/v1/cases", Keys.ACME_HELPDESK, opening),
                new Endpoint("POST hotline-calls", "/hotline-calls", Keys.CONSULTANT, ordered(
                        "calledAt", Instant.now().minusSeconds(60).toString(), "takenBy", "TECHNICIAN", "takerName", "Tom",
                        "callerName", "Ann", "message", "Called about the outage")),
                new Endpoint("POST responses", "/responses", Keys.CONSULTANT, ordered("message", "We are on it")),
                new Endpoint("POST status-updates", "/status-updates", Keys.CONSULTANT, ordered(
                        "message", "Still on it", "statusUpdateIntervalMinutes", 30)),
                new Endpoint("POST severity", "/severity", Keys.CONSULTANT, ordered(
                        "severity", "SEV2", "category", "ACCESS_POINTS_UNREACHABLE", "reason", "Only some access points")),
                new Endpoint("POST disagreements", "/disagreements", Keys.ACME_HELPDESK, ordered(
                        "documentation", documentation, "previousDisagreementId", "d-1")),
                new Endpoint("POST resolution", "/resolution", Keys.CONSULTANT, ordered("resolution", "Restarted the server")));
    }

    @BeforeEach
    void openTheTargetCase() {
        if (caseNumber == null) {
            caseNumber = openSev1ForAcme();
        }
    }

    @TestFactory
    Stream<DynamicTest> aMalformedBodyIsRefusedOnEveryEndpoint() {
        return refusedAndNothingPublished(endpoints().stream().flatMap(endpoint -> HostileInput.malformedJsonBodies().stream()
                .map(body -> dynamicTest(endpoint + ": " + body, () -> assertRefused(http.send(
                        http.request(pathOf(endpoint), endpoint.key()).header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofByteArray(body.value()))), endpoint + " with " + body)))));
    }

    @TestFactory
    Stream<DynamicTest> textWithUnpairedSurrogatesControlCharactersOrBidiOverridesIsRefusedNamingTheField() {
        return refusedAndNothingPublished(HostileInput.forbiddenText().stream().map(text -> dynamicTest(text.name(), () -> {
            Map<String, Object> body = new LinkedHashMap<>(caseFor("acme", "VIP_USER", "SEV1"));
            body.put("title", text.value());

            Reply reply = http.post("/api/v1/cases", Keys.ACME_HELPDESK, json(body));

            assertProblem(reply, 400, "INVALID_REQUEST");
            assertThat(reply.json().get("errors").get(0).get("field").asString()).isEqualTo("title");
            assertThat(reply.json().get("errors").get(0).get("detail").asString()).startsWith("must not contain ");
        })));
    }

    @TestFactory
    Stream<DynamicTest> anInjectionStyleIdentifierOrSymbolIsRefused() {
        return refusedAndNothingPublished(Stream.of("customerId", "category", "severity", "channel").flatMap(field ->
                HostileInput.injectionStrings().stream().map(text -> dynamicTest(field + " = " + text, () -> {
                    Map<String, Object> body = new LinkedHashMap<>(caseFor("acme", "VIP_USER", "SEV1"));
                    body.put(field, text.value());
                    assertRefused(http.post("/api/v1/cases", Keys.ACME_HELPDESK, json(body)), field + " = " + text);
                }))));
    }

    @Test
    void injectionStyleFreeTextIsStoredVerbatimAndNeverInterpreted() {
        String title = "'; DROP TABLE cases; -- <script>alert(1)</script> ${jndi:ldap://x/a} {{7*7}}";
        String description = "\u0645\u0631\u062D\u0628\u0627 \uD83D\uDE00 \u200F right-to-left text and an emoji";
        Map<String, Object> body = new LinkedHashMap<>(caseFor("acme", "VIP_USER", "SEV1"));
        body.put("title", title);
        body.put("description", description);

        Reply created = http.post("/api/v1/cases", Keys.ACME_HELPDESK, json(body));

        assertThat(created.status()).as("%s", created).isEqualTo(201);
        List<CaseEvent> published = events.awaitEvents(created.json().get("caseNumber").asString(), found -> !found.isEmpty());
        CaseCreated event = (CaseCreated) published.get(0).getPayload();
        assertThat(event.getTitle()).isEqualTo(title);
        assertThat(event.getDescription()).isEqualTo(description);
    }

    @TestFactory
    Stream<DynamicTest> aHostileCaseNumberIsRefused() {
        return refusedAndNothingPublished(HostileInput.pathSegments().stream().flatMap(segment -> Stream.of(
                dynamicTest("GET " + segment, () -> assertRefused(
                        http.get("/api/v1/cases/" + segment.value(), Keys.CONSULTANT), "GET " + segment)),
                dynamicTest("POST responses " + segment, () -> assertRefused(
                        http.post("/api/v1/cases/" + segment.value() + "/responses", Keys.CONSULTANT, Map.of("message", "On it")),
                        "POST responses " + segment)))));
    }

    @TestFactory
    Stream<DynamicTest> aHostileAuthorizationHeaderIs401() {
        return refusedAndNothingPublished(HostileInput.authorizationHeaders().stream().flatMap(authorization -> Stream.of(
                dynamicTest("GET /cases with " + authorization, () -> assertUnauthenticated(http.send(
                        http.request("/api/v1/cases", null).header("Authorization", authorization.value())), authorization)),
                dynamicTest("POST /cases with " + authorization, () -> assertUnauthenticated(http.send(
                        http.request("/api/v1/cases", null).header("Authorization", authorization.value())
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(json(caseFor("acme", "VIP_USER", "SEV1"))))),
                        authorization)))));
    }

    @TestFactory
    Stream<DynamicTest> hostileContentTypesAndIdempotencyKeysAreRefused() {
        String body = json(caseFor("acme", "VIP_USER", "SEV1"));
        Stream<DynamicTest> contentTypes = Stream.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
                        "multipart/form-data; boundary=x", "application/json; charset=nonsense", "../../etc/passwd", "*/*")
                .map(contentType -> dynamicTest("Content-Type: " + contentType, () -> assertRefused(http.send(
                        http.request("/api/v1/cases", Keys.ACME_HELPDESK).header("Content-Type", contentType)
                                .POST(HttpRequest.BodyPublishers.ofString(body))), contentType)));
        Stream<DynamicTest> noContentType = Stream.of(dynamicTest("no Content-Type", () -> assertRefused(http.send(
                http.request("/api/v1/cases", Keys.ACME_HELPDESK).POST(HttpRequest.BodyPublishers.ofString(body))), "none")));
        Stream<DynamicTest> keys = Stream.of("k".repeat(300), "a key with spaces", "tab\there", "")
                .map(key -> dynamicTest("Idempotency-Key: " + abbreviate(key), () -> assertRefused(
                        http.post("/api/v1/cases", Keys.ACME_HELPDESK, body, "Idempotency-Key", key), key)));
        return refusedAndNothingPublished(Stream.of(contentTypes, noContentType, keys).flatMap(tests -> tests));
    }

    @Test
    void anAcceptHeaderWithoutJsonIsRefusedWithoutAServerError() {
        Map<TopicPartition, Long> before = events.endOffsets();

        Reply reply = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/cases"))
                .header("Authorization", "Bearer " + Keys.ACME_HELPDESK).header("Accept", "text/html")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json(caseFor("acme", "VIP_USER", "SEV1")))));

        // No problem+json can be sent to a client that accepts none: 406, and nothing happened.
        assertThat(reply.status()).as("%s", reply).isEqualTo(406);
        assertNoEventSince(before);
    }

    @TestFactory
    Stream<DynamicTest> aMalformedRequestIsRefusedBeforeAnythingHappens() {
        String body = json(caseFor("acme", "VIP_USER", "SEV1"));
        String valid = "POST /api/v1/cases HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + Keys.ACME_HELPDESK
                + "\r\nContent-Type: application/json\r\nConnection: close\r\n";
        String withBody = "Content-Length: " + body.length() + "\r\n\r\n" + body;
        Map<String, String> requests = new LinkedHashMap<>();
        requests.put("CR alone in a header value", valid + "Idempotency-Key: a\rX-Injected: 1\r\n" + withBody);
        requests.put("NUL in a header value", valid + "Idempotency-Key: a\u0000b\r\n" + withBody);
        requests.put("NUL in the bearer token", valid.replace(Keys.ACME_HELPDESK, Keys.ACME_HELPDESK + "\u0000") + withBody);
        requests.put("header name with a space", valid + "Idempotency Key: a\r\n" + withBody);
        requests.put("latin-1 bytes in the idempotency key", valid + "Idempotency-Key: cl\u00e9\u00ff\r\n" + withBody);
        requests.put("header of 20000 bytes", valid + "X-Padding: " + "p".repeat(20_000) + "\r\n" + withBody);
        requests.put("two content lengths", valid + "Content-Length: 1\r\n" + withBody);
        requests.put("malformed request line", "POST /api/v1/cases HTTP/1.1 extra\r\nHost: localhost\r\n\r\n");
        requests.put("request target with a space", "GET /api/v1/cases/C-0000 0001 HTTP/1.1\r\nHost: localhost\r\n"
                + "Authorization: Bearer " + Keys.CONSULTANT + "\r\nConnection: close\r\n\r\n");
        requests.put("raw non-ASCII in the path", "GET /api/v1/cases/C-\u00ff HTTP/1.1\r\nHost: localhost\r\n"
                + "Authorization: Bearer " + Keys.CONSULTANT + "\r\nConnection: close\r\n\r\n");
        return refusedAndNothingPublished(requests.entrySet().stream().map(request -> dynamicTest(request.getKey(), () -> {
            RawHttp.Reply reply = RawHttp.send(port, request.getValue());
            assertThat(reply.status()).as("%s: %s", request.getKey(), reply).isBetween(400, 499);
            assertThat(reply.header("Content-Type")).as("%s: %s", request.getKey(), reply).startsWith("application/problem+json");
        })));
    }

    @TestFactory
    Stream<DynamicTest> generatedMutationsOfValidBodiesAreRefusedOnEveryEndpoint() {
        long seed = 9_001;
        List<DynamicTest> tests = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            List<String> bodies = HostileInput.samples(HostileInput.mutations(endpoint.validBody(), Mutation.values()), seed++, 25);
            for (int i = 0; i < bodies.size(); i++) {
                String body = bodies.get(i);
                tests.add(dynamicTest(endpoint + " #" + i, () -> assertRefused(http.post(pathOf(endpoint), endpoint.key(), body),
                        endpoint + " with " + body)));
            }
        }
        return refusedAndNothingPublished(tests.stream());
    }

    @TestFactory
    Stream<DynamicTest> generatedJsonDocumentsAreRefused() {
        List<String> bodies = HostileInput.samples(HostileInput.jsonDocuments(), 4_242, 30);
        return refusedAndNothingPublished(bodies.stream().flatMap(body -> Stream.of(endpoints().get(0), endpoints().get(6))
                .map(endpoint -> dynamicTest(endpoint + " with " + abbreviate(body), () -> assertRefused(
                        http.post(pathOf(endpoint), endpoint.key(), body), endpoint + " with " + body)))));
    }

    /** The tests, then one that checks none of them published anything. */
    private Stream<DynamicTest> refusedAndNothingPublished(Stream<DynamicTest> tests) {
        Map<TopicPartition, Long> before = events.endOffsets();
        return Stream.concat(tests, Stream.of(dynamicTest("and nothing was published", () -> assertNoEventSince(before))));
    }

    private static void assertUnauthenticated(Reply reply, Sample<String> authorization) {
        assertRefused(reply, "Authorization: " + authorization);
        assertThat(reply.status()).as("%s", reply).isEqualTo(401);
    }

    private static String abbreviate(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "..." : text;
    }

    private static String pathOf(Endpoint endpoint) {
        return endpoint.path().startsWith("/api") ? endpoint.path() : casePath(caseNumber) + endpoint.path();
    }

    /** A 4xx answered as problem+json whose status member matches: never a 5xx, never a bare error page. */
    static void assertRefused(Reply reply, String what) {
        assertThat(reply.status()).as("%s: %s", what, reply).isBetween(400, 499);
        assertThat(reply.contentType()).as("%s: %s", what, reply).startsWith("application/problem+json");
        assertThat(reply.json().get("status").asInt()).as("%s: %s", what, reply).isEqualTo(reply.status());
    }

    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
