package io.supportsla.sla.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.supportsla.registry.EmbeddedSchemaRegistry;
import io.supportsla.schemas.Topics;
import io.supportsla.schemas.common.Region;
import io.supportsla.schemas.common.Severity;
import io.supportsla.sla.testing.CaseEvents;
import io.supportsla.sla.testing.CaseEventsProducer;
import io.supportsla.sla.testing.SlaServiceInstance;
import io.supportsla.testing.http.HostileInput;
import io.supportsla.testing.http.RawHttp;
import io.supportsla.testing.kafka.KafkaBroker;
import io.supportsla.testing.kafka.WithKafkaBroker;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The query API's access matrix (docs/reliability.md) and hostile input: support staff read, every
 * other role is refused, and no path, header or request line gets more than a 4xx problem.
 */
@WithKafkaBroker
class SlaApiIT {

    private static final String CASE = "C-0009-0001";

    private static EmbeddedSchemaRegistry registry;
    private static CaseEventsProducer producer;
    private static SlaServiceInstance service;

    @BeforeAll
    static void startServiceWithOneCase(KafkaBroker broker) {
        registry = EmbeddedSchemaRegistry.start(broker.bootstrapServers(), 0);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String caseEvents = "it.api-" + suffix + ".case-events";
        String slaEvents = "it.api-" + suffix + ".sla-events";
        broker.createTopic(caseEvents, 2);
        broker.createTopic(slaEvents, 2);
        broker.createTopic(Topics.deadLetterTopic(caseEvents), 1);
        service = SlaServiceInstance.start(Map.of(
                "spring.cloud.stream.bindings.slaTimers-in-0.destination", caseEvents,
                "spring.cloud.stream.bindings.slaTimers-out-0.destination", slaEvents,
                "spring.cloud.stream.kafka.streams.binder.functions.slaTimers.application-id", "sla-service-it-api-" + suffix,
                "spring.cloud.stream.kafka.streams.binder.configuration.schema.registry.url", registry.url()));
        producer = new CaseEventsProducer(broker.bootstrapServers(), registry.url(), caseEvents);
        producer.send(CaseEvents.created(CASE, Severity.SEV2, Region.EMEA, Instant.now()));
        await().atMost(Duration.ofSeconds(60)).until(() -> service.get("/api/v1/sla/cases/" + CASE).statusCode() == 200);
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
        if (producer != null) {
            producer.close();
        }
        if (registry != null) {
            registry.close();
        }
    }

