package io.supportsla.serde.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.supportsla.serde.AvroSerdeConfig;
import io.supportsla.serde.KafkaAvroDeserializer;
import io.supportsla.serde.KafkaAvroSerializer;
import io.supportsla.serde.testing.FakeSchemaRegistry;
import io.supportsla.serde.testing.Greeting;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The registry client against a fake registry on a loopback port: caching, retries, headers. */
class CachedSchemaRegistryClientTest {

    private static final String SUBJECT = "case-events-value";
    private static final Schema SCHEMA = Greeting.SCHEMA$;

    private final FakeSchemaRegistry registry = FakeSchemaRegistry.start();

    @AfterEach
    void stopRegistry() {
        registry.close();
    }

    @Test
    void steadyStateSerializationMakesNoHttpCalls() {
        KafkaAvroSerializer serializer = new KafkaAvroSerializer();
        serializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG, registry.url()), false);
        KafkaAvroDeserializer deserializer = new KafkaAvroDeserializer();
        deserializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG, registry.url()), false);

        for (int i = 0; i < 100; i++) {
            deserializer.deserialize("case-events", serializer.serialize("case-events", new Greeting("hello", i)));
        }

        assertThat(registry.requests()).extracting(FakeSchemaRegistry.Request::path)
                .containsExactly("/subjects/case-events-value/versions", "/schemas/ids/1");
    }

    @Test
    void registeredSchemaIsKnownByIdWithoutAskingAgain() {
        CachedSchemaRegistryClient client = client(SchemaRegistrySettings.of(registry.url()));

        int id = client.register(SUBJECT, SCHEMA);

        assertThat(client.register(SUBJECT, SCHEMA)).isEqualTo(id);
        assertThat(client.lookup(SUBJECT, SCHEMA)).isEqualTo(id);
        assertThat(client.getSchemaById(id)).isEqualTo(SCHEMA);
        assertThat(registry.requestCount()).isEqualTo(1);
    }

    @Test
    void latestVersionIsFetchedOnceAndCarriesIdVersionAndSchema() {
        int id = registry.preRegister(SUBJECT, SCHEMA);
        CachedSchemaRegistryClient client = client(SchemaRegistrySettings.of(registry.url()));

        RegisteredSchema latest = client.getLatest(SUBJECT);

        assertThat(latest).isEqualTo(new RegisteredSchema(SUBJECT, id, 1, SCHEMA));
        assertThat(client.getLatest(SUBJECT)).isEqualTo(latest);
        assertThat(client.getSchemaById(id)).isEqualTo(SCHEMA);
        assertThat(registry.requestCount()).isEqualTo(1);
    }

    @Test
    void sendsConfluentContentTypeAndAcceptHeaders() {
        client(SchemaRegistrySettings.of(registry.url())).register(SUBJECT, SCHEMA);

        FakeSchemaRegistry.Request request = registry.requests().get(0);
        assertThat(request.headers()).containsEntry("content-type", "application/vnd.schemaregistry.v1+json");
        assertThat(request.headers().get("accept")).startsWith("application/vnd.schemaregistry.v1+json");
        assertThat(request.body()).isEqualTo("{\"schema\":" + quoted(SCHEMA.toString()) + "}");
    }

    @Test
    void sendsBasicAuthFromUserInfo() {
        KafkaAvroSerializer serializer = new KafkaAvroSerializer();
        serializer.configure(Map.of(
                AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG, registry.url(),
                AvroSerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE, "USER_INFO",
                AvroSerdeConfig.USER_INFO_CONFIG, "alice:s3cret"), false);

        serializer.serialize("case-events", new Greeting("hello", 1));

        assertThat(registry.requests().get(0).headers())
                .containsEntry("authorization", "Basic " + base64("alice:s3cret"));
    }

    @Test
    void sendsBasicAuthFromTheUrlButKeepsThePasswordOutOfMessages() {
        String urlWithCredentials = registry.url().replace("http://", "http://bob:hunter2@");
        KafkaAvroDeserializer deserializer = new KafkaAvroDeserializer();
        deserializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG, urlWithCredentials), false);

        assertThatThrownBy(() -> deserializer.deserialize("case-events", new byte[] {0, 0, 0, 0, 7, 2}))
                .isInstanceOf(SchemaRegistryException.class)
                .hasMessageContaining(registry.url())
                .hasMessageNotContaining("hunter2");
        assertThat(registry.requests().get(0).headers()).containsEntry("authorization", "Basic " + base64("bob:hunter2"));
    }

    @Test
    void retriesServerErrorsAndThenSucceeds() {
        registry.failNext(2, 503, "{\"error_code\":50003,\"message\":\"Error while forwarding the request to the leader\"}");
        CachedSchemaRegistryClient client = client(SchemaRegistrySettings.of(registry.url()).withRetries(3, Duration.ofMillis(5)));

        int id = client.register(SUBJECT, SCHEMA);

        assertThat(id).isEqualTo(1);
        assertThat(registry.requestCount()).isEqualTo(3);
    }

    @Test
    void givesUpOnServerErrorsAfterTheConfiguredAttempts() {
        registry.failNext(10, 500, "{\"error_code\":50001,\"message\":\"Error in the backend data store\"}");
        CachedSchemaRegistryClient client = client(SchemaRegistrySettings.of(registry.url()).withRetries(3, Duration.ofMillis(5)));

        assertThatThrownBy(() -> client.register(SUBJECT, SCHEMA))
                .isInstanceOf(SchemaRegistryException.class)
                .hasMessageContaining("50001 Error in the backend data store")
                .hasMessageContaining("gave up after 3 attempts")
                .satisfies(e -> assertThat(((SchemaRegistryException) e).httpStatus()).isEqualTo(500));
        assertThat(registry.requestCount()).isEqualTo(3);
    }

    @Test
    void doesNotRetryClientErrors() {
        registry.failNext(1, 422, "{\"error_code\":42201,\"message\":\"Either the input schema or one of its references is invalid\"}");
        CachedSchemaRegistryClient client = client(SchemaRegistrySettings.of(registry.url()).withRetries(3, Duration.ofMillis(5)));

        assertThatThrownBy(() -> client.register(SUBJECT, SCHEMA))
                .isInstanceOf(SchemaRegistryException.class)
                .hasMessage("Cannot register schema io.supportsla.serde.testing.Greeting under subject 'case-events-value'"
                        + " in schema registry " + registry.url()
                        + ": 42201 Either the input schema or one of its references is invalid")
                .satisfies(e -> {
                    assertThat(((SchemaRegistryException) e).httpStatus()).isEqualTo(422);
                    assertThat(((SchemaRegistryException) e).errorCode()).isEqualTo(42201);
                });
        assertThat(registry.requestCount()).isEqualTo(1);
    }

    @Test
    void keepsANonJsonErrorBodyAsTheMessage() {
        registry.failNext(1, 401, "Unauthorized");
        CachedSchemaRegistryClient client = client(SchemaRegistrySettings.of(registry.url()));

        assertThatThrownBy(() -> client.getSchemaById(1))
                .isInstanceOf(SchemaRegistryException.class)
                .hasMessageEndingWith(": 401 Unauthorized");
    }

    @Test
    void namesTheUrlAndAttemptsWhenNothingListens() throws IOException {
        String deadUrl = "http://127.0.0.1:" + unusedPort();
        CachedSchemaRegistryClient client = client(
                SchemaRegistrySettings.of(deadUrl).withRetries(3, Duration.ofMillis(5)).withRequestTimeout(Duration.ofSeconds(2)));

        assertThatThrownBy(() -> client.getSchemaById(7))
                .isInstanceOf(SchemaRegistryUnreachableException.class)
                .hasMessageStartingWith("Schema registry unreachable at " + deadUrl + " after 3 attempts (GET /schemas/ids/7)")
                .hasMessageEndingWith("java.net.ConnectException: connection refused")
                .satisfies(e -> assertThat(((SchemaRegistryUnreachableException) e).attempts()).isEqualTo(3));
    }

    @Test
    void triesTheNextUrlWhenOneIsDown() throws IOException {
        String deadUrl = "http://127.0.0.1:" + unusedPort();
        CachedSchemaRegistryClient client = client(SchemaRegistrySettings.of(deadUrl, registry.url()).withRetries(1, Duration.ofMillis(5)));

        assertThat(client.register(SUBJECT, SCHEMA)).isEqualTo(1);
        assertThat(registry.requestCount()).isEqualTo(1);
    }

    @Test
    void encodesSubjectsInThePath() {
        int id = client(SchemaRegistrySettings.of(registry.url())).register("support cases-value", SCHEMA);

        assertThat(id).isEqualTo(1);
        assertThat(registry.requests().get(0).path()).isEqualTo("/subjects/support cases-value/versions");
    }

    private static CachedSchemaRegistryClient client(SchemaRegistrySettings settings) {
        return new CachedSchemaRegistryClient(settings);
    }

    private static int unusedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String quoted(String text) {
        return new com.fasterxml.jackson.databind.node.TextNode(text).toString();
    }
}
