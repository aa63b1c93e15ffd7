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

    public HttpResponse<String> get(String path) {
        try {
            return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
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
