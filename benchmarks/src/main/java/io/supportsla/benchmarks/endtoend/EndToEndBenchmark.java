package io.supportsla.benchmarks.endtoend;

import static org.awaitility.Awaitility.await;

import io.supportsla.benchmarks.BenchmarkSettings;
import io.supportsla.benchmarks.CaseRecords;
import io.supportsla.benchmarks.Infrastructure;
import io.supportsla.benchmarks.report.Latency;
import io.supportsla.benchmarks.timers.BreachWatcher;
import io.supportsla.intake.casenumbers.CaseNumber;
import io.supportsla.localstack.LocalStack;
import io.supportsla.localstack.LocalStackOptions;
import io.supportsla.localstack.PagerSink;
import io.supportsla.localstack.PlatformService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.awaitility.core.ConditionTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Part 3: deadline to page, with all four services running as their own processes, started by the
 * local stack's library API on this part's broker and registry, with the stack's own mail and pager
 * sinks. SEV1 cases are opened over intake's HTTP API at a steady rate; sla-service's SEV1 target is
 * shortened so each falls due a fixed time later, with the default warnings; nobody responds, so
 * each breaches, escalation-service escalates it and notification-service pages the hotline on-call
 * and the level-1 contact. The lag is from the case's deadline (as {@code SlaBreached} states it)
 * to each page's arrival at the pager sink, on this machine's clock.
 */
public final class EndToEndBenchmark {

    private static final Logger log = LoggerFactory.getLogger(EndToEndBenchmark.class);
    /** The notification trigger of the pages a response breach causes (the payload's {@code class}). */
    static final String RESPONSE_BREACH = "RESPONSE_BREACH";

    private final BenchmarkSettings settings;
    private final BenchmarkSettings.EndToEnd endToEnd;

    public EndToEndBenchmark(BenchmarkSettings settings) {
        this.settings = settings;
        this.endToEnd = settings.endToEnd();
    }

