package io.supportsla.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.supportsla.registry.EmbeddedSchemaRegistry;

/**
 * Runs the whole platform on one machine: a KRaft Kafka broker with its data under
 * {@code data/}, the schema registry, an SMTP sink and a pager sink (each with a page to read
 * what arrived), and the four services as their own processes. Any part named by an environment
 * variable ({@code KAFKA_BOOTSTRAP_SERVERS}, {@code SCHEMA_REGISTRY_URL}, {@code SPRING_MAIL_HOST},
 * {@code PAGER_URL}) is used instead of starting the local one. Ctrl-C stops everything.
 */
public final class LocalStack implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger("local-stack");

    private final LocalStackOptions options;
    private final Deque<AutoCloseable> running = new ArrayDeque<>();
    private final Map<String, String> urls = new LinkedHashMap<>();
    private final List<ServiceProcess> services = new ArrayList<>();
    private final List<String> demo = new ArrayList<>();

    LocalStack(LocalStackOptions options) {
        this.options = options;
    }

    public static void main(String[] args) {
        LocalStackOptions options = LocalStackOptions.parse(args, System.getenv());
        LocalStack stack = new LocalStack(options);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stack.close();
            stopped.countDown();
        }, "local-stack-shutdown"));
        try {
            stack.start();
        } catch (RuntimeException | IOException e) {
            log.error("The local stack could not start: {}", e.getMessage(), e);
            System.exit(1);
        }
        System.out.println(stack.banner());
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void start() throws IOException {
        if (options.clean()) {
            deleteRecursively(options.dataDirectory());
        }
        Files.createDirectories(options.dataDirectory());

        String bootstrapServers = options.externalKafka().orElseGet(() -> {
            LocalKafkaBroker broker = LocalKafkaBroker.start(options.dataDirectory().resolve("kafka"), options.kafkaPort());
            running.push(broker);
            return broker.bootstrapServers();
        });
        urls.put("Kafka bootstrap servers", bootstrapServers);

        String registryUrl = options.externalRegistry().orElseGet(() -> {
            EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(bootstrapServers, options.registryPort());
            running.push(registry);
            return registry.url();
        });
        urls.put("Schema registry", registryUrl);

        String mailHost;
        int mailPort;
        if (options.externalMailHost().isPresent()) {
            mailHost = options.externalMailHost().get();
            mailPort = options.externalMailPort();
            urls.put("SMTP server", mailHost + ":" + mailPort);
        } else {
            MailSink mail = MailSink.start(options.smtpPort(), options.mailWebPort());
            running.push(mail);
            mailHost = "localhost";
            mailPort = mail.smtpPort();
            urls.put("Mail sink (emails sent)", mail.webUrl() + "   (SMTP localhost:" + mailPort + ", JSON " + mail.webUrl() + "/api/messages)");
        }

        String pagerUrl = options.externalPager().orElseGet(() -> {
            PagerSink pager = PagerSink.start(options.pagerPort());
            running.push(pager);
            urls.put("Pager sink (pages sent)", pager.url() + "   (JSON " + pager.url() + "/api/pages)");
            return pager.url();
        });
        options.externalPager().ifPresent(url -> urls.put("Pager gateway", url));

        Map<String, String> environment = Map.of(
                "SPRING_KAFKA_BOOTSTRAP_SERVERS", bootstrapServers,
                "SPRING_CLOUD_STREAM_KAFKA_BINDER_BROKERS", bootstrapServers,
                "SPRING_CLOUD_STREAM_KAFKA_STREAMS_BINDER_BROKERS", bootstrapServers,
                "SCHEMA_REGISTRY_URL", registryUrl,
                "SPRING_MAIL_HOST", mailHost,
                "SPRING_MAIL_PORT", Integer.toString(mailPort),
                "PAGER_URL", pagerUrl);
        for (PlatformService service : PlatformService.values()) {
            urls.put(service.module(), "starting");
        }
        for (PlatformService service : PlatformService.values()) {
            startService(service, environment);
        }
        java.util.Set<String> ready = new java.util.HashSet<>();
        for (ServiceProcess service : services) {
            if (service.awaitReady(Duration.ofSeconds(180))) {
                ready.add(service.name());
            } else {
                urls.put(service.name(), service.url() + "   NOT READY: see " + service.log());
            }
        }
        if (options.demo()) {
            if (PlatformService.CORE.stream().allMatch(service -> ready.contains(service.module()))) {
                runDemo();
            } else {
                demo.add("not run: every service must be built and ready");
            }
        }
    }

    private void runDemo() {
        try {
            demo.addAll(new DemoScenario(PlatformService.INTAKE.localUrl()).run());
        } catch (IOException e) {
            demo.add("failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void startService(PlatformService service, Map<String, String> environment) throws IOException {
        Optional<java.nio.file.Path> jar = service.executableJar(options.repositoryRoot());
        if (jar.isEmpty()) {
            urls.put(service.module(), "not built (no " + service.module() + "/target/*-exec.jar)");
            return;
        }
        Map<String, String> settings = new LinkedHashMap<>();
        Path state = options.dataDirectory().resolve(service.module());
        settings.put("spring.kafka.streams.state-dir", state.resolve("streams").toString());
        settings.put("spring.cloud.stream.kafka.streams.binder.configuration.state.dir", state.resolve("streams").toString());
        // "local" brings the demo keys and local-only secrets; "demo" the short targets.
        settings.put("spring.profiles.active", options.demo() ? "local,demo" : "local");
        urls.put(service.module(), service.localUrl());
        ServiceProcess process = ServiceProcess.start(service.module(), jar.get(), service.defaultPort(), environment,
                settings, options.dataDirectory().resolve("logs"));
        services.add(process);
        running.push(process);
        log.info("Started {} (pid {}), log in {}", service.module(), process.pid(), process.log());
    }

    String banner() {
        StringBuilder banner = new StringBuilder();
        String line = "=".repeat(96);
        banner.append('\n').append(line).append('\n');
        banner.append(" Support SLA platform: local stack").append(options.demo() ? " (DEMO MODE: short targets)" : "")
                .append('\n').append(line).append('\n');
        urls.forEach((name, url) -> banner.append(String.format(" %-28s %s%n", name, url)));
        banner.append('\n').append(" Data: ").append(options.dataDirectory().toAbsolutePath())
                .append("  (start with --clean to wipe)\n");
        banner.append(" Demo API keys (local only, Authorization: Bearer <key>):\n");
        banner.append("   customer helpdesk (acme)      local-acme-helpdesk-key\n");
        banner.append("   partner helpdesk (northwind)  local-northwind-helpdesk-key\n");
        banner.append("   consultant                    local-consultant-key\n");
        banner.append("   end user (acme)               local-acme-end-user-key\n");
        banner.append("   answering service             local-answering-service-key\n");
        if (!demo.isEmpty()) {
            banner.append('\n').append(" Demo cases (watch the mail and pager sinks):\n");
            demo.forEach(step -> banner.append("   ").append(step).append('\n'));
        }
        banner.append(" Service logs: ").append(options.dataDirectory().resolve("logs").toAbsolutePath()).append('\n');
        banner.append(" Ctrl-C stops everything.\n").append(line).append('\n');
        return banner.toString();
    }

    @Override
    public synchronized void close() {
        while (!running.isEmpty()) {
            AutoCloseable part = running.pop();
            try {
                part.close();
            } catch (Exception e) {
                log.warn("Stopping {} failed: {}", part.getClass().getSimpleName(), e.getMessage());
            }
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
