package io.supportsla.escalation.it;

import static org.awaitility.Awaitility.await;

import io.supportsla.escalation.EscalationServiceApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The escalation service started as its real Spring Boot application against the test broker and registry. */
final class RunningEscalationService implements AutoCloseable {

    static final String LINK_SECRET = "integration-test-link-secret-of-32-bytes-or-more";
    static final String CONSULTANT_KEY = "consultant-key";
    static final String HELPDESK_KEY = "helpdesk-key";
    // printf %s consultant-key | sha256sum
    private static final String CONSULTANT_KEY_SHA256 = "c8cbc061359e35b337abf5a39421454103512fbe7850c2b7449a9633706c15a4";
    // printf %s helpdesk-key | sha256sum
    private static final String HELPDESK_KEY_SHA256 = "fd53b5861267a8dca71456d57e0dc6c85965101a0f3f237e70f36c00660d4c5d";

    private final ConfigurableApplicationContext context;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private RunningEscalationService(ConfigurableApplicationContext context, int port) {
        this.context = context;
        this.port = port;
    }

    /** Starts the service and waits until Kafka Streams runs (readiness UP). */
    static RunningEscalationService start(String registryUrl, Path stateDir, String... settings) {
        EscalationServiceApplication.trustGeneratedAvroClasses();
        int port = freePort();
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=" + port,
                "--spring.kafka.properties.schema.registry.url=" + registryUrl,
                "--spring.cloud.stream.kafka.streams.binder.configuration.state.dir=" + stateDir,
                // Static membership: a stopped instance leaves the group at once, so the next takes over without
                // waiting for the session timeout.
                "--spring.cloud.stream.kafka.streams.binder.configuration.group.instance.id=escalation-it-" + UUID.randomUUID(),
                "--supportsla.escalation.acknowledgement.link-secret=" + LINK_SECRET,
                "--supportsla.escalation.acknowledgement.link-base-url=http://localhost:" + port,
                "--supportsla.security.api-keys.jane.key-sha256=" + CONSULTANT_KEY_SHA256,
                "--supportsla.security.api-keys.jane.organisation=supportsla",
                "--supportsla.security.api-keys.jane.role=CONSULTANT",
                "--supportsla.security.api-keys.acme-helpdesk.key-sha256=" + HELPDESK_KEY_SHA256,
                "--supportsla.security.api-keys.acme-helpdesk.organisation=acme",
                "--supportsla.security.api-keys.acme-helpdesk.role=HELPDESK"));
        for (String setting : settings) {
            arguments.add("--" + setting);
        }
        ConfigurableApplicationContext context = new SpringApplicationBuilder(EscalationServiceApplication.class)
                .run(arguments.toArray(String[]::new));
        RunningEscalationService service = new RunningEscalationService(context, port);
        await("the escalation topology running").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
                .until(() -> service.get("/actuator/health/readiness", null).statusCode() == 200);
        return service;
    }

    int port() {
        return port;
    }

    HttpResponse<String> get(String pathAndQuery, String apiKey) {
        return send(request(pathAndQuery, apiKey).GET().build());
    }

    /** A GET as another instance forwards it: answered from this instance's own state or not at all. */
    HttpResponse<String> getForwarded(String pathAndQuery, String apiKey) {
        return send(request(pathAndQuery, apiKey).header("X-Escalation-Forwarded", "1").GET().build());
    }

    HttpResponse<String> post(String pathAndQuery, String apiKey) {
        return send(request(pathAndQuery, apiKey).POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    /** Posts to an absolute URL as found in an event, but at this instance. */
    HttpResponse<String> postTo(URI link, String apiKey) {
        return post(link.getRawPath() + (link.getRawQuery() == null ? "" : "?" + link.getRawQuery()), apiKey);
    }

    private HttpRequest.Builder request(String pathAndQuery, String apiKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery))
                .timeout(Duration.ofSeconds(15));
        if (apiKey != null) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        return request;
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        context.close();
    }
}
