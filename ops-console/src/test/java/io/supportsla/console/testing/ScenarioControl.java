package io.supportsla.console.testing;

import static io.supportsla.console.testing.Events.breached;
import static io.supportsla.console.testing.Events.caseCreated;
import static io.supportsla.console.testing.Events.escalationAcknowledged;
import static io.supportsla.console.testing.Events.escalationRaised;
import static io.supportsla.console.testing.Events.notificationSent;
import static io.supportsla.console.testing.Events.recipient;
import static io.supportsla.console.testing.Events.responseTarget;
import static io.supportsla.console.testing.Events.timerStarted;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.supportsla.schemas.common.RecipientRole;
import io.supportsla.schemas.common.Severity;
import io.supportsla.schemas.escalation.EscalationReason;
import io.supportsla.schemas.sla.SlaTarget;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * What the browser test script asks the test for, over HTTP on loopback: the other services'
 * events put on the topics at the moment the scenario needs them (a case filed, its breach and
 * escalation, an acknowledgement recorded), and what the escalation-service stand-in received.
 *
 * <ul>
 *   <li>{@code POST /cases?customer=ACME&severity=SEV1&deadlineSeconds=120} → {@code {"caseNumber": ...}}</li>
 *   <li>{@code POST /cases/{n}/breach} → the response target breached and escalated: {@code {"escalationId": ...}}</li>
 *   <li>{@code POST /escalations/{id}/acknowledged} → {@code EscalationAcknowledged}, as escalation-service would publish</li>
 *   <li>{@code GET /escalations/{id}/acknowledgement-requests} → what the stand-in received for it</li>
 * </ul>
 */
public final class ScenarioControl implements AutoCloseable {

    private final HttpServer server;
    private final TopicProducer topics;
    private final EscalationServiceStub escalationService;
    private final Map<String, SlaTarget> targets = new ConcurrentHashMap<>();
    private final List<String> escalations = new CopyOnWriteArrayList<>();

    public ScenarioControl(TopicProducer topics, EscalationServiceStub escalationService) {
        this.topics = topics;
        this.escalationService = escalationService;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The escalations the scenario raised, in order. */
    public List<String> escalations() {
        return List.copyOf(escalations);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            String answer;
            if (method.equals("POST") && path.equals("/cases")) {
                answer = fileCase(query(exchange.getRequestURI()));
            } else if (method.equals("POST") && path.matches("/cases/[^/]+/breach")) {
                answer = breach(path.split("/")[2]);
            } else if (method.equals("POST") && path.matches("/escalations/[^/]+/acknowledged")) {
                String escalationId = path.split("/")[2];
                topics.send(escalationAcknowledged(caseOf(escalationId), escalationId, "jane-consultant", Instant.now()));
                answer = "{}";
            } else if (method.equals("GET") && path.matches("/escalations/[^/]+/acknowledgement-requests")) {
                answer = escalationService.receivedFor(path.split("/")[2]).stream()
                        .map(request -> "{\"method\":\"" + request.method() + "\",\"path\":\"" + request.path()
                                + "\",\"authorization\":\"" + request.authorization() + "\"}")
                        .collect(Collectors.joining(",", "[", "]"));
            } else {
                reply(exchange, 404, "{\"error\":\"unknown step\"}");
                return;
            }
            reply(exchange, 200, answer);
        } catch (RuntimeException e) {
            reply(exchange, 500, "{\"error\":\"" + e.toString().replace('"', '\'') + "\"}");
        }
    }

    private String fileCase(Map<String, String> query) {
        Events.Customer customer = Events.Customer.valueOf(query.getOrDefault("customer", "ACME"));
        Severity severity = Severity.valueOf(query.getOrDefault("severity", "SEV1"));
        Duration untilDeadline = Duration.ofSeconds(Long.parseLong(query.getOrDefault("deadlineSeconds", "3600")));
        String number = CaseNumbers.next();
        Instant now = Instant.now();
        SlaTarget target = responseTarget(severity, now, now.plus(untilDeadline));
        targets.put(number, target);
        topics.send(caseCreated(number, severity, customer, now));
        topics.send(timerStarted(number, target, now));
        return "{\"caseNumber\":\"" + number + "\"}";
    }

    /** What sla-service, escalation-service and notification-service publish when a response target is missed. */
    private String breach(String caseNumber) {
        SlaTarget target = targets.get(caseNumber);
        Instant now = Instant.now();
        String escalationId = caseNumber + "-E1";
        topics.send(breached(caseNumber, target, now));
        topics.send(escalationRaised(caseNumber, escalationId, 1, EscalationReason.RESPONSE_BREACH,
                recipient("London contact", RecipientRole.REGIONAL_CONTACT), now, now.plus(Duration.ofMinutes(15)), null));
        topics.send(notificationSent(caseNumber, "n-" + escalationId, now));
        escalations.add(escalationId);
        return "{\"escalationId\":\"" + escalationId + "\"}";
    }

    private static String caseOf(String escalationId) {
        return escalationId.replaceFirst("-E\\d+$", "");
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> values = new HashMap<>();
        if (uri.getQuery() != null) {
            for (String pair : uri.getQuery().split("&")) {
                String[] parts = pair.split("=", 2);
                values.put(parts[0], parts.length > 1 ? parts[1] : "");
            }
        }
        return values;
    }

    private static void reply(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
