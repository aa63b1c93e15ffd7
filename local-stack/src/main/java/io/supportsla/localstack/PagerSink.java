package io.supportsla.localstack;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for PagerDuty's Events API v2 on this machine: {@code POST /v2/enqueue} validates
 * and records each event and answers as PagerDuty does (202 with the dedup key, or 400 with the
 * errors); {@code GET /api/pages} lists what was received and {@code GET /} shows it. Port 0 picks
 * a free port.
 */
public final class PagerSink implements AutoCloseable {

    private static final Set<String> ACTIONS = Set.of("trigger", "acknowledge", "resolve");

    /** One event as received; {@code body} is the whole request. */
    public record Page(Instant receivedAt, String routingKey, String eventAction, String dedupKey, String summary,
                String severity, String source, JsonNode body) {
    }

    private final HttpServer server;
    private final List<Page> pages = new CopyOnWriteArrayList<>();

    private PagerSink(int port) {
        server = JsonHttp.server(port);
        server.createContext("/v2/enqueue", this::enqueue);
        server.createContext("/api/pages", exchange -> JsonHttp.json(exchange, 200, pages));
        server.createContext("/", exchange -> JsonHttp.html(exchange, page()));
        server.start();
    }

    /** Starts the endpoint; 0 picks a free port. */
    public static PagerSink start(int port) {
        return new PagerSink(port);
    }

    /** The base URL, the value for the services' pager URL ({@code PAGER_URL}). */
    public String url() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    /** Every valid event received so far, oldest first. */
    public List<Page> pages() {
        return List.copyOf(pages);
    }

    private void enqueue(HttpExchange exchange) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            JsonHttp.json(exchange, 405, Map.of("status", "invalid request", "message", "POST only"));
            return;
        }
        JsonNode event;
        try {
            event = JsonHttp.JSON.readTree(JsonHttp.body(exchange));
        } catch (IOException e) {
            JsonHttp.json(exchange, 400, Map.of("status", "invalid event", "message", "Event object is invalid",
                    "errors", List.of("body is not JSON")));
            return;
        }
        List<String> errors = new ArrayList<>();
        String action = event.path("event_action").asText("");
        if (event.path("routing_key").asText("").isBlank()) {
            errors.add("'routing_key' is missing or blank");
        }
        if (!ACTIONS.contains(action)) {
            errors.add("'event_action' must be trigger, acknowledge or resolve");
        }
        if (!action.equals("trigger") && event.path("dedup_key").asText("").isBlank()) {
            errors.add("'dedup_key' is required for " + action);
        }
        if (action.equals("trigger")) {
            JsonNode payload = event.path("payload");
            for (String field : List.of("summary", "source", "severity")) {
                if (payload.path(field).asText("").isBlank()) {
                    errors.add("'payload." + field + "' is missing or blank");
                }
            }
        }
        if (!errors.isEmpty()) {
            JsonHttp.json(exchange, 400, Map.of("status", "invalid event", "message", "Event object is invalid",
                    "errors", errors));
            return;
        }
        String dedupKey = event.path("dedup_key").asText(java.util.UUID.randomUUID().toString());
        pages.add(new Page(Instant.now(), event.path("routing_key").asText(), action, dedupKey,
                event.path("payload").path("summary").asText(null), event.path("payload").path("severity").asText(null),
                event.path("payload").path("source").asText(null), event));
        JsonHttp.json(exchange, 202, Map.of("status", "success", "message", "Event processed", "dedup_key", dedupKey));
    }

    private String page() {
        StringBuilder rows = new StringBuilder();
        List<Page> newestFirst = new ArrayList<>(pages);
        java.util.Collections.reverse(newestFirst);
        for (Page page : newestFirst) {
            rows.append("<tr><td>").append(JsonHttp.escape(page.receivedAt())).append("</td><td>")
                    .append(JsonHttp.escape(page.eventAction())).append("</td><td>")
                    .append(JsonHttp.escape(page.routingKey())).append("</td><td>")
                    .append(JsonHttp.escape(page.dedupKey())).append("</td><td>")
                    .append(JsonHttp.escape(page.severity())).append("</td><td>")
                    .append(JsonHttp.escape(page.summary())).append("</td></tr>\n");
        }
        return """
                <!doctype html><html><head><meta charset="utf-8"><meta http-equiv="refresh" content="5">
                <title>Pager sink</title><style>body{font-family:sans-serif}td,th{padding:4px 8px;border-bottom:1px solid #ddd}</style>
                </head><body><h1>Pages received (%d)</h1><p>PagerDuty Events API v2 stand-in; JSON at <code>/api/pages</code>.</p>
                <table><tr><th>received</th><th>action</th><th>routing key</th><th>dedup key</th><th>severity</th><th>summary</th></tr>
                %s</table></body></html>""".formatted(pages.size(), rows);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
