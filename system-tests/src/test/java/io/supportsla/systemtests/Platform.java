package io.supportsla.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.supportsla.calendar.BusinessCalendars;
import io.supportsla.calendar.Region;
import io.supportsla.localstack.LocalStack;
import io.supportsla.localstack.LocalStackOptions;
import io.supportsla.localstack.MailSink;
import io.supportsla.localstack.PagerSink;
import io.supportsla.localstack.PlatformService;
import io.supportsla.registry.EmbeddedSchemaRegistry;
import io.supportsla.testing.kafka.KafkaBroker;
import io.supportsla.testing.kafka.KafkaBrokers;

/**
 * The platform under test, started once for the whole module: the shared test broker
 * ({@link KafkaBrokers#shared()}), the real schema registry in this JVM, and the local stack's
 * harness running the four services as their own processes from their executable jars, with
 * GreenMail as SMTP server and the recording pager endpoint, on free ports, with a data directory
 * of this run under {@code target/system-test-runs/}. Short targets (below) keep each scenario
 * within a minute or two.
 */
final class Platform implements AutoCloseable {

    /** SEV1 response target (case only), around the clock. Production: 1 h. */
    static final Duration SEV1_RESPONSE_TARGET = Duration.ofSeconds(60);
    /** How long an escalation contact has to acknowledge on a SEV1. Production: 15 min. */
    static final Duration SEV1_ACKNOWLEDGEMENT_TIMEOUT = Duration.ofSeconds(15);

    /**
     * The services cannot be given another wall clock, so "a SEV1 on a weekend" is tested as SPEC
     * §3.2/§3.5 define it, "a weekend or a public holiday of the case's region": today and tomorrow
     * (Redwood Shores time) are configured as extra closure days of AMER, in every service that
     * reads a calendar. Cases of other regions are not affected.
     */
    static final Set<LocalDate> AMER_CLOSURE_DAYS = amerClosureDays();

    /** How long a restart of sla-service may keep other scenarios waiting. */
    private static final Duration SLA_RESTART_ALLOWANCE = Duration.ofMinutes(4);

    private static final Logger log = LoggerFactory.getLogger(Platform.class);

    private final EmbeddedSchemaRegistry registry;
    private final LocalStack stack;
    private final TopicRecorder topics;
    private final PlatformApi api;
    /** Scenarios that must not see sla-service stopped hold the read lock; the restart holds the write lock. */
    private final ReadWriteLock slaServiceUp = new ReentrantReadWriteLock(true);

    private Platform(EmbeddedSchemaRegistry registry, LocalStack stack, TopicRecorder topics) {
        this.registry = registry;
        this.stack = stack;
        this.topics = topics;
        this.api = new PlatformApi(stack.url(PlatformService.INTAKE), stack.url(PlatformService.SLA),
                stack.url(PlatformService.ESCALATION));
    }

