package io.supportsla.notification.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A pager gateway for tests speaking the PagerDuty Events API v2: records every {@code POST /v2/enqueue}
 * and answers 202 with the dedup key, unless answers were scripted for the event's routing key.
 */
public final class PagerStub implements AutoCloseable {

    /** One request as received. */
    public record Request(String routingKey, String body, JsonNode json, long receivedNanos) {
        public String eventAction() {
            return json.get("event_action").asString();
        }

        public String dedupKey() {
            return json.get("dedup_key").asString();
        }
    }

    /** A scripted answer. */
    public record Answer(int status, Map<String, String> headers, String body) {
        public static Answer status(int status) {
            return new Answer(status, Map.of(), "{\"status\":\"error\",\"message\":\"scripted " + status + "\"}");
        }

        public static Answer retryAfter(int status, String retryAfter) {
            return new Answer(status, Map.of("Retry-After", retryAfter), "{\"status\":\"throttled\"}");
        }
    }

    private final HttpServer server;
    private final JsonMapper json = JsonMapper.builder().build();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<Answer>> scripts = new ConcurrentHashMap<>();

    public PagerStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Answers the next requests for this routing key with these, in order; then 202 again. */
    public void script(String routingKey, Answer... answers) {
        scripts.computeIfAbsent(routingKey, key -> new ArrayDeque<>()).addAll(List.of(answers));
    }

    public List<Request> requests(String routingKey) {
        return requests.stream().filter(request -> routingKey.equals(request.routingKey())).toList();
    }

    public List<Request> requestsWithDedupKey(String dedupKey) {
        return requests.stream().filter(request -> dedupKey.equals(request.dedupKey())).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                respond(exchange, 200, Map.of(), "{\"status\":\"ok\"}");
                return;
            }
            if (!"/v2/enqueue".equals(exchange.getRequestURI().getPath())) {
                respond(exchange, 404, Map.of(), "{\"status\":\"not found\"}");
                return;
            }
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            JsonNode event = json.readTree(body);
            String routingKey = event.path("routing_key").asString("");
            requests.add(new Request(routingKey, body, event, System.nanoTime()));
            Deque<Answer> script = scripts.get(routingKey);
            Answer answer = script == null ? null : script.poll();
            if (answer == null) {
                respond(exchange, 202, Map.of(), "{\"status\":\"success\",\"message\":\"Event processed\",\"dedup_key\":\""
                        + event.path("dedup_key").asString("") + "\"}");
            } else {
                respond(exchange, answer.status(), answer.headers(), answer.body());
            }
        }
    }

    private static void respond(HttpExchange exchange, int status, Map<String, String> headers, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        headers.forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
