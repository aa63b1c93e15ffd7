package io.supportsla.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.supportsla.localstack.BrokerProcess;
import io.supportsla.localstack.LocalStack;
import io.supportsla.localstack.LocalStackOptions;
import io.supportsla.localstack.PlatformService;
import io.supportsla.registry.EmbeddedSchemaRegistry;
import io.supportsla.schemas.notification.NotificationSent;

/**
 * Issue 9, items 1 and 2: the four services as their own processes under a steady load of SEV1
 * cases with short deadlines; each service in turn is killed by its PID with SIGKILL and started
 * again; then the broker (a process of its own here) is stopped for a while and started again,
 * and the services must come back without a restart. Afterwards {@link LoadAudit} checks from the
 * topics and the sinks that every 201 is exactly one {@code CaseCreated}, every due deadline
 * exactly one {@code SlaBreached}, every escalation exactly one email and one page per recipient,
 * and writes the counts to {@code target/reliability-report.txt}.
 *
 * <p>Size: {@code -Dreliability.size=smoke} (the default, in {@code ./mvnw verify}) or {@code full};
 * each figure can be set on its own: {@code reliability.rate} (cases per second),
 * {@code reliability.rounds} (how often each service is killed), {@code reliability.steady} (seconds of steady load before each fault and after the last),
 * {@code reliability.outage} (seconds the broker stays down).
 */
class CrashesAndBrokerOutageUnderLoadIT {

    private static final Logger log = LoggerFactory.getLogger(CrashesAndBrokerOutageUnderLoadIT.class);

    /** SEV1 response target here: every case breaches within a phase of the run. */
    private static final Duration SEV1_RESPONSE_TARGET = Duration.ofSeconds(30);
    /** SEV1 acknowledgement timeout here: contact, backup, director and the end within 30 s of the breach. */
    private static final Duration SEV1_ACKNOWLEDGEMENT_TIMEOUT = Duration.ofSeconds(10);
    /** How long a thing due may take to show: a few hops across processes on a loaded machine. */
    private static final Duration HOPS = Duration.ofSeconds(20);
    /** The in-flight notification notification-service may repeat per kill (its one consumer thread). */
    private static final int REPEATS_ALLOWED_PER_NOTIFICATION_KILL = 1;

    private static final Size SIZE = Size.fromSystemProperties();

    private final List<String> timeline = new ArrayList<>();

    /** The load and the pauses; smoke in CI, full for the figures in docs/reliability.md. */
    record Size(String name, double casesPerSecond, int rounds, Duration steady, Duration outage) {

        static Size fromSystemProperties() {
            boolean full = "full".equals(System.getProperty("reliability.size", "smoke"));
            return new Size(full ? "full" : "smoke",
                    Double.parseDouble(System.getProperty("reliability.rate", full ? "1.5" : "1")),
                    Integer.getInteger("reliability.rounds", full ? 2 : 1),
                    Duration.ofSeconds(Long.getLong("reliability.steady", full ? 60 : 12)),
                    Duration.ofSeconds(Long.getLong("reliability.outage", full ? 60 : 20)));
        }
    }