    public EndToEndResult run() throws InterruptedException {
        try (Infrastructure infrastructure = Infrastructure.start()) {
            LocalStackOptions options = LocalStackOptions.builder()
                    .kafka(infrastructure.bootstrapServers())
                    .registry(infrastructure.registryUrl())
                    .freePorts()
                    .services(PlatformService.CORE)
                    .repositoryRoot(endToEnd.repositoryRoot())
                    .dataDirectory(settings.output().resolve("end-to-end-stack").toAbsolutePath())
                    .clean(true)
                    .readinessTimeout(Duration.ofMinutes(5))
                    .jvmOptions(jvmOptions())
                    .setting(PlatformService.SLA, "support.sla.targets.sev1-case-only", endToEnd.target().toSeconds() + "s")
                    // A fresh broker has no history: read from its start, so no case opened at readiness is missed.
                    .setting(PlatformService.NOTIFICATION, "spring.kafka.consumer.auto-offset-reset", "earliest")
                    .build();
            long starting = System.nanoTime();
            try (LocalStack stack = new LocalStack(options).start()) {
                stack.requireReady();
                double startSeconds = (System.nanoTime() - starting) / 1e9;
                log.info("Four services ready in {} s; opening {} SEV1 cases per second for {}", Math.round(startSeconds),
                        endToEnd.ratePerSecond(), endToEnd.duration());
                PagerSink pager = stack.pagerSink().orElseThrow(() -> new IllegalStateException("The stack has no pager sink"));
                try (BreachWatcher breaches = new BreachWatcher(infrastructure.bootstrapServers(), infrastructure.registryUrl())) {
                    Opened opened = openCases(URI.create(stack.url(PlatformService.INTAKE) + "/api/v1/cases"));
                    Set<Long> cases = opened.sequences();
                    Duration atMost = endToEnd.target().plus(endToEnd.duration()).plusMinutes(5);
                    try {
                        await("a response-breach page for every case").dontCatchUncaughtExceptions()
                                .atMost(atMost).pollInterval(Duration.ofMillis(500))
                                .until(() -> {
                                    requireRunning(stack);
                                    return pagedCases(pager.pages()).containsAll(cases);
                                });
                        // Let pages still in flight (the second recipient, a retried delivery) arrive before counting.
                        long settle = System.currentTimeMillis() + 5_000;
                        await("in-flight pages").dontCatchUncaughtExceptions()
                                .atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250))
                                .until(() -> System.currentTimeMillis() >= settle);
                    } catch (ConditionTimeoutException e) {
                        // Report what did arrive: the unpaged cases are the finding.
                        log.warn("Not every case was paged within {}: {}", atMost, e.getMessage());
                    }
                    return result(opened, cases, breaches, pager.pages(), startSeconds);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("The local stack could not start", e);
            }
        }
    }

    /**
     * The services' JVM options: the local stack's heap (said here so the figures do not move if its
     * default does) and, with {@code benchmark.jfr}, a recording each, named by pid, in one directory.
     */
    private String[] jvmOptions() {
        if (!settings.jfr()) {
            return new String[] {"-Xmx512m"};
        }
        Path recordings = settings.output().resolve("end-to-end-jfr").toAbsolutePath();
        try {
            Files.createDirectories(recordings);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // A directory as the file name: JFR names each recording hotspot-pid-<pid>-...jfr (the pid is in each service's log).
        return new String[] {"-Xmx512m", "-XX:StartFlightRecording=settings=profile,dumponexit=true,filename=" + recordings};
    }

    /** Fails at once, naming the service and its log, if a service of the stack has stopped. */
    private static void requireRunning(LocalStack stack) {
        for (PlatformService service : PlatformService.CORE) {
            if (!stack.isReady(service)) {
                throw new IllegalStateException(service.module() + " stopped during the run; see " + stack.log(service));
            }
        }
    }

    /** The cases opened, by sequence number, and how the requests went. */
    private record Opened(Set<Long> sequences, long requests, Map<Integer, Long> statuses, String sampleFailure) {
    }

    /** Opens {@code rate} cases per second (open loop: a request goes out on schedule whatever the earlier ones do). */
    private Opened openCases(URI casesUri) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        int total = Math.toIntExact(endToEnd.ratePerSecond() * endToEnd.duration().toSeconds());
        List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        try {
            java.util.concurrent.CountDownLatch sent = new java.util.concurrent.CountDownLatch(total);
            ScheduledFuture<?> ticks = scheduler.scheduleAtFixedRate(() -> {
                if (sent.getCount() == 0) {
                    return;
                }
                int number = responses.size();
                HttpRequest request = HttpRequest.newBuilder(casesUri).timeout(Duration.ofSeconds(30))
                        .header("Authorization", "Bearer " + CaseRecords.ACME_HELPDESK_KEY)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(CaseRecords.requestBody("End-to-end case " + number)))
                        .build();
                responses.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
                sent.countDown();
            }, 0, 1_000_000 / endToEnd.ratePerSecond(), TimeUnit.MICROSECONDS);
            if (!sent.await(endToEnd.duration().toSeconds() + 60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("Could not send " + total + " requests in time");
            }
            ticks.cancel(false);
        } finally {
            scheduler.shutdown();
            scheduler.awaitTermination(10, TimeUnit.SECONDS);
        }
        Set<Long> sequences = new HashSet<>();
        Map<Integer, Long> statuses = new TreeMap<>();
        String sampleFailure = null;
        for (CompletableFuture<HttpResponse<String>> future : responses) {
            int status;
            try {
                HttpResponse<String> response = future.get(60, TimeUnit.SECONDS);
                status = response.statusCode();
                if (status == 201) {
                    String location = response.headers().firstValue("Location").orElse("");
                    CaseNumber.parse(location.substring(location.lastIndexOf('/') + 1))
                            .ifPresent(number -> sequences.add(number.sequence()));
                } else if (sampleFailure == null) {
                    sampleFailure = status + " " + response.body();
                }
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                status = -1;
                if (sampleFailure == null) {
                    sampleFailure = e.toString();
                }
            }
            statuses.merge(status, 1L, Long::sum);
        }
        return new Opened(sequences, responses.size(), statuses, sampleFailure);
    }

    /** The case (by sequence number) a response-breach trigger page is about, if it is one. */
    private static Optional<Long> breachPageCase(PagerSink.Page page) {
        if (!"trigger".equals(page.eventAction()) || page.body() == null) {
            return Optional.empty();
        }
        if (!RESPONSE_BREACH.equals(page.body().path("payload").path("class").asText(""))) {
            return Optional.empty();
        }
        return CaseNumber.parse(page.body().path("payload").path("custom_details").path("case").asText(""))
                .map(CaseNumber::sequence);
    }

    private static Set<Long> pagedCases(List<PagerSink.Page> pages) {
        Set<Long> paged = new HashSet<>();
        pages.forEach(page -> breachPageCase(page).ifPresent(paged::add));
        return paged;
    }

    private EndToEndResult result(Opened opened, Set<Long> cases, BreachWatcher breaches, List<PagerSink.Page> pages,
            double startSeconds) {
        Histogram firstPage = Latency.newHistogram();
        Histogram everyPage = Latency.newHistogram();
        Histogram breachVisible = Latency.newHistogram();
        Map<Long, Long> firstPageAt = new HashMap<>();
        Map<String, Integer> pagesPerCaseAndRecipient = new HashMap<>();
        Map<String, Long> pagesPerRecipient = new LinkedHashMap<>();
        long notOurs = 0;
        for (PagerSink.Page page : pages) {
            Optional<Long> sequence = breachPageCase(page);
            if (sequence.isEmpty()) {
                continue;
            }
            if (!cases.contains(sequence.get())) {
                notOurs++;
                continue;
            }
            BreachWatcher.Seen breach = breaches.seen(sequence.get());
            long receivedAt = page.receivedAt().toEpochMilli();
            if (breach != null) {
                Latency.recordMillis(everyPage, receivedAt - breach.deadlineMs());
            }
            firstPageAt.merge(sequence.get(), receivedAt, Math::min);
            pagesPerCaseAndRecipient.merge(sequence.get() + "/" + page.routingKey(), 1, Integer::sum);
            pagesPerRecipient.merge(page.routingKey(), 1L, Long::sum);
        }
        long missingBreach = 0;
        // Cases in deadline order: the first and second half's lags show whether a backlog built up during the run.
        Histogram earlierHalf = Latency.newHistogram();
        Histogram laterHalf = Latency.newHistogram();
        List<Long> byDeadline = cases.stream().filter(sequence -> breaches.seen(sequence) != null)
                .sorted(java.util.Comparator.comparingLong(sequence -> breaches.seen(sequence).deadlineMs())).toList();
        for (long sequence : cases) {
            BreachWatcher.Seen breach = breaches.seen(sequence);
            if (breach == null) {
                missingBreach++;
                continue;
            }
            Latency.recordMillis(breachVisible, breach.seenAtMs() - breach.deadlineMs());
            Long paged = firstPageAt.get(sequence);
            if (paged != null) {
                Latency.recordMillis(firstPage, paged - breach.deadlineMs());
                boolean earlier = byDeadline.indexOf(sequence) < byDeadline.size() / 2;
                Latency.recordMillis(earlier ? earlierHalf : laterHalf, paged - breach.deadlineMs());
            }
        }
        long unpaged = cases.stream().filter(sequence -> !firstPageAt.containsKey(sequence)).count();
        long duplicates = pagesPerCaseAndRecipient.values().stream().filter(count -> count > 1).count();
        long breachedTwice = cases.stream().map(breaches::seen).filter(seen -> seen != null && seen.count() > 1).count();
        return new EndToEndResult(endToEnd.ratePerSecond(), endToEnd.duration().toMillis() / 1000.0,
                endToEnd.target().toMillis() / 1000.0, startSeconds, opened.requests(), opened.statuses(), opened.sampleFailure(),
                cases.size(), Latency.of(firstPage), Latency.of(earlierHalf), Latency.of(laterHalf), Latency.of(everyPage),
                Latency.of(breachVisible), pagesPerRecipient,
                unpaged, missingBreach, breachedTwice, duplicates, notOurs, settings.size() == BenchmarkSettings.Size.FULL);
    }
}
