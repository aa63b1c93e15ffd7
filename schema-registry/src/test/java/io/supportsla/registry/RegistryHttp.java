package io.supportsla.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Talks to a running registry over real HTTP, as Confluent's clients do. */
public final class RegistryHttp {

    public static final String V1_JSON = "application/vnd.schemaregistry.v1+json";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String baseUrl;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public RegistryHttp(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** A response: status, content type and body. */
    public record Reply(int status, String contentType, String body) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        public int errorCode() {
            return json().get("error_code").asInt();
        }

        public int id() {
            return json().get("id").asInt();
        }
    }

    public Reply get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    public Reply post(String path, String body) {
        return post(path, body, V1_JSON);
    }

    public Reply post(String path, String body, String contentType) {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public Reply put(String path, String body) {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", V1_JSON)
                .PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Registers a schema in a subject, as a serializer with auto-registration does. */
    public Reply register(String subject, String schema) {
        return post("/subjects/" + subject + "/versions", schemaBody(schema));
    }

    public Reply setLevel(String subject, String level) {
        return put("/config/" + subject, "{\"compatibility\": \"" + level + "\"}");
    }

    /** {@code {"schema": "<the schema as a JSON string>"}}. */
    public static String schemaBody(String schema) {
        return JSON.writeValueAsString(Map.of("schema", schema));
    }

    private URI uri(String path) {
        return URI.create(baseUrl + path);
    }

    private Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = client.send(
                    request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
