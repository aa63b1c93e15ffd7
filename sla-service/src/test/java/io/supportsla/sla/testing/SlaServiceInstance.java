package io.supportsla.sla.testing;

import io.supportsla.sla.SlaServiceApplication;
import io.supportsla.sla.timers.TimerStores;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.streams.KafkaStreams;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.cloud.stream.binder.kafka.streams.InteractiveQueryService;
import org.springframework.cloud.stream.binder.kafka.streams.KafkaStreamsRegistry;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One running sla-service (a full Spring context with its HTTP port, Kafka Streams client and
 * state directory), started the way {@code java -jar} would start it, for integration tests that
 * stop, restart and run several instances.
 */
public final class SlaServiceInstance implements AutoCloseable {

    /** API keys the instances accept (names, organisations and roles as in the demo keys). */
    public static final String CONSULTANT_KEY = "it-consultant-key";
    public static final String ANSWERING_SERVICE_KEY = "it-answering-service-key";
    public static final String HELPDESK_KEY = "it-acme-helpdesk-key";
    public static final String END_USER_KEY = "it-acme-end-user-key";

    private static final Map<String, String> KEY_SETTINGS = keySettings();

    private final Map<String, String> properties;
    private final int port;
    private final ConfigurableApplicationContext context;
    private final HttpClient http = HttpClient.newHttpClient();

    private SlaServiceInstance(Map<String, String> properties, int port, ConfigurableApplicationContext context) {
        this.properties = properties;
        this.port = port;
        this.context = context;
    }

    /** Starts an instance; {@code settings} override application.yml (topics, application id, registry, targets...). */
    public static SlaServiceInstance start(Map<String, String> settings) {
        int port = freePort();
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("server.port", String.valueOf(port));
        properties.put("spring.cloud.stream.kafka.streams.binder.configuration.state.dir", newStateDir().toString());
        properties.put("spring.main.banner-mode", "off");
        properties.putAll(KEY_SETTINGS);
        properties.putAll(settings);
        List<String> arguments = new ArrayList<>();
        properties.forEach((key, value) -> arguments.add("--" + key + "=" + value));
        SlaServiceApplication.trustGeneratedAvroClasses();
        ConfigurableApplicationContext context = new SpringApplicationBuilder(SlaServiceApplication.class)
                .run(arguments.toArray(String[]::new));
        return new SlaServiceInstance(properties, port, context);
    }

    public int port() {
        return port;
    }

    /** This instance as the query API and Kafka Streams metadata name it. */
    public String hostAndPort() {
        return "localhost:" + port;
    }

    public URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    /** A GET as a consultant. */
    public HttpResponse<String> get(String path) {
        return get(path, CONSULTANT_KEY);
    }

    /** A GET with this API key, or none if null. */
    public HttpResponse<String> get(String path, String apiKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        if (apiKey != null) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        return send(request);
    }

    public HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public boolean isRunning() {
        List<KafkaStreams> clients = context.getBean(KafkaStreamsRegistry.class).streamsBuilderFactoryBeans().stream()
                .map(factory -> factory.getKafkaStreams())
                .toList();
        return !clients.isEmpty() && clients.stream().allMatch(s -> s != null && s.state() == KafkaStreams.State.RUNNING);
    }

    /** The instances (host:port) that currently hold a part of the case store, as this instance sees the group. */
    public Set<String> instancesHoldingCases() {
        return context.getBean(InteractiveQueryService.class).getAllHostsInfo(TimerStores.CASES).stream()
                .map(host -> host.host() + ":" + host.port())
                .collect(Collectors.toSet());
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** Stops the instance cleanly (the Streams client commits and closes); its state directory stays. */
    @Override
    public void close() {
        context.close();
    }

    public Map<String, String> properties() {
        return properties;
    }

    private static Map<String, String> keySettings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("supportsla.security.api-keys.jane-consultant.key-sha256", "182af43e8642f871676544fc11d6f7dacf0cb5e5e43abfdb45accc5791714ade"); // printf %s it-consultant-key | sha256sum
        settings.put("supportsla.security.api-keys.jane-consultant.organisation", "supportsla");
        settings.put("supportsla.security.api-keys.jane-consultant.role", "CONSULTANT");
        settings.put("supportsla.security.api-keys.answering-service.key-sha256", "0fc032ccbb639c27b099169e190686295f86520d717a2514414891fb587619d0"); // printf %s it-answering-service-key | sha256sum
        settings.put("supportsla.security.api-keys.answering-service.organisation", "supportsla");
        settings.put("supportsla.security.api-keys.answering-service.role", "ANSWERING_SERVICE");
        settings.put("supportsla.security.api-keys.acme-helpdesk.key-sha256", "0a20c8b616ff2183b5fbb6251a89cb11ff4d54bb45f9bc7d969622c677d5c6a5"); // printf %s it-acme-helpdesk-key | sha256sum
        settings.put("supportsla.security.api-keys.acme-helpdesk.organisation", "acme");
        settings.put("supportsla.security.api-keys.acme-helpdesk.role", "HELPDESK");
        settings.put("supportsla.security.api-keys.acme-end-user.key-sha256", "62670814004b974facb11a606b8065b866e84536a3fd4a4c87d295f4bbc9a3ad"); // printf %s it-acme-end-user-key | sha256sum
        settings.put("supportsla.security.api-keys.acme-end-user.organisation", "acme");
        settings.put("supportsla.security.api-keys.acme-end-user.role", "END_USER");
        return settings;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path newStateDir() {
        try {
            Path parent = Files.createDirectories(Path.of("target", "it-state"));
            return Files.createTempDirectory(parent, "sla-").toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
