package io.supportsla.registry.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.supportsla.registry.EmbeddedSchemaRegistry;
import io.supportsla.registry.RegistryHttp;
import io.supportsla.registry.Schemas;
import io.supportsla.testing.kafka.KafkaBroker;
import io.supportsla.testing.kafka.WithKafkaBroker;

/** With writers configured, only they change the registry; everyone may still read. */
@WithKafkaBroker
class WriteCredentialsIT {


    private static EmbeddedSchemaRegistry registry;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void startRegistryWithAWriter(KafkaBroker broker) throws Exception {
        registry = EmbeddedSchemaRegistry.start(broker.bootstrapServers(), 0, Map.of(
                "schema-registry.kafkastore.topic", "_schemas-" + UUID.randomUUID(),
                "schema-registry.writers.ci-writer.password-sha256", sha256Hex("writer-secret")));
    }

    @AfterAll
    static void stop() {
        registry.close();
    }

    @Test
    void registeringWithoutCredentialsIsRefusedAndStoresNothing() throws Exception {
        HttpResponse<String> response = send("POST", "/subjects/orders-value/versions",
                RegistryHttp.schemaBody(Schemas.CUSTOMER), null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("\"error_code\":40101");
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"schema-registry\"");
        assertThat(send("GET", "/subjects", null, null).body()).doesNotContain("orders-value");
    }

    @Test
    void aWrongPasswordIsRefused() throws Exception {
        HttpResponse<String> response = send("POST", "/subjects/orders-value/versions",
                RegistryHttp.schemaBody(Schemas.CUSTOMER), basic("ci-writer", "guess"));

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void theWriterRegistersAndAnyoneReadsLooksUpAndChecks() throws Exception {
        HttpResponse<String> registered = send("POST", "/subjects/invoices-value/versions",
                RegistryHttp.schemaBody(Schemas.CUSTOMER), basic("ci-writer", "writer-secret"));
        assertThat(registered.statusCode()).isEqualTo(200);
        int id = Integer.parseInt(registered.body().replaceAll("\\D", ""));

        assertThat(send("GET", "/schemas/ids/" + id, null, null).statusCode()).isEqualTo(200);
        assertThat(send("POST", "/subjects/invoices-value", RegistryHttp.schemaBody(Schemas.CUSTOMER), null)
                .statusCode()).isEqualTo(200);
        assertThat(send("POST", "/compatibility/subjects/invoices-value/versions/latest",
                RegistryHttp.schemaBody(Schemas.CUSTOMER_WITH_OPTIONAL_NAME), null).statusCode()).isEqualTo(200);
    }

    @Test
    void changingACompatibilityLevelNeedsCredentials() throws Exception {
        assertThat(send("PUT", "/config", "{\"compatibility\":\"NONE\"}", null).statusCode()).isEqualTo(401);
        assertThat(send("GET", "/config", null, null).body()).contains("BACKWARD");

        assertThat(send("PUT", "/config", "{\"compatibility\":\"FULL\"}", basic("ci-writer", "writer-secret"))
                .statusCode()).isEqualTo(200);
        assertThat(send("PUT", "/config", "{\"compatibility\":\"BACKWARD\"}", basic("ci-writer", "writer-secret"))
                .statusCode()).isEqualTo(200);
    }

    private static HttpResponse<String> send(String method, String path, String body, String authorization)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(registry.url() + path))
                .header("Content-Type", RegistryHttp.V1_JSON)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static String sha256Hex(String value) throws Exception {
        return java.util.HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    }
}