    static Platform start() {
        KafkaBroker broker = KafkaBrokers.shared();
        EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(broker.bootstrapServers(), 0);
        LocalStack stack = new LocalStack(options(broker.bootstrapServers(), registry.url(), "run").build());
        Thread safetyNet = new Thread(stack::close, "system-tests-stop-services");
        Runtime.getRuntime().addShutdownHook(safetyNet);
        try {
            stack.start();
            stack.requireReady();
            log.info("Platform up: intake {}, sla {}, escalation {}, notification {}; data in {}",
                    stack.url(PlatformService.INTAKE), stack.url(PlatformService.SLA),
                    stack.url(PlatformService.ESCALATION), stack.url(PlatformService.NOTIFICATION),
                    stack.dataDirectory());
            return new Platform(registry, stack, TopicRecorder.start(broker.bootstrapServers(), registry.url()));
        } catch (IOException | RuntimeException e) {
            stack.close();
            registry.close();
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    /**
     * The settings the services run with in the system tests (see the module README), with a data
     * directory {@code <runs directory>/<prefix>-<time>}; a test may override any of them.
     */
    static LocalStackOptions.Builder options(String bootstrapServers, String registryUrl, String runPrefix) {
        String amerClosed = AMER_CLOSURE_DAYS.stream().sorted().map(LocalDate::toString).collect(Collectors.joining(","));
        return LocalStackOptions.builder()
                .repositoryRoot(Path.of(System.getProperty("systemtests.repository-root", "..")).toAbsolutePath().normalize())
                .dataDirectory(Path.of(System.getProperty("systemtests.runs-directory", "target/system-test-runs"))
                        .resolve(runPrefix + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")))
                        .toAbsolutePath())
                .clean(true)
                .kafka(bootstrapServers)
                .registry(registryUrl)
                .freePorts()
                .services(PlatformService.CORE)
                .profiles("local")
                .readinessTimeout(Duration.ofSeconds(240))
                // A safety net: a service that exits during start-up is started once more (it was
                // needed when notification-service could miss a just-created state topic; fixed).
                .startAttempts(2)
                // Start-up dominates on two cores: the C1 compiler alone and the serial collector
                // start a Spring Boot service noticeably faster, and these services are lightly loaded.
                .jvmOptions("-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC")
                // sla-service: short targets, the whole week as business time, AMER closed today.
                .setting(PlatformService.SLA, "support.sla.targets.sev1-case-only", SEV1_RESPONSE_TARGET.toSeconds() + "s")
                .setting(PlatformService.SLA, "support.sla.targets.sev1-hotline-call", "30s")
                .setting(PlatformService.SLA, "support.sla.targets.sev1-hotline-call-weekend-or-holiday", "60s")
                .setting(PlatformService.SLA, "support.sla.targets.end-user-issue", "2m")
                .setting(PlatformService.SLA, "support.sla.targets.sev2", "3m")
                .setting(PlatformService.SLA, "support.sla.targets.sev3", "4m")
                .setting(PlatformService.SLA, "support.sla.status-updates.default-interval", "2m")
                .setting(PlatformService.SLA, "support.sla.status-updates.reminder-lead", "30s")
                .setting(PlatformService.SLA, "support.calendar.staffing-window.start", "MONDAY 00:00")
                .setting(PlatformService.SLA, "support.calendar.staffing-window.end", "SUNDAY 23:59")
                .setting(PlatformService.SLA, "support.calendar.staffing-window.zone", "UTC")
                .setting(PlatformService.SLA, "support.calendar.regions.AMER.extra-closure-days", amerClosed)
                // A restarted single instance rejoins its group once the old member's session has
                // expired (Kafka Streams does not leave the group on close): keep that short.
                .setting(PlatformService.SLA, "spring.cloud.stream.kafka.streams.binder.configuration.session.timeout.ms", "10000")
                // escalation-service: short acknowledgement timeouts, a fast timer scan, AMER closed today.
                .setting(PlatformService.ESCALATION, "supportsla.escalation.acknowledgement.timeout", "PT1M")
                .setting(PlatformService.ESCALATION, "supportsla.escalation.acknowledgement.timeout-by-severity.SEV1",
                        SEV1_ACKNOWLEDGEMENT_TIMEOUT.toString())
                .setting(PlatformService.ESCALATION, "supportsla.escalation.streams.timer-scan-interval", "PT0.25S")
                .setting(PlatformService.ESCALATION, "support.calendar.regions.AMER.extra-closure-days", amerClosed)
                // notification-service: the broker is this run's, so read it from the start (a new
                // group would otherwise begin at the end and could miss the first cases); AMER closed today.
                .setting(PlatformService.NOTIFICATION, "spring.kafka.consumer.auto-offset-reset", "earliest")
                .setting(PlatformService.NOTIFICATION, "notification.calendar.regions.AMER.extra-closure-days", amerClosed);
    }

    private static Set<LocalDate> amerClosureDays() {
        LocalDate today = LocalDate.now(Region.AMER.zone());
        // Tomorrow too, so a run that crosses midnight in Redwood Shores is still on a closure day.
        return Set.of(today, today.plusDays(1));
    }

    /**
     * The holidays and office hours as escalation- and notification-service are configured here: the
     * shipped defaults (the staffing window aside, which neither of them reads) plus the AMER closure days.
     */
    static BusinessCalendars calendars() {
        return BusinessCalendars.builder().extraClosureDays(Region.AMER, AMER_CLOSURE_DAYS).build();
    }

    PlatformApi api() {
        return api;
    }

    TopicRecorder topics() {
        return topics;
    }

    /** Every email the SMTP server received about a case (header {@code X-Support-Case}). */
    List<MailSink.Mail> mailsAbout(String caseNumber) {
        return stack.mailSink().orElseThrow().messages().stream()
                .filter(mail -> caseNumber.equals(mail.header("X-Support-Case")))
                .toList();
    }

    /** Every page event the pager endpoint received for a case (dedup keys start with the case number). */
    List<PagerSink.Page> pagesAbout(String caseNumber) {
        return stack.pagerSink().orElseThrow().pages().stream()
                .filter(page -> page.dedupKey() != null && page.dedupKey().startsWith(caseNumber + "/"))
                .toList();
    }

    /**
     * Runs {@code steps} while sla-service is guaranteed to run: for a scenario whose outcome depends
     * on the service processing its events as they happen (a response in time must not be judged
     * after a restart's catch-up), while another scenario restarts it.
     */
    <T> T whileSlaServiceRuns(Callable<T> steps) throws Exception {
        Lock lock = slaServiceUp.readLock();
        if (!lock.tryLock(SLA_RESTART_ALLOWANCE.toSeconds(), TimeUnit.SECONDS)) {
            throw new IllegalStateException("sla-service was not back within " + SLA_RESTART_ALLOWANCE);
        }
        try {
            return steps.call();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Stops sla-service (SIGTERM, waiting until the process has exited), runs {@code whileStopped},
     * then starts it again on the same port with the same state directory and waits until it is
     * ready: a restart of the one instance, as an operator or a crash-looping pod would do it.
     */
    void restartSlaService(Runnable whileStopped) throws IOException {
        Lock lock = slaServiceUp.writeLock();
        lock.lock();
        try {
            stack.stopService(PlatformService.SLA);
            try {
                whileStopped.run();
            } finally {
                stack.startService(PlatformService.SLA);
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        log.info("Records read per topic: {}", topics.counts());
        topics.close();
        stack.close();
        registry.close();
    }
}
