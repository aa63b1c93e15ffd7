package io.supportsla.registry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A schema registry running inside the caller's JVM, for tests and the local stack:
 * <pre>
 * try (EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(broker.bootstrapServers(), 0)) {
 *     serializerConfig.put("schema.registry.url", registry.url());
 * }
 * </pre>
 * It is the full application (HTTP API, Kafka store, actuator) started with its own settings only:
 * the caller's {@code application.yml} does not configure it, and the arguments given here win over
 * everything else, system properties included. {@link #start} returns once the registry has read
 * its topic and serves requests.
 */
public final class EmbeddedSchemaRegistry implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final int port;

    private EmbeddedSchemaRegistry(ConfigurableApplicationContext context) {
        this.context = context;
        this.port = Integer.parseInt(Objects.requireNonNull(
                context.getEnvironment().getProperty("local.server.port"), "local.server.port"));
    }

    /**
     * Starts a registry storing its schemas in the default topic {@code _schemas}.
     *
     * @param port the HTTP port; 0 picks a free one
     */
    public static EmbeddedSchemaRegistry start(String bootstrapServers, int port) {
        return start(bootstrapServers, port, Map.of());
    }

    /**
     * Starts a registry with extra settings, e.g. {@code schema-registry.kafkastore.topic} for a topic
     * of its own, or {@code schema-registry.compatibility-level}.
     *
     * @param port the HTTP port; 0 picks a free one
     * @param properties Spring properties for the registry; they override the defaults
     */
    public static EmbeddedSchemaRegistry start(String bootstrapServers, int port, Map<String, ?> properties) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("spring.main.banner-mode", "off");
        settings.putAll(properties);
        settings.put("spring.config.name", SchemaRegistryApplication.OWN_CONFIG_NAME);
        settings.put("spring.kafka.bootstrap-servers", Objects.requireNonNull(bootstrapServers, "bootstrapServers"));
        settings.put("server.port", port);
        // As command-line arguments they take precedence over system properties and config files.
        List<String> arguments = new ArrayList<>();
        settings.forEach((key, value) -> arguments.add("--" + key + "=" + value));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(SchemaRegistryApplication.class)
                .web(WebApplicationType.SERVLET)
                .bannerMode(Banner.Mode.OFF)
                .run(arguments.toArray(String[]::new));
        return new EmbeddedSchemaRegistry(context);
    }

    /** Where clients reach it, e.g. {@code http://localhost:8081}: the value for {@code schema.registry.url}. */
    public String url() {
        return "http://localhost:" + port;
    }

    public int port() {
        return port;
    }

    /** Stops the HTTP server and the Kafka clients; the schemas stay in the topic. */
    @Override
    public void close() {
        context.close();
    }
}
