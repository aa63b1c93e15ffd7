package io.supportsla.benchmarks.intake;

import io.supportsla.benchmarks.CaseRecords;
import io.supportsla.benchmarks.report.Latency;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Closed-loop HTTP load: {@code clients} threads (a fixed pool, one connection each), each posting
 * a new case as soon as its previous one is answered, for a warm-up and then a measured window.
 * Latency is recorded for requests started inside the window (HdrHistogram, microseconds) and
 * throughput counts the cases created (201) inside it. Being closed-loop, it measures how fast the
 * service answers at this concurrency, not the latency of a fixed arrival rate: a slow answer
 * delays the next request of its client instead of queueing behind it.
 */
final class CaseLoad {

    /** No client sends more than this many requests, however fast the service answers. */
    private static final int MAX_REQUESTS_PER_CLIENT = 5_000_000;
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    /**
     * What the load saw.
     *
     * @param requests every request sent, warm-up included
     * @param createdInWindow 201 answers received inside the measured window
     * @param windowSeconds the measured window's length
     * @param latency latency of the requests started inside the window
     * @param statuses how many answers of each HTTP status (warm-up included); -1 counts requests that got no answer
     * @param createdCaseNumbers the case numbers of every 201's {@code Location}, in no particular order
     * @param sampleFailure one failure (status and body, or exception), to say what went wrong
     */
    record Outcome(long requests, long createdInWindow, double windowSeconds, Latency latency, Map<Integer, Long> statuses,
                   List<String> createdCaseNumbers, String sampleFailure) {

        double createdPerSecond() {
            return createdInWindow / windowSeconds;
        }

        long count(int status) {
            return statuses.getOrDefault(status, 0L);
        }
    }

    private CaseLoad() {
    }

    static Outcome run(URI casesUri, int clients, Duration warmup, Duration measure) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        long start = System.nanoTime();
        long windowStart = start + warmup.toNanos();
        long windowEnd = windowStart + measure.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(clients, runnable -> {
            Thread thread = new Thread(runnable, "intake-load-client");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<ClientResult>> futures = new ArrayList<>();
            for (int client = 0; client < clients; client++) {
                int id = client;
                futures.add(pool.submit(() -> runClient(http, casesUri, id, windowStart, windowEnd)));
            }
            Histogram latency = Latency.newHistogram();
            Map<Integer, Long> statuses = new TreeMap<>();
            List<String> numbers = new ArrayList<>();
            long requests = 0;
            long createdInWindow = 0;
            String sampleFailure = null;
            for (Future<ClientResult> future : futures) {
                ClientResult result = future.get(warmup.plus(measure).plus(REQUEST_TIMEOUT).plusSeconds(30).toMillis(),
                        TimeUnit.MILLISECONDS);
                latency.add(result.latency);
                result.statuses.forEach((status, count) -> statuses.merge(status, count, Long::sum));
                numbers.addAll(result.caseNumbers);
                requests += result.requests;
                createdInWindow += result.createdInWindow;
                if (sampleFailure == null) {
                    sampleFailure = result.sampleFailure;
                }
            }
            return new Outcome(requests, createdInWindow, measure.toNanos() / 1e9, Latency.of(latency), statuses, numbers,
                    sampleFailure);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("A load client failed: " + e, e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static final class ClientResult {
        final Histogram latency = Latency.newHistogram();
        final Map<Integer, Long> statuses = new TreeMap<>();
        final List<String> caseNumbers = new ArrayList<>();
        long requests;
        long createdInWindow;
        String sampleFailure;
    }

    private static ClientResult runClient(HttpClient http, URI casesUri, int client, long windowStart, long windowEnd) {
        ClientResult result = new ClientResult();
        for (int i = 0; i < MAX_REQUESTS_PER_CLIENT && System.nanoTime() < windowEnd; i++) {
            HttpRequest request = HttpRequest.newBuilder(casesUri)
                    .timeout(REQUEST_TIMEOUT)
                    .header("Authorization", "Bearer " + CaseRecords.ACME_HELPDESK_KEY)
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(CaseRecords.requestBody("Benchmark case " + client + "-" + i)))
                    .build();
            long sent = System.nanoTime();
            int status;
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                status = response.statusCode();
                if (status == 201) {
                    String location = response.headers().firstValue("Location").orElse("");
                    result.caseNumbers.add(location.substring(location.lastIndexOf('/') + 1));
                } else if (result.sampleFailure == null) {
                    result.sampleFailure = status + " " + response.body();
                }
            } catch (IOException e) {
                status = -1;
                if (result.sampleFailure == null) {
                    result.sampleFailure = e.toString();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            long answered = System.nanoTime();
            result.requests++;
            result.statuses.merge(status, 1L, Long::sum);
            if (sent >= windowStart && sent < windowEnd) {
                result.latency.recordValue(Math.min((answered - sent) / 1_000, Latency.HIGHEST_TRACKABLE_MICROS));
            }
            if (status == 201 && answered >= windowStart && answered < windowEnd) {
                result.createdInWindow++;
            }
        }
        return result;
    }
}
