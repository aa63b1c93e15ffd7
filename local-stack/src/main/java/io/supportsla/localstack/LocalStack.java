package io.supportsla.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.supportsla.registry.EmbeddedSchemaRegistry;

/**
 * Runs the whole platform on one machine: a KRaft Kafka broker with its data under
 * {@code data/}, the schema registry, an SMTP sink and a pager sink (each with a page to read
 * what arrived), and the services as their own processes from their executable jars, started
 * together. Any part given as external ({@code KAFKA_BOOTSTRAP_SERVERS}, {@code SCHEMA_REGISTRY_URL},
 * {@code SPRING_MAIL_HOST}, {@code PAGER_URL} on the command line) is used instead of starting the
 * local one. Ctrl-C stops everything.
 *
 * <p>Tests use it as a library: {@code new LocalStack(options).start()} with options from
 * {@link LocalStackOptions#builder()} (an external broker and registry, free ports, settings per
 * service, a data directory of their own), then {@link #url}, {@link #mailSink()},
 * {@link #pagerSink()}, {@link #stopService}/{@link #startService} and {@link #close()}.
 */
public final class LocalStack implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger("local-stack");

    private final LocalStackOptions options;
    private final Deque<AutoCloseable> infrastructure = new ArrayDeque<>();
    private final Map<String, String> urls = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Map<PlatformService, ServiceProcess> running = Collections.synchronizedMap(new EnumMap<>(PlatformService.class));
    private final Map<PlatformService, Integer> ports = new EnumMap<>(PlatformService.class);
    private final Set<PlatformService> notReady = Collections.synchronizedSet(EnumSet.noneOf(PlatformService.class));
    private final List<String> demo = new ArrayList<>();
    private Map<String, String> environment = Map.of();
    private String bootstrapServers;
    private String registryUrl;
    private MailSink mailSink;
    private PagerSink pagerSink;
    private boolean localBroker;
    private volatile boolean closed;

    public LocalStack(LocalStackOptions options) {
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

    /**
     * Starts every part, then the services together, and waits until each reports itself ready (or
     * {@link LocalStackOptions#readinessTimeout()} runs out: see {@link #notReady()}). With
     * {@code demo}, files the demo cases once every core service is ready. On failure the parts
     * already started keep running until {@link #close()}.
     */
    public LocalStack start() throws IOException {
        if (options.clean()) {
            deleteRecursively(options.dataDirectory());
        }
        Files.createDirectories(options.dataDirectory());

        bootstrapServers = options.externalKafka().orElseGet(() -> {
            LocalKafkaBroker broker = LocalKafkaBroker.start(options.dataDirectory().resolve("kafka"), options.kafkaPort());
            infrastructure.push(broker);
            localBroker = true;
            return broker.bootstrapServers();
        });
        urls.put("Kafka bootstrap servers", bootstrapServers);

        registryUrl = options.externalRegistry().orElseGet(() -> {
            EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(bootstrapServers, options.registryPort());
            infrastructure.push(registry);
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
            mailSink = MailSink.start(options.smtpPort(), options.mailWebPort());
            infrastructure.push(mailSink);
            mailHost = "localhost";
            mailPort = mailSink.smtpPort();
            urls.put("Mail sink (emails sent)", mailSink.webUrl() + "   (SMTP localhost:" + mailPort + ", JSON "
                    + mailSink.webUrl() + "/api/messages)");
        }

        String pagerUrl = options.externalPager().orElseGet(() -> {
            pagerSink = PagerSink.start(options.pagerPort());
            infrastructure.push(pagerSink);
            urls.put("Pager sink (pages sent)", pagerSink.url() + "   (JSON " + pagerSink.url() + "/api/pages)");
            return pagerSink.url();
        });
        options.externalPager().ifPresent(url -> urls.put("Pager gateway", url));

        List<String> created = PlatformTopics.createMissing(bootstrapServers);
        if (!created.isEmpty()) {
            log.info("Created topics {}", created);
        }

        environment = Map.of(
                "SPRING_KAFKA_BOOTSTRAP_SERVERS", bootstrapServers,
                "SPRING_CLOUD_STREAM_KAFKA_BINDER_BROKERS", bootstrapServers,
                "SPRING_CLOUD_STREAM_KAFKA_STREAMS_BINDER_BROKERS", bootstrapServers,
                "SCHEMA_REGISTRY_URL", registryUrl,
                "SPRING_MAIL_HOST", mailHost,
                "SPRING_MAIL_PORT", Integer.toString(mailPort),
                "PAGER_URL", pagerUrl);
        for (PlatformService service : options.services()) {
            ports.put(service, FreePorts.resolve(options.servicePort(service)));
            urls.put(service.module(), "starting");
        }
        List<PlatformService> launched = new ArrayList<>();
        for (PlatformService service : options.services()) {
            if (launch(service)) {
                launched.add(service);
            }
        }
        // The processes start in parallel; wait for all of them at once.
        inParallel(launched.stream().map(service -> (Runnable) () -> awaitReady(service)).toList());
        if (options.demo()) {
            if (PlatformService.CORE.stream().allMatch(this::isReady)) {
                runDemo();
            } else {
                demo.add("not run: every service must be built and ready");
            }
        }
        return this;
    }

    /** Throws, naming each service and its log, unless every service asked for runs and is ready. */
    public void requireReady() {
        List<String> problems = new ArrayList<>();
        for (PlatformService service : options.services()) {
            if (!isReady(service)) {
                problems.add(service.module() + ": " + urls.get(service.module()));
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Not every service is ready: " + String.join("; ", problems));
        }
    }

    /** Whether the service runs and reported itself ready when last started. */
    public boolean isReady(PlatformService service) {
        ServiceProcess process = running.get(service);
        return process != null && process.isAlive() && !notReady.contains(service);
    }

    /** The services asked for that did not become ready (or are not built). */
    public Set<PlatformService> notReady() {
        Set<PlatformService> missing = EnumSet.noneOf(PlatformService.class);
        options.services().stream().filter(service -> !isReady(service)).forEach(missing::add);
        return missing;
    }

    public LocalStackOptions options() {
        return options;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public String registryUrl() {
        return registryUrl;
    }

    /** The mail sink, unless an external SMTP server is used. */
    public Optional<MailSink> mailSink() {
        return Optional.ofNullable(mailSink);
    }

    /** The pager sink, unless an external pager gateway is used. */
    public Optional<PagerSink> pagerSink() {
        return Optional.ofNullable(pagerSink);
    }

    /** Where a service listens, e.g. {@code http://localhost:8080}; its port stays the same across restarts. */
    public String url(PlatformService service) {
        Integer port = ports.get(service);
        if (port == null) {
            throw new IllegalArgumentException(service.module() + " is not part of this stack");
        }
        return "http://localhost:" + port;
    }

    /** The service's log file (appended to across restarts). */
    public Path log(PlatformService service) {
        return options.dataDirectory().resolve("logs").resolve(service.module() + ".log");
    }

    public Path dataDirectory() {
        return options.dataDirectory();
    }

    /** Stops one service gracefully (SIGTERM) and waits until its process has exited. */
    public void stopService(PlatformService service) {
        ServiceProcess process = running.remove(service);
        if (process != null) {
            process.stop();
            urls.put(service.module(), "stopped");
            log.info("Stopped {} (pid {})", service.module(), process.pid());
        }
    }

    /**
     * Kills one service by its PID with SIGKILL, as a crash would, and waits until its process has
     * exited; {@link #startService} starts it again.
     *
     * @return the PID that was killed
     * @throws IllegalStateException if the service is not running
     */
    public long killService(PlatformService service) {
        ServiceProcess process = running.remove(service);
        if (process == null) {
            throw new IllegalStateException(service.module() + " is not running");
        }
        process.kill();
        urls.put(service.module(), "killed");
        log.info("Killed {} (pid {}, SIGKILL)", service.module(), process.pid());
        return process.pid();
    }

    /** Whether the service runs and its readiness endpoint answers 200 now (not what it reported at start). */
    public boolean answersReady(PlatformService service) {
        ServiceProcess process = running.get(service);
        return process != null && process.isAlive() && process.answersReady();
    }

    /** The PID of the service's current process, if it runs. */
    public OptionalLong pid(PlatformService service) {
        ServiceProcess process = running.get(service);
        return process != null && process.isAlive() ? OptionalLong.of(process.pid()) : OptionalLong.empty();
    }

    /**
     * Starts a stopped service again, on the same port, with the same settings and state directory,
     * and waits until it is ready.
     *
     * @throws IllegalStateException if it is running already, not built, or not ready in time
     */
    public void startService(PlatformService service) throws IOException {
        if (closed) {
            throw new IllegalStateException("The stack is closed");
        }
        if (running.containsKey(service)) {
            throw new IllegalStateException(service.module() + " is running already");
        }
        if (!ports.containsKey(service)) {
            throw new IllegalArgumentException(service.module() + " is not part of this stack");
        }
        if (!launch(service)) {
            throw new IllegalStateException(service.module() + " is not built (no " + service.module() + "/target/*-exec.jar)");
        }
        if (!awaitReady(service)) {
            throw new IllegalStateException(service.module() + " did not become ready; see " + log(service));
        }
    }

    /** Spawns the service's process; false if it is not built, or the stack is closing (Ctrl-C during start-up). */
    private synchronized boolean launch(PlatformService service) throws IOException {
        if (closed) {
            return false;
        }
        Optional<Path> jar = service.executableJar(options.repositoryRoot());
        if (jar.isEmpty()) {
            urls.put(service.module(), "not built (no " + service.module() + "/target/*-exec.jar)");
            notReady.add(service);
            return false;
        }
        Map<String, String> settings = new LinkedHashMap<>();
        Path streams = options.dataDirectory().resolve(service.module()).resolve("streams").toAbsolutePath();
        settings.put("spring.kafka.streams.state-dir", streams.toString());
        settings.put("spring.cloud.stream.kafka.streams.binder.configuration.state.dir", streams.toString());
        // "local" brings the demo keys and local-only secrets; "demo" the short targets.
        settings.put("spring.profiles.active", String.join(",", options.profiles()));
        if (localBroker && service == PlatformService.NOTIFICATION) {
            // The stack's own broker has no history before the stack: a new consumer group reads
            // from the start, so a case filed the moment the services are ready is not missed.
            settings.put("spring.kafka.consumer.auto-offset-reset", "earliest");
        }
        settings.putAll(options.settingsFor(service));
        ServiceProcess process = ServiceProcess.start(service.module(), jar.get(), ports.get(service),
                options.jvmOptions(), environment, settings, options.dataDirectory().resolve("logs"));
        running.put(service, process);
        notReady.add(service);
        urls.put(service.module(), process.url() + "   starting");
        log.info("Started {} (pid {}), log in {}", service.module(), process.pid(), process.log());
        return true;
    }

    private boolean awaitReady(PlatformService service) {
        for (int attempt = 1; ; attempt++) {
            ServiceProcess process = running.get(service);
            if (process == null) {
                return false;
            }
            if (process.awaitReady(options.readinessTimeout())) {
                notReady.remove(service);
                urls.put(service.module(), process.url());
                return true;
            }
            if (process.isAlive() || attempt >= options.startAttempts()) {
                urls.put(service.module(), process.url() + "   NOT READY: see " + process.log());
                return false;
            }
            log.warn("{} exited while starting (attempt {} of {}); starting it again, see {}", service.module(), attempt,
                    options.startAttempts(), process.log());
            running.remove(service);
            try {
                launch(service);
            } catch (IOException e) {
                urls.put(service.module(), process.url() + "   could not start: " + e.getMessage());
                return false;
            }
        }
    }

    private void runDemo() {
        try {
            demo.addAll(new DemoScenario(url(PlatformService.INTAKE)).run());
        } catch (IOException e) {
            demo.add("failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The banner the command line prints: every URL, the data directory and the demo keys. */
    public String banner() {
        StringBuilder banner = new StringBuilder();
        String line = "=".repeat(96);
        banner.append('\n').append(line).append('\n');
        banner.append(" Support SLA platform: local stack").append(options.demo() ? " (DEMO MODE: short targets)" : "")
                .append('\n').append(line).append('\n');
        synchronized (urls) {
            urls.forEach((name, url) -> banner.append(String.format(" %-28s %s%n", name, url)));
        }
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

    /** Stops the services (together), then the sinks, the registry and the broker; safe to call twice. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        List<ServiceProcess> services;
        synchronized (running) {
            services = new ArrayList<>(running.values());
            running.clear();
        }
        inParallel(services.stream().map(process -> (Runnable) process::stop).toList());
        while (!infrastructure.isEmpty()) {
            AutoCloseable part = infrastructure.pop();
            try {
                part.close();
            } catch (Exception e) {
                log.warn("Stopping {} failed: {}", part.getClass().getSimpleName(), e.getMessage());
            }
        }
    }

    private static void inParallel(List<Runnable> tasks) {
        List<Thread> threads = tasks.stream().map(task -> new Thread(task, "local-stack-worker")).toList();
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
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
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
