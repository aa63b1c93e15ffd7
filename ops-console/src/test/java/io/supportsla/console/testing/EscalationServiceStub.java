package io.supportsla.console.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Plays escalation-service's {@code POST /api/v1/escalations/{id}/acknowledgement}: records every
 * request and answers 202 with the body the real service sends (see escalation-service's README).
 */
public final class EscalationServiceStub {

    /** One request as it arrived. */
    public record Received(String method, String path, String authorization, String body) {
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    private EscalationServiceStub(HttpServer server) {
        this.server = server;
    }

    static EscalationServiceStub start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            EscalationServiceStub stub = new EscalationServiceStub(server);
            server.createContext("/api/v1/escalations/", exchange -> {
                String path = exchange.getRequestURI().getPath();
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                stub.received.add(new Received(exchange.getRequestMethod(), path,
                        exchange.getRequestHeaders().getFirst("Authorization"), body));
                String escalationId = path.replaceFirst("^/api/v1/escalations/", "").replaceFirst("/acknowledgement$", "");
                byte[] answer = ("{\"escalationId\":\"" + escalationId + "\",\"outcome\":\"ACCEPTED\",\"acknowledgedBy\":\"jane-consultant\","
                        + "\"via\":\"API_KEY\",\"requestId\":\"stub\"}").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.getResponseHeaders().add("Location", "/api/v1/escalations/" + escalationId);
                exchange.sendResponseHeaders(202, answer.length);
                exchange.getResponseBody().write(answer);
                exchange.close();
            });
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0), "escalation-stub-shutdown"));
            return stub;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    /** The requests for one escalation (tests share the stub). */
    public List<Received> receivedFor(String escalationId) {
        String path = "/api/v1/escalations/" + escalationId + "/acknowledgement";
        return received.stream().filter(request -> request.path().equals(path)).toList();
    }
}
