package io.supportsla.registry.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.supportsla.registry.EmbeddedSchemaRegistry;
import io.supportsla.registry.RegistryHttp;
import io.supportsla.registry.Schemas;
import io.supportsla.testing.http.HostileInput;
import io.supportsla.testing.http.HostileInput.Mutation;
import io.supportsla.testing.http.RawHttp;
import io.supportsla.testing.kafka.KafkaBroker;
import io.supportsla.testing.kafka.WithKafkaBroker;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The registry with a configured writer, against callers it should not trust: the access matrix
 * (writes need the writer's Basic credentials, reads are open) and hostile input on every kind of
 * endpoint. Refusals are always 4xx in Confluent's {@code {"error_code", "message"}} shape; nothing
 * hostile is stored.
 */
@WithKafkaBroker
class UntrustedRequestsIT {

    private static final String SUBJECT = "trusted-value";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static EmbeddedSchemaRegistry registry;
    private static int schemaId;

    @BeforeAll
    static void startRegistryWithAWriterAndOneSchema(KafkaBroker broker) throws Exception {
        registry = EmbeddedSchemaRegistry.start(broker.bootstrapServers(), 0, Map.of(
                "schema-registry.kafkastore.topic", "_schemas-" + UUID.randomUUID(),
                "schema-registry.writers.ci-writer.password-sha256", sha256Hex("writer-secret")));
        HttpResponse<String> registered = send("POST", "/subjects/" + SUBJECT + "/versions", RegistryHttp.schemaBody(Schemas.CUSTOMER),
                authorization("writer"));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(200);
        schemaId = JSON.readTree(registered.body()).get("id").asInt();
    }

    @AfterAll
    static void stop() {
        registry.close();
    }

    @ParameterizedTest(name = "{0} {1} as {2}: {3}")
    @CsvSource(delimiter = '|', textBlock = """
            GET    | /subjects                                      | none           | 200
            GET    | /subjects                                      | wrong password | 200
            GET    | /schemas/ids/{id}                              | none           | 200
            GET    | /subjects/{s}/versions/latest                  | none           | 200
            POST   | /subjects/{s}                                  | none           | 200
            POST   | /compatibility/subjects/{s}/versions/latest    | none           | 200
            GET    | /config                                        | none           | 200
            POST   | /subjects/{s}/versions                         | none           | 401
            POST   | /subjects/{s}/versions                         | wrong password | 401
            POST   | /subjects/{s}/versions                         | unknown user   | 401
            POST   | /subjects/{s}/versions                         | bearer token   | 401
            POST   | /subjects/{s}/versions                         | malformed      | 401
            POST   | /subjects/{s}/versions                         | writer         | 200
            PUT    | /config                                        | none           | 401
            PUT    | /config                                        | wrong password | 401
            PUT    | /config                                        | writer         | 200
            PUT    | /config/{s}                                    | none           | 401
            PUT    | /config/{s}                                    | writer         | 200
            DELETE | /subjects/{s}                                  | none           | 401
            DELETE | /subjects/{s}                                  | wrong password | 401
            DELETE | /subjects/{s}                                  | writer         | 405
            GET    | /actuator/health/readiness                     | none           | 200
            """)
    void eachCallerGetsWhatTheMatrixSays(String method, String path, String caller, int status) throws Exception {
        String url = path.replace("{s}", SUBJECT).replace("{id}", String.valueOf(schemaId));
        String body = switch (method) {
            case "POST" -> RegistryHttp.schemaBody(Schemas.CUSTOMER);
            case "PUT" -> "{\"compatibility\": \"BACKWARD\"}";
            default -> null;
        };

        HttpResponse<String> response = send(method, url, body, authorization(caller));

        assertThat(response.statusCode()).as("%s %s as %s: %s", method, url, caller, response.body()).isEqualTo(status);
        if (status >= 400) {
            assertConfluentError(response);
        }
        if (status == 401) {
            assertThat(response.body()).contains("\"error_code\":40101");
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"schema-registry\"");
        }
    }

    @TestFactory
    Stream<DynamicTest> malformedBodiesAreRefusedOnEveryEndpointThatTakesOne() {
        List<String[]> endpoints = List.of(
                new String[] {"POST", "/subjects/" + SUBJECT + "/versions"},
                new String[] {"POST", "/subjects/" + SUBJECT},
                new String[] {"POST", "/compatibility/subjects/" + SUBJECT + "/versions/latest"},
                new String[] {"PUT", "/config"},
                new String[] {"PUT", "/config/" + SUBJECT});
        return endpoints.stream().flatMap(endpoint -> HostileInput.malformedJsonBodies().stream().map(body ->
                dynamicTest(endpoint[0] + " " + endpoint[1] + ": " + body, () -> {
                    HttpResponse<String> response = sendBytes(endpoint[0], endpoint[1], body.value(), authorization("writer"));
                    assertRefused(response);
                })));
    }

    @TestFactory
    Stream<DynamicTest> generatedMutationsOfAValidRegistrationAreRefusedAndNothingIsStored() throws Exception {
        Map<String, Object> valid = new LinkedHashMap<>();
        valid.put("schema", Schemas.CUSTOMER);
        valid.put("schemaType", "AVRO");
        List<String> bodies = HostileInput.samples(HostileInput.mutations(valid, Mutation.WRONG_TYPE, Mutation.FORBIDDEN_TEXT), 808, 40);
        String versionsBefore = send("GET", "/subjects/" + SUBJECT + "/versions", null, null).body();
        return Stream.concat(bodies.stream().map(body -> dynamicTest(abbreviate(body), () -> assertRefused(
                        send("POST", "/subjects/" + SUBJECT + "/versions", body, authorization("writer"))))),
                Stream.of(dynamicTest("and no version was added", () -> assertThat(
                        send("GET", "/subjects/" + SUBJECT + "/versions", null, null).body()).isEqualTo(versionsBefore))));
    }

    @TestFactory
    Stream<DynamicTest> hostileSubjectsAndIdsAreRefused() {
        Stream<DynamicTest> reads = HostileInput.pathSegments().stream().flatMap(segment -> Stream.of(
                dynamicTest("GET /subjects/" + segment + "/versions", () -> assertRefused(
                        send("GET", "/subjects/" + segment.value() + "/versions", null, null))),
                dynamicTest("GET /schemas/ids/" + segment, () -> assertRefused(
                        send("GET", "/schemas/ids/" + segment.value(), null, null))),
                dynamicTest("GET /subjects/" + SUBJECT + "/versions/" + segment, () -> {
                    // -1 is Confluent's name for the latest version, so that one is found.
                    HttpResponse<String> response = send("GET", "/subjects/" + SUBJECT + "/versions/" + segment.value(), null, null);
                    if (!segment.value().equals("-1")) {
                        assertRefused(response);
                    }
                })));
        // Unpaired surrogates cannot travel in a URI at all (they have no UTF-8 form): the other forbidden characters can.
        Stream<DynamicTest> writes = HostileInput.forbiddenText().stream()
                .filter(text -> text.value().chars().noneMatch(c -> Character.isSurrogate((char) c)))
                .flatMap(text -> Stream.of("POST", "PUT").map(method -> dynamicTest(method + " under " + text, () -> {
            String subject = URLEncoder.encode(text.value(), StandardCharsets.UTF_8).replace("+", "%20");
            HttpResponse<String> response = method.equals("POST")
                    ? send("POST", "/subjects/" + subject + "/versions", RegistryHttp.schemaBody(Schemas.CUSTOMER), authorization("writer"))
                    : send("PUT", "/config/" + subject, "{\"compatibility\": \"NONE\"}", authorization("writer"));
            // 42208 from the registry; 400 where Tomcat refuses the path itself (an encoded NUL).
            assertRefused(response);
            assertThat(response.statusCode()).isIn(400, 422);
            if (response.statusCode() == 422) {
                assertThat(response.body()).contains("\"error_code\":42208");
            }
        })));
        Stream<DynamicTest> nothingStored = Stream.of(dynamicTest("and no such subject exists", () ->
                assertThat(JSON.readTree(send("GET", "/subjects", null, null).body()).size()).isEqualTo(1)));
        return Stream.of(reads, writes, nothingStored).flatMap(tests -> tests);
    }

    @TestFactory
    Stream<DynamicTest> hostileCredentialsNeverWrite() {
        return HostileInput.authorizationHeaders().stream().map(header -> dynamicTest(header.name(), () -> {
            HttpResponse<String> response = sendWithRawAuthorization("POST", "/subjects/hostile-value/versions",
                    RegistryHttp.schemaBody(Schemas.CUSTOMER), header.value());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
            assertConfluentError(response);
        }));
    }

    @Test
    void malformedRequestsAreRefusedBeforeTheRegistrySeesThem() {
        Map<String, String> requests = Map.of(
                "CR in a header", "GET /subjects HTTP/1.1\r\nHost: localhost\r\nX-Key: a\rX-Injected: 1\r\nConnection: close\r\n\r\n",
                "NUL in the path", "GET /subjects/a\u0000b/versions HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
                "encoded slash", "GET /subjects/..%2F..%2Fetc%2Fpasswd/versions HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
                "header of 20000 bytes", "GET /subjects HTTP/1.1\r\nHost: localhost\r\nX-Padding: " + "p".repeat(20_000)
                        + "\r\nConnection: close\r\n\r\n");
        requests.forEach((name, request) -> {
            RawHttp.Reply reply = RawHttp.send(URI.create(registry.url()).getPort(), request);
            assertThat(reply.status()).as("%s: %s", name, reply).isBetween(400, 499);
            assertThat(reply.body()).as("%s: %s", name, reply).contains("\"error_code\":" + reply.status());
        });
    }

    // --- helpers ---

    private static void assertRefused(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isBetween(400, 499);
        assertConfluentError(response);
    }

    private static void assertConfluentError(HttpResponse<String> response) {
        JsonNode error = JSON.readTree(response.body());
        assertThat(error.get("error_code").isInt()).as(response.body()).isTrue();
        assertThat(error.get("message").isString()).as(response.body()).isTrue();
    }

    private static String authorization(String caller) {
        return switch (caller) {
            case "writer" -> basic("ci-writer", "writer-secret");
            case "wrong password" -> basic("ci-writer", "guess");
            case "unknown user" -> basic("mallory", "writer-secret");
            case "bearer token" -> "Bearer writer-secret";
            case "malformed" -> "Basic !!!not-base64";
            default -> null;
        };
    }

    private static HttpResponse<String> send(String method, String path, String body, String authorization) throws Exception {
        return sendBytes(method, path, body == null ? null : body.getBytes(StandardCharsets.UTF_8), authorization);
    }

    private static HttpResponse<String> sendWithRawAuthorization(String method, String path, String body, String authorization)
            throws Exception {
        return sendBytes(method, path, body.getBytes(StandardCharsets.UTF_8), authorization);
    }

    private static HttpResponse<String> sendBytes(String method, String path, byte[] body, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(registry.url() + path))
                .header("Content-Type", RegistryHttp.V1_JSON)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static String sha256Hex(String value) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    }

    private static String abbreviate(String text) {
        return text.length() > 50 ? text.substring(0, 50) + "..." : text;
    }
}
