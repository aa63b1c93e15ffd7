package io.supportsla.console.acknowledgement;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.observation.ObservationRegistry;
import io.supportsla.console.ConsoleProperties;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The acknowledgement call against a stand-in for escalation-service's endpoint, answering as the real one does. */
class EscalationServiceClientTest {

    record Received(String method, String path, String authorization) {
    }

    HttpServer server;
    final List<Received> received = new CopyOnWriteArrayList<>();
    volatile int status = 202;
    volatile String body = "{\"escalationId\":\"C-0000-0042-E1\",\"outcome\":\"ACCEPTED\",\"acknowledgedBy\":\"jane-consultant\",\"via\":\"API_KEY\"}";

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Authorization")));
            byte[] answer = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", status >= 400 ? "application/problem+json" : "application/json");
            exchange.sendResponseHeaders(status, answer.length == 0 ? -1 : answer.length);
            if (answer.length > 0) {
                exchange.getResponseBody().write(answer);
            }
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    EscalationServiceClient client(URI baseUrl) {
        return new EscalationServiceClient(new ConsoleProperties.EscalationService(baseUrl, Duration.ofSeconds(1), Duration.ofSeconds(2)),
                ObservationRegistry.NOOP);
    }

    EscalationServiceClient client() {
        return client(URI.create("http://127.0.0.1:" + server.getAddress().getPort()));
    }

    @Test
    void postsToTheAcknowledgementEndpointWithTheConsultantsKey() {
        AcknowledgementOutcome outcome = client().acknowledge("C-0000-0042-E1", "local-consultant-key");

        assertThat(outcome).isEqualTo(new AcknowledgementOutcome.Accepted("C-0000-0042-E1"));
        assertThat(received).containsExactly(
                new Received("POST", "/api/v1/escalations/C-0000-0042-E1/acknowledgement", "Bearer local-consultant-key"));
    }

    @Test
    void twoHundredMeansSomeoneHadAcknowledgedItAlready() {
        status = 200;
        body = "{\"escalationId\":\"C-0000-0042-E1\",\"outcome\":\"ALREADY_ACKNOWLEDGED\",\"acknowledgedBy\":\"london-contact\",\"via\":\"LINK\"}";

        assertThat(client().acknowledge("C-0000-0042-E1", "k"))
                .isEqualTo(new AcknowledgementOutcome.AlreadyAcknowledged("C-0000-0042-E1", "london-contact"));
    }

    @Test
    void aSettledOrUnknownEscalationCannotBeAcknowledged() {
        status = 409;
        body = "{\"type\":\"https://supportsla.io/problems/escalation-settled\",\"status\":409,\"detail\":\"Escalation C-0000-0042-E1 is CLOSED and can no longer be acknowledged\"}";
        AcknowledgementOutcome settled = client().acknowledge("C-0000-0042-E1", "k");
        status = 404;
        body = "";
        AcknowledgementOutcome unknown = client().acknowledge("C-0000-0042-E1", "k");

        assertThat(settled).isInstanceOf(AcknowledgementOutcome.NotAcknowledgeable.class);
        assertThat(settled.message()).contains("CLOSED");
        assertThat(unknown.kind()).isEqualTo("not_found");
    }

    @Test
    void aKeyEscalationServiceDoesNotAcceptIsARefusal() {
        status = 401;
        body = "{\"status\":401,\"detail\":\"The API key is not valid\"}";

        AcknowledgementOutcome outcome = client().acknowledge("C-0000-0042-E1", "k");

        assertThat(outcome).isEqualTo(new AcknowledgementOutcome.Refused("C-0000-0042-E1", 401, "The API key is not valid"));
    }

    @Test
    void aServerErrorOrNoAnswerIsUnavailable() {
        status = 503;
        body = "{\"status\":503,\"detail\":\"state moving\"}";
        assertThat(client().acknowledge("C-0000-0042-E1", "k")).isInstanceOf(AcknowledgementOutcome.Unavailable.class);

        server.stop(0);
        assertThat(client().acknowledge("C-0000-0042-E1", "k")).isInstanceOf(AcknowledgementOutcome.Unavailable.class);
    }
}
