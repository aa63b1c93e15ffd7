package io.supportsla.serde.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.avro.Schema;

/**
 * A tiny in-memory registry speaking the parts of the Confluent REST API the client uses, on a
 * random loopback port, for unit tests. Records every request and can be told to fail the next
 * ones with a given status and body.
 */
public final class FakeSchemaRegistry implements AutoCloseable {

    /** One request as the registry saw it. */
    public record Request(String method, String path, Map<String, String> headers, String body) {}

    private record Failure(int status, String body) {}

    private final ObjectMapper json = new ObjectMapper();
    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Deque<Failure> failures = new ArrayDeque<>();
    private final Map<Integer, Schema> schemasById = new LinkedHashMap<>();
    private final Map<String, List<Integer>> versionsBySubject = new LinkedHashMap<>();
    private int nextId = 1;

    private FakeSchemaRegistry() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public static FakeSchemaRegistry start() {
        try {
            return new FakeSchemaRegistry();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the fake registry", e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public int requestCount() {
        return requests.size();
    }

    /** The next {@code times} requests answer {@code status} with {@code body}. */
    public synchronized void failNext(int times, int status, String body) {
        for (int i = 0; i < times; i++) {
            failures.add(new Failure(status, body));
        }
    }

    /** Registers a schema directly, as another producer would have; returns its id. */
    public synchronized int preRegister(String subject, Schema schema) {
        return registerSchema(subject, schema);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            Map<String, String> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), String.join(",", values)));
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            requests.add(new Request(method, path, headers, body));
            Failure failure;
            synchronized (this) {
                failure = failures.poll();
            }
            if (failure != null) {
                respond(exchange, failure.status(), failure.body());
                return;
            }
            answer(exchange, method, path, body);
        }
    }

    private synchronized void answer(HttpExchange exchange, String method, String path, String body) throws IOException {
        String[] parts = path.substring(1).split("/");
        if (method.equals("GET") && parts.length == 3 && parts[0].equals("schemas") && parts[1].equals("ids")) {
            Schema schema = schemasById.get(Integer.parseInt(parts[2]));
            if (schema == null) {
                error(exchange, 404, 40403, "Schema " + parts[2] + " not found");
                return;
            }
            ok(exchange, json.createObjectNode().put("schema", schema.toString()));
            return;
        }
        if (parts.length >= 2 && parts[0].equals("subjects")) {
            String subject = parts[1];
            if (method.equals("POST") && parts.length == 3 && parts[2].equals("versions")) {
                int id = registerSchema(subject, parse(body));
                ok(exchange, json.createObjectNode().put("id", id));
                return;
            }
            List<Integer> versions = versionsBySubject.get(subject);
            if (versions == null) {
                error(exchange, 404, 40401, "Subject '" + subject + "' not found.");
                return;
            }
            if (method.equals("POST") && parts.length == 2) {
                Schema schema = parse(body);
                for (int v = 0; v < versions.size(); v++) {
                    if (schemasById.get(versions.get(v)).equals(schema)) {
                        ok(exchange, version(subject, v));
                        return;
                    }
                }
                error(exchange, 404, 40403, "Schema not found");
                return;
            }
            if (method.equals("GET") && parts.length == 4 && parts[2].equals("versions") && parts[3].equals("latest")) {
                ok(exchange, version(subject, versions.size() - 1));
                return;
            }
        }
        error(exchange, 404, 404, "HTTP 404 Not Found");
    }

    private int registerSchema(String subject, Schema schema) {
        int id = schemasById.entrySet().stream()
                .filter(e -> e.getValue().equals(schema))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElseGet(() -> {
                    schemasById.put(nextId, schema);
                    return nextId++;
                });
        List<Integer> versions = versionsBySubject.computeIfAbsent(subject, s -> new ArrayList<>());
        if (!versions.contains(id)) {
            versions.add(id);
        }
        return id;
    }

    private ObjectNode version(String subject, int index) {
        int id = versionsBySubject.get(subject).get(index);
        return json.createObjectNode()
                .put("subject", subject)
                .put("id", id)
                .put("version", index + 1)
                .put("schema", schemasById.get(id).toString());
    }

    private Schema parse(String body) throws IOException {
        JsonNode request = json.readTree(body);
        return new Schema.Parser().parse(request.get("schema").asText());
    }

    private void ok(HttpExchange exchange, JsonNode answer) throws IOException {
        respond(exchange, 200, answer.toString());
    }

    private void error(HttpExchange exchange, int status, int code, String message) throws IOException {
        respond(exchange, status, json.createObjectNode().put("error_code", code).put("message", message).toString());
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/vnd.schemaregistry.v1+json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