    @ParameterizedTest(name = "{0} as {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            /api/v1/sla/cases/C-0009-0001 | none              | 401
            /api/v1/sla/cases/C-0009-0001 | bad key           | 401
            /api/v1/sla/cases/C-0009-0001 | consultant        | 200
            /api/v1/sla/cases/C-0009-0001 | answering service | 200
            /api/v1/sla/cases/C-0009-0001 | acme helpdesk     | 403
            /api/v1/sla/cases/C-0009-0001 | acme end user     | 403
            /api/v1/sla/cases/C-0009-9999 | consultant        | 404
            /api/v1/sla/cases/C-0009-9999 | acme helpdesk     | 403
            /api/v1/sla/queue             | none              | 401
            /api/v1/sla/queue             | bad key           | 401
            /api/v1/sla/queue             | consultant        | 200
            /api/v1/sla/queue             | answering service | 200
            /api/v1/sla/queue             | acme helpdesk     | 403
            /api/v1/sla/queue             | acme end user     | 403
            /actuator/health/readiness    | none              | 200
            /actuator/prometheus          | none              | 200
            """)
    void eachCallerGetsWhatTheMatrixSays(String path, String caller, int status) {
        HttpResponse<String> answer = service.get(path, key(caller));

        assertThat(answer.statusCode()).as("%s as %s: %s", path, caller, answer.body()).isEqualTo(status);
        if (status >= 400) {
            assertProblem(answer);
        }
        if (status == 401) {
            assertThat(answer.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                    challenge -> assertThat(challenge).startsWith("Bearer realm=\"sla-service\""));
        }
        if (path.startsWith("/api") && status == 200) {
            assertThat(answer.body()).contains(path.endsWith("queue") ? "\"cases\"" : "\"caseNumber\":\"" + CASE + "\"");
        }
    }

    @TestFactory
    Stream<DynamicTest> hostileCaseNumbersAreAnsweredWithAProblem() {
        Stream<String> handWritten = HostileInput.pathSegments().stream().map(HostileInput.Sample::value);
        Stream<String> generated = HostileInput.samples(Arbitraries.strings().all().ofMinLength(1).ofMaxLength(40), 77, 40).stream()
                .map(text -> URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20"));
        return Stream.concat(handWritten, generated).map(segment -> dynamicTest(segment, () -> {
            HttpResponse<String> answer = service.get("/api/v1/sla/cases/" + segment, SlaServiceInstance.CONSULTANT_KEY);
            assertThat(answer.statusCode()).as("%s: %s", segment, answer.body()).isBetween(400, 499);
            assertProblem(answer);
        }));
    }

    @TestFactory
    Stream<DynamicTest> hostileCredentialsAreRefused() {
        return HostileInput.authorizationHeaders().stream().map(authorization -> dynamicTest(authorization.name(), () -> {
            HttpResponse<String> answer = service.send(HttpRequest.newBuilder(service.uri("/api/v1/sla/queue"))
                    .header("Authorization", authorization.value()).GET());
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(401);
            assertProblem(answer);
        }));
    }

    @TestFactory
    Stream<DynamicTest> otherMethodsAndMalformedRequestsAreRefused() {
        String key = SlaServiceInstance.CONSULTANT_KEY;
        Stream<DynamicTest> methods = Stream.of("POST", "PUT", "DELETE", "PATCH").map(method -> dynamicTest(method, () -> {
            HttpResponse<String> answer = service.send(HttpRequest.newBuilder(service.uri("/api/v1/sla/cases/" + CASE))
                    .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString("{\"status\":\"MET\"}")));
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(405);
            assertProblem(answer);
        }));
        Map<String, String> raw = Map.of(
                "CR in a header", "GET /api/v1/sla/queue HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + key
                        + "\rX-Injected: 1\r\nConnection: close\r\n\r\n",
                "NUL in the path", "GET /api/v1/sla/cases/C-0009-0001\u0000 HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
                "header of 20000 bytes", "GET /api/v1/sla/queue HTTP/1.1\r\nHost: localhost\r\nX-Padding: " + "p".repeat(20_000)
                        + "\r\nConnection: close\r\n\r\n",
                "malformed request line", "GET /api/v1/sla/queue HTTP/1.1 extra\r\nHost: localhost\r\n\r\n");
        Stream<DynamicTest> malformed = raw.entrySet().stream().map(request -> dynamicTest(request.getKey(), () -> {
            RawHttp.Reply reply = RawHttp.send(service.port(), request.getValue());
            assertThat(reply.status()).as("%s", reply).isBetween(400, 499);
            assertThat(reply.header("Content-Type")).as("%s", reply).startsWith("application/problem+json");
        }));
        return Stream.concat(methods, malformed);
    }

    private static String key(String caller) {
        return switch (caller) {
            case "none" -> null;
            case "bad key" -> "not-a-configured-key";
            case "consultant" -> SlaServiceInstance.CONSULTANT_KEY;
            case "answering service" -> SlaServiceInstance.ANSWERING_SERVICE_KEY;
            case "acme helpdesk" -> SlaServiceInstance.HELPDESK_KEY;
            case "acme end user" -> SlaServiceInstance.END_USER_KEY;
            default -> throw new IllegalArgumentException(caller);
        };
    }

    private static void assertProblem(HttpResponse<String> answer) {
        assertThat(answer.headers().firstValue("Content-Type")).as(answer.body()).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(answer.body()).contains("\"status\":" + answer.statusCode());
    }
}
