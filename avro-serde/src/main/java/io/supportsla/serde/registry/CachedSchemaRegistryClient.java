package io.supportsla.serde.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.SerializationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link SchemaRegistryClient} speaking the Confluent Schema Registry REST API over
 * {@code java.net.http}. It caches id to schema and (subject, schema) to id, and the latest
 * version of each subject, for the life of the client, so steady-state serialization makes no
 * HTTP calls. Transport errors and 5xx answers are retried (each round tries every URL in turn,
 * rounds are spaced by an exponential backoff); 4xx answers fail at once. Thread-safe.
 */
public final class CachedSchemaRegistryClient implements SchemaRegistryClient {

    /** Confluent's content type for request bodies. */
    public static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    /** The Accept header Confluent's own client sends. */
    public static final String ACCEPT =
            "application/vnd.schemaregistry.v1+json, application/vnd.schemaregistry+json; qs=0.9, application/json; qs=0.5";

    private static final Logger log = LoggerFactory.getLogger(CachedSchemaRegistryClient.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

    private final SchemaRegistrySettings settings;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();
    private final Retry retry;
    private final String authorization;

    private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();
    private final Map<SubjectSchema, Integer> idsBySubjectSchema = new ConcurrentHashMap<>();
    private final Map<String, RegisteredSchema> latestBySubject = new ConcurrentHashMap<>();

    public CachedSchemaRegistryClient(SchemaRegistrySettings settings) {
        this.settings = settings;
        this.http = HttpClient.newBuilder().connectTimeout(settings.requestTimeout()).build();
        this.authorization = settings.basicAuthUserInfo() == null
                ? null
                : "Basic " + Base64.getEncoder().encodeToString(settings.basicAuthUserInfo().getBytes(StandardCharsets.UTF_8));
        this.retry = Retry.of("schema-registry", RetryConfig.custom()
                .maxAttempts(settings.maxAttempts())
                .intervalFunction(IntervalFunction.ofExponentialBackoff(
                        settings.retryBackoff(), 2.0, max(settings.retryBackoff(), MAX_BACKOFF)))
                .retryOnException(CachedSchemaRegistryClient::isTransient)
                .build());
        this.retry.getEventPublisher().onRetry(event -> log.warn(
                "Schema registry call failed (attempt {} of {}), retrying in {} ms: {}",
                event.getNumberOfRetryAttempts(), settings.maxAttempts(), event.getWaitInterval().toMillis(),
                describe(event.getLastThrowable())));
    }

    /** A client with default timeouts and retries for these base URLs. */
    public static CachedSchemaRegistryClient forUrls(String... urls) {
        return new CachedSchemaRegistryClient(SchemaRegistrySettings.of(urls));
    }

    public SchemaRegistrySettings settings() {
        return settings;
    }

    @Override
    public int register(String subject, Schema schema) {
        SubjectSchema key = new SubjectSchema(subject, schema);
        Integer cached = idsBySubjectSchema.get(key);
        if (cached != null) {
            return cached;
        }
        JsonNode answer = exchange("POST", "/subjects/" + encode(subject) + "/versions", schemaBody(schema),
                status -> "Cannot register schema " + schema.getFullName() + " under subject '" + subject + "'");
        int id = requiredInt(answer, "id", "register under subject '" + subject + "'");
        remember(key, id);
        return id;
    }

    @Override
    public int lookup(String subject, Schema schema) {
        SubjectSchema key = new SubjectSchema(subject, schema);
        Integer cached = idsBySubjectSchema.get(key);
        if (cached != null) {
            return cached;
        }
        JsonNode answer = exchange("POST", "/subjects/" + encode(subject), schemaBody(schema),
                status -> status == 404
                        ? "Schema " + schema.getFullName() + " is not registered under subject '" + subject + "'"
                        : "Cannot look up schema " + schema.getFullName() + " under subject '" + subject + "'");
        int id = requiredInt(answer, "id", "lookup under subject '" + subject + "'");
        remember(key, id);
        return id;
    }

    @Override
    public Schema getSchemaById(int id) {
        Schema cached = schemasById.get(id);
        if (cached != null) {
            return cached;
        }
        JsonNode answer = exchange("GET", "/schemas/ids/" + id, null,
                status -> status == 404 ? "Schema id " + id + " not found" : "Cannot fetch schema id " + id);
        String type = answer.path("schemaType").asText("AVRO");
        if (!"AVRO".equals(type)) {
            throw new SerializationException("Schema id " + id + " is a " + type + " schema, not Avro");
        }
        Schema schema = parse(requiredText(answer, "schema", "schema id " + id), "schema id " + id);
        Schema previous = schemasById.putIfAbsent(id, schema);
        return previous != null ? previous : schema;
    }

    @Override
    public RegisteredSchema getLatest(String subject) {
        RegisteredSchema cached = latestBySubject.get(subject);
        if (cached != null) {
            return cached;
        }
        JsonNode answer = exchange("GET", "/subjects/" + encode(subject) + "/versions/latest", null,
                status -> status == 404
                        ? "Subject '" + subject + "' has no registered schema"
                        : "Cannot fetch the latest schema of subject '" + subject + "'");
        String what = "latest version of subject '" + subject + "'";
        int id = requiredInt(answer, "id", what);
        Schema schema = parse(requiredText(answer, "schema", what), what);
        RegisteredSchema latest = new RegisteredSchema(subject, id, requiredInt(answer, "version", what), schema);
        schemasById.putIfAbsent(id, schema);
        idsBySubjectSchema.putIfAbsent(new SubjectSchema(subject, schema), id);
        latestBySubject.put(subject, latest);
        return latest;
    }

    private void remember(SubjectSchema key, int id) {
        idsBySubjectSchema.put(key, id);
        schemasById.putIfAbsent(id, key.schema());
    }

    /**
     * Sends one request, retrying transient failures; returns the parsed JSON answer of the first
     * URL that gives a 2xx, or throws the typed failure.
     */
    private JsonNode exchange(String method, String path, String body, IntFunction<String> failure) {
        try {
            return retry.executeCheckedSupplier(() -> sendToFirstAvailable(method, path, body, failure));
        } catch (SchemaRegistryException e) {
            if (e.httpStatus() >= 500 && settings.maxAttempts() > 1) {
                throw new SchemaRegistryException(e.getMessage() + " (gave up after " + settings.maxAttempts() + " attempts)",
                        e.httpStatus(), e.errorCode());
            }
            throw e;
        } catch (IOException e) {
            throw new SchemaRegistryUnreachableException(
                    "Schema registry unreachable at " + joinedUrls() + " after " + settings.maxAttempts()
                            + (settings.maxAttempts() == 1 ? " attempt" : " attempts") + " (" + method + " " + path + "): "
                            + describe(e),
                    settings.urls(), settings.maxAttempts(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptException("Interrupted while calling the schema registry (" + method + " " + path + ")", e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable e) {
            throw new SerializationException("Schema registry call " + method + " " + path + " failed: " + describe(e), e);
        }
    }

    private JsonNode sendToFirstAvailable(String method, String path, String body, IntFunction<String> failure)
            throws IOException, InterruptedException {
        Exception lastFailure = null;
        for (URI base : settings.urls()) {
            HttpResponse<String> response;
            try {
                response = http.send(request(base, method, path, body), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                log.debug("Schema registry {} not reachable: {}", base, describe(e));
                lastFailure = e;
                continue;
            }
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return json.readTree(response.body());
            }
            SchemaRegistryException error = errorFrom(base, status, response.body(), failure);
            if (status < 500) {
                throw error; // the request itself is wrong: another URL or another attempt will not help
            }
            lastFailure = error;
        }
        if (lastFailure instanceof SchemaRegistryException e) {
            throw e;
        }
        throw (IOException) lastFailure;
    }

    private HttpRequest request(URI base, String method, String path, String body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(resolve(base, path))
                .timeout(settings.requestTimeout())
                .header("Accept", ACCEPT);
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        if (body == null) {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            builder.header("Content-Type", CONTENT_TYPE)
                    .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        }
        return builder.build();
    }

    private SchemaRegistryException errorFrom(URI base, int status, String body, IntFunction<String> failure) {
        int errorCode = status;
        String message = body == null ? "" : body.strip();
        try {
            JsonNode error = json.readTree(body);
            if (error != null && error.has("error_code")) {
                errorCode = error.get("error_code").asInt(status);
                message = error.path("message").asText("");
            }
        } catch (IOException notJson) {
            // keep the raw body (a proxy's HTML page, say) as the message
        }
        if (message.length() > 500) {
            message = message.substring(0, 500) + "...";
        }
        return new SchemaRegistryException(
                failure.apply(status) + " in schema registry " + base + ": " + errorCode + " " + message, status, errorCode);
    }

    private String schemaBody(Schema schema) {
        // schemaType is omitted: Confluent's registry treats a missing type as AVRO.
        return json.createObjectNode().put("schema", schema.toString()).toString();
    }

    private static Schema parse(String schema, String what) {
        try {
            return new Schema.Parser().parse(schema);
        } catch (SchemaParseException e) {
            throw new SerializationException("The registry returned an unparsable Avro schema for " + what + ": " + e.getMessage(), e);
        }
    }

    private static int requiredInt(JsonNode answer, String field, String what) {
        JsonNode value = answer == null ? null : answer.get(field);
        if (value == null || !value.canConvertToInt()) {
            throw new SerializationException("Schema registry answer for " + what + " has no integer '" + field + "': " + answer);
        }
        return value.asInt();
    }

    private static String requiredText(JsonNode answer, String field, String what) {
        JsonNode value = answer == null ? null : answer.get(field);
        if (value == null || !value.isTextual()) {
            throw new SerializationException("Schema registry answer for " + what + " has no text '" + field + "': " + answer);
        }
        return value.asText();
    }

    private static URI resolve(URI base, String path) {
        String root = base.toString();
        return URI.create(root.endsWith("/") ? root.substring(0, root.length() - 1) + path : root + path);
    }

    private static String encode(String subject) {
        return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static boolean isTransient(Throwable failure) {
        return failure instanceof IOException
                || (failure instanceof SchemaRegistryException e && e.httpStatus() >= 500);
    }

    private String joinedUrls() {
        return settings.urls().size() == 1 ? settings.urls().get(0).toString() : settings.urls().toString();
    }

    /** Java's HttpClient throws a ConnectException without a message when nothing listens: say what it means. */
    private static String describe(Throwable failure) {
        String message = failure.getMessage();
        if (message == null && failure instanceof java.net.ConnectException) {
            message = "connection refused";
        }
        if (message == null && failure.getCause() != null) {
            message = failure.getCause().toString();
        }
        return failure.getClass().getName() + (message == null ? "" : ": " + message);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private record SubjectSchema(String subject, Schema schema) {}
}
