package io.supportsla.benchmarks.intake;

import static org.awaitility.Awaitility.await;

import io.supportsla.benchmarks.BenchmarkSettings;
import io.supportsla.benchmarks.Infrastructure;
import io.supportsla.benchmarks.Profiling;
import io.supportsla.intake.IntakeApplication;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Part 1: intake-service's sustained {@code POST /api/v1/cases} rate and latency with N concurrent
 * authenticated clients, against a real broker and the real registry, every 201 checked against
 * {@code support.case-events}; then, on the same broker, the raw producer baseline.
 * <p>
 * intake runs in this JVM (its main class, profile {@code local} for the demo keys, a free port),
 * logging at its usual level (the build's logback-test.xml sends it to a file). The load generator,
 * the broker and the registry share the machine's two cores with it.
 */
public final class IntakeBenchmark {

    private static final Logger log = LoggerFactory.getLogger(IntakeBenchmark.class);

    /** The baseline's own topic: same partitions and retention as {@code support.case-events}. */
    static final String BASELINE_TOPIC = "benchmarks.case-events-baseline";
    private static final int CASE_EVENTS_PARTITIONS = 6;

    private final BenchmarkSettings settings;

    public IntakeBenchmark(BenchmarkSettings settings) {
        this.settings = settings;
    }

    public IntakeResult run() throws InterruptedException {
        try (Infrastructure infrastructure = Infrastructure.start();
                Profiling profiling = Profiling.start(settings.jfr(), settings.output().resolve("intake-harness.jfr"))) {
            Measured intake = measureIntake(infrastructure);
            log.info("Load done: {} requests; {}; producer baseline next", intake.load().requests(), intake.audit());
            // intake is stopped by now: the baseline has the machine to itself, as intake had.
            infrastructure.createTopic(BASELINE_TOPIC, CASE_EVENTS_PARTITIONS, Map.of("retention.ms", "-1"));
            try (ProducerBaseline baseline = new ProducerBaseline(infrastructure.bootstrapServers(),
                    infrastructure.registryUrl(), BASELINE_TOPIC)) {
                BenchmarkSettings.Intake sizes = settings.intake();
                ProducerBaseline.Outcome synchronous = baseline.synchronous(sizes.clients(), sizes.warmup().dividedBy(4),
                        sizes.baselineMeasure());
                ProducerBaseline.Outcome pipelined = baseline.pipelined(sizes.baselineAsyncRecords());
                return IntakeResult.of(settings, infrastructure.brokerKind(), intake.startSeconds(), intake.load(), intake.audit(),
                        synchronous, pipelined);
            }
        }
    }

    private record Measured(double startSeconds, CaseLoad.Outcome load, CaseEventsAudit.Outcome audit) {
    }

    /** Starts intake, loads it, and checks every 201 against the topic while it still runs. */
    private Measured measureIntake(Infrastructure infrastructure) throws InterruptedException {
        BenchmarkSettings.Intake sizes = settings.intake();
        long starting = System.nanoTime();
        try (ConfigurableApplicationContext service = startIntake(infrastructure)) {
            int port = service.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
            awaitReady(port);
            double startSeconds = (System.nanoTime() - starting) / 1e9;
            log.info("intake-service ready on port {}; {} clients for {} warm-up and {} measured", port, sizes.clients(),
                    sizes.warmup(), sizes.measure());
            CaseLoad.Outcome load = CaseLoad.run(URI.create("http://localhost:" + port + "/api/v1/cases"), sizes.clients(),
                    sizes.warmup(), sizes.measure());
            // Every 201 came after the broker acknowledged its CaseCreated: all of them are on the topic now.
            CaseEventsAudit.Outcome audit = CaseEventsAudit.check(infrastructure.bootstrapServers(), infrastructure.registryUrl(),
                    load.createdCaseNumbers());
            return new Measured(startSeconds, load, audit);
        }
    }

    private static ConfigurableApplicationContext startIntake(Infrastructure infrastructure) {
        return new SpringApplicationBuilder(IntakeApplication.class)
                .profiles("local")
                .run("--server.port=0",
                        "--spring.main.banner-mode=off",
                        "--spring.kafka.bootstrap-servers=" + infrastructure.bootstrapServers(),
                        "--spring.kafka.properties.schema.registry.url=" + infrastructure.registryUrl(),
                        "--intake.portal.listener-enabled=false");
    }

    private static void awaitReady(int port) {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest readiness = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(5)).build();
        await("intake-service ready").dontCatchUncaughtExceptions()
                .atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
                .ignoreExceptionsInstanceOf(IOException.class)
                .until(() -> http.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
    }
}