    @Test
    void everyCaseDeadlineAndNotificationHappensOnceThroughCrashesAndABrokerOutage() throws Exception {
        Path run = Path.of(System.getProperty("systemtests.runs-directory", "target/system-test-runs"))
                .resolve("under-load-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")))
                .toAbsolutePath();
        try (BrokerProcess broker = BrokerProcess.start(run.resolve("kafka"), run.resolve("logs"));
                EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(broker.bootstrapServers(), 0);
                LocalStack stack = new LocalStack(options(broker, registry, run))) {
            // A JVM stopped mid-run must not leave five processes behind.
            Thread safetyNet = new Thread(() -> {
                stack.close();
                broker.close();
            }, "under-load-stop-processes");
            Runtime.getRuntime().addShutdownHook(safetyNet);
            try {
                stack.start();
                stack.requireReady();
                log.info("Under load ({}): {} cases/s, steady {}, outage {}; data in {}", SIZE.name(), SIZE.casesPerSecond(),
                        SIZE.steady(), SIZE.outage(), run);
                try (TopicRecorder topics = TopicRecorder.start(broker.bootstrapServers(), registry.url());
                        CaseLoad load = new CaseLoad(stack.url(PlatformService.INTAKE), SIZE.casesPerSecond())) {
                    load.start();
                    mark("load started: " + SIZE.casesPerSecond() + " SEV1 cases/s");
                    // Faults hit a pipeline in full flow: cases breach, escalate and are notified.
                    await("the first notification of the load").atMost(Duration.ofMinutes(3))
                            .pollInterval(Duration.ofSeconds(1))
                            .until(() -> topics.all().stream().anyMatch(r -> r.payload() instanceof NotificationSent));
                    mark("pipeline flowing: first notification recorded");

                    killEachServiceInTurn(load, stack);
                    stopAndStartTheBroker(load, stack, broker);
                    steady(load, "steady after the outage");
                    LoadAudit audit = stopAndAudit(load, topics, stack, broker);

                    assertThat(audit.missing()).as("everything due happened").isEmpty();
                    assertThat(audit.wrong()).as("nothing twice, nothing refused, nothing dead-lettered").isEmpty();
                    assertThat(audit.repeatedDeliveries())
                            .as("repeated deliveries: at most the one in flight when notification-service was killed")
                            .isLessThanOrEqualTo(REPEATS_ALLOWED_PER_NOTIFICATION_KILL * SIZE.rounds());
                    // A 201 in the outage is a case published before the broker stopped or after it came
                    // back (intake's producer waits up to 15 s); the audit checks each is on the topic.
                    assertThat(answers(load, "broker down").keySet()).as("while the broker was down: 201 or 503, nothing else")
                            .isSubsetOf(Set.of(CaseLoad.Answer.CREATED, CaseLoad.Answer.UNAVAILABLE, CaseLoad.Answer.TRY_LATER));
                    assertThat(audit.figures().get("submissions answered 201")).as("the load opened cases").isPositive();
                }
            } finally {
                Runtime.getRuntime().removeShutdownHook(safetyNet);
            }
        }
    }

    /** Item 1: after a steady phase, each service in turn killed by its PID with SIGKILL and started again. */
    private void killEachServiceInTurn(CaseLoad load, LocalStack stack) throws IOException {
        for (int round = 1; round <= SIZE.rounds(); round++) {
            String again = round > 1 ? " again" : "";
            for (PlatformService service : PlatformService.CORE) {
                steady(load, "steady before " + service.module() + " is killed" + again);
                load.phase(service.module() + " killed" + again);
                long pid = stack.killService(service);
                mark(service.module() + " killed with SIGKILL (pid " + pid + ")");
                stack.startService(service);
                mark(service.module() + " started again and ready (pid " + stack.pid(service).orElseThrow() + ")");
            }
        }
    }

    /**
     * Item 2: the broker stopped for {@link Size#outage()}: intake answers 503; then started
     * again: every service ready again with the same PID, and intake answering 201.
     */
    private void stopAndStartTheBroker(CaseLoad load, LocalStack stack, BrokerProcess broker) throws IOException {
        steady(load, "steady before the broker outage");
        Map<PlatformService, Long> pids = pids(stack);
        load.phase("broker stopping");
        broker.stop();
        load.phase("broker down");
        Instant down = Instant.now();
        mark("broker stopped");
        await("a 503 from intake while the broker is down").atMost(SIZE.outage().plusSeconds(30))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> answers(load, "broker down").containsKey(CaseLoad.Answer.UNAVAILABLE));
        mark("intake answered 503 (first after " + Duration.between(down, Instant.now()).toSeconds() + " s)");
        Eventually.until(down.plus(SIZE.outage().dividedBy(2)), "half the outage has passed");
        mark("readiness half-way through the outage: " + readiness(stack));
        Eventually.until(down.plus(SIZE.outage()), "the outage lasts " + SIZE.outage());
        load.phase("broker starting");
        broker.start();
        load.phase("broker back");
        mark("broker started again after " + Duration.between(down, Instant.now()).toSeconds() + " s down");
        for (PlatformService service : PlatformService.CORE) {
            await(service.module() + " ready again without a restart").atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofMillis(500)).until(() -> stack.answersReady(service));
            mark(service.module() + " ready again");
        }
        assertThat(pids(stack)).as("no service was restarted to get over the outage").isEqualTo(pids);
        await("a 201 for a case sent after the broker came back").atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> answers(load, "broker back").containsKey(CaseLoad.Answer.CREATED));
        mark("intake answered 201 again");
    }

    /**
     * Stops the load, waits until every submission has concluded and everything due has happened
     * (the last case's breach and its escalation's three timeouts), holds for repeats, and audits;
     * the report is logged and written to {@code systemtests.report-file}.
     */
    private LoadAudit stopAndAudit(CaseLoad load, TopicRecorder topics, LocalStack stack, BrokerProcess broker)
            throws IOException {
        load.stopSending();
        mark("load stopped; waiting for every submission to conclude");
        await("every submission answered or given up on").atMost(CaseLoad.RETRY_WINDOW.plusSeconds(30))
                .pollInterval(Duration.ofSeconds(1)).until(load::settled);
        Instant lastSent = load.submissions().stream().map(CaseLoad.Submission::firstSentAt).max(Instant::compareTo)
                .orElseThrow();
        Instant allDue = lastSent.plus(SEV1_RESPONSE_TARGET).plus(SEV1_ACKNOWLEDGEMENT_TIMEOUT.multipliedBy(3)).plus(HOPS);
        mark("waiting until everything due has happened (the last chain ends about " + allDue + ")");
        await("everything due has happened").atMost(Duration.ofMinutes(8)).pollInterval(Duration.ofSeconds(5))
                .until(() -> Instant.now().isAfter(allDue) && audit(load, topics, stack, broker).missing().isEmpty());
        // A repeated record or delivery comes within seconds, not minutes.
        Eventually.until(Instant.now().plus(Eventually.HOLD), "holding for repeats");
        LoadAudit audit = audit(load, topics, stack, broker);
        mark("audited");
        String report = report(audit, load);
        log.info("Crashes and broker outage under load:\n{}", report);
        Files.writeString(Path.of(System.getProperty("systemtests.report-file", "target/reliability-report.txt")), report);
        return audit;
    }

    /**
     * The system tests' settings (see the module README) with a shorter SEV1 target and
     * acknowledgement timeout, and short Kafka sessions for the consumer groups of the killed
     * services: a member killed without leaving is replaced once its session has expired.
     */
    private static LocalStackOptions options(BrokerProcess broker, EmbeddedSchemaRegistry registry, Path run) {
        String session = "10000";
        return Platform.options(broker.bootstrapServers(), registry.url(), "under-load")
                .dataDirectory(run)
                // The run directory is new, and holds the broker's data already.
                .clean(false)
                .setting(PlatformService.SLA, "support.sla.targets.sev1-case-only", SEV1_RESPONSE_TARGET.toSeconds() + "s")
                .setting(PlatformService.ESCALATION, "supportsla.escalation.acknowledgement.timeout-by-severity.SEV1",
                        SEV1_ACKNOWLEDGEMENT_TIMEOUT.toString())
                .setting(PlatformService.ESCALATION,
                        "spring.cloud.stream.kafka.streams.binder.configuration.session.timeout.ms", session)
                .setting(PlatformService.NOTIFICATION, "spring.kafka.consumer.properties.session.timeout.ms", session)
                .build();
    }

    private void steady(CaseLoad load, String phase) {
        load.phase(phase);
        Eventually.until(Instant.now().plus(SIZE.steady()), phase);
    }

    private void mark(String event) {
        String line = Instant.now() + "  " + event;
        timeline.add(line);
        log.info(event);
    }

    private static Map<CaseLoad.Answer, Long> answers(CaseLoad load, String phase) {
        return load.answersByPhase().getOrDefault(phase, Map.of());
    }

    private static Map<PlatformService, Long> pids(LocalStack stack) {
        Map<PlatformService, Long> pids = new EnumMap<>(PlatformService.class);
        PlatformService.CORE.forEach(service -> pids.put(service, stack.pid(service).orElse(-1)));
        return pids;
    }

    private static Map<String, Boolean> readiness(LocalStack stack) {
        Map<String, Boolean> readiness = new java.util.LinkedHashMap<>();
        PlatformService.CORE.forEach(service -> readiness.put(service.module(), stack.answersReady(service)));
        return readiness;
    }

    private static LoadAudit audit(CaseLoad load, TopicRecorder topics, LocalStack stack, BrokerProcess broker) {
        return LoadAudit.of(load.submissions(), topics.all(), stack.mailSink().orElseThrow().messages(),
                stack.pagerSink().orElseThrow().pages(), deadLetters(broker.bootstrapServers()), Instant.now().minus(HOPS));
    }

    /** Records on every {@code .dlq} topic (end offsets; none of these topics is written to without a dead letter). */
    private static Map<String, Long> deadLetters(String bootstrapServers) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Set<String> topics = admin.listTopics().names().get().stream().filter(name -> name.endsWith(".dlq"))
                    .collect(Collectors.toSet());
            if (topics.isEmpty()) {
                return Map.of();
            }
            Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
            admin.describeTopics(topics).allTopicNames().get().forEach((name, description) -> description.partitions()
                    .forEach(partition -> latest.put(new TopicPartition(name, partition.partition()), OffsetSpec.latest())));
            Map<String, Long> counts = new TreeMap<>();
            admin.listOffsets(latest).all().get().forEach((partition, offset) ->
                    counts.merge(partition.topic(), offset.offset(), Long::sum));
            return counts;
        } catch (Exception e) {
            throw new IllegalStateException("Cannot count the dead letters: " + e.getMessage(), e);
        }
    }

    private String report(LoadAudit audit, CaseLoad load) {
        StringBuilder report = new StringBuilder();
        report.append(String.format(Locale.ROOT,
                "Size %s: %.1f SEV1 cases/s, each service killed %d time(s), steady phases %d s, broker down %d s%n%n",
                SIZE.name(), SIZE.casesPerSecond(), SIZE.rounds(), SIZE.steady().toSeconds(), SIZE.outage().toSeconds()));
        report.append("Timeline\n");
        timeline.forEach(line -> report.append("  ").append(line).append('\n'));
        report.append("\nAnswers to POST /cases per phase (attempts)\n");
        load.answersByPhase().forEach((phase, answers) -> report.append(String.format(Locale.ROOT, "  %-42s %s%n", phase, answers)));
        report.append("\nPromises\n");
        audit.report().lines().forEach(line -> report.append("  ").append(line).append('\n'));
        return report.toString();
    }
}
