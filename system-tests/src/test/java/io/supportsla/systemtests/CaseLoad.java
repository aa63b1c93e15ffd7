package io.supportsla.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A steady stream of SEV1 cases through intake's {@code POST /cases}, as a customer portal sends
 * them: each submission has an {@code Idempotency-Key} of its own (also in its title, so its
 * {@code CaseCreated} can be found), and is sent again with the same key after no answer, a 503,
 * a 409 or a 429 (after {@code Retry-After}, at most {@link #MAX_RETRY_WAIT}) until it is answered
 * 201 or a 4xx, or {@link #RETRY_WINDOW} has passed. Every attempt is recorded with the phase of
 * the test it was sent in. Pacing and retries are scheduled, never slept.
 */
final class CaseLoad implements AutoCloseable {

    /** How long a submission is retried for before the portal gives up on it. */
    static final Duration RETRY_WINDOW = Duration.ofMinutes(3);
    /** The longest a retry waits, whatever {@code Retry-After} says. */
    static final Duration MAX_RETRY_WAIT = Duration.ofSeconds(5);
    /** Longer than intake's own bound on a publish (max-block + delivery timeout: 15 s). */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(25);
    private static final String TITLE_PREFIX = "Load ";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What one attempt got back. */
    enum Answer {
        /** 201: the case is on the broker. */
        CREATED,
        /** 503: intake could not publish it. */
        UNAVAILABLE,
        /** 409 or 429: try again later. */
        TRY_LATER,
        /** No HTTP answer at all: connection refused or reset, or the request timed out. */
        NO_ANSWER,
        /** Any other 4xx: the submission is refused, not retried. */
        REFUSED,
        /** Any other 5xx: a defect. */
        SERVER_ERROR
    }

    record Attempt(Instant sentAt, String phase, Answer answer, int status, String detail) {
    }

    /** One case the portal wants opened, and what became of it. */
    static final class Submission {

        private final String key;
        private final String customerId;
        private final String helpdeskKey;
        private final String phase;
        private final Instant firstSentAt;
        private final List<Attempt> attempts = new CopyOnWriteArrayList<>();
        private volatile String caseNumber;
        private volatile boolean concluded;

        private Submission(String key, String customerId, String helpdeskKey, String phase, Instant firstSentAt) {
            this.key = key;
            this.customerId = customerId;
            this.helpdeskKey = helpdeskKey;
            this.phase = phase;
            this.firstSentAt = firstSentAt;
        }

        /**
         * For tests ({@link LoadAuditTest}): a concluded submission as the load would have recorded it,
         * never sent. {@code caseNumber} is the case number of its 201, or null if it was never answered
         * 201; the first attempt gives its phase and when it was first sent.
         */
        static Submission concluded(String key, String customerId, String caseNumber, List<Attempt> attempts) {
            Attempt first = attempts.get(0);
            Submission submission = new Submission(key, customerId,
                    "acme".equals(customerId) ? PlatformApi.ACME_HELPDESK : PlatformApi.NORTHWIND_HELPDESK,
                    first.phase(), first.sentAt());
            submission.attempts.addAll(attempts);
            submission.caseNumber = caseNumber;
            submission.concluded = true;
            return submission;
        }

        String key() {
            return key;
        }

        /** The phase the submission was first sent in. */
        String phase() {
            return phase;
        }

        Instant firstSentAt() {
            return firstSentAt;
        }

        List<Attempt> attempts() {
            return List.copyOf(attempts);
        }

        /** The case number of the 201, if it was answered 201. */
        Optional<String> caseNumber() {
            return Optional.ofNullable(caseNumber);
        }

        boolean concluded() {
            return concluded;
        }

        boolean answered(Answer answer) {
            return attempts.stream().anyMatch(attempt -> attempt.answer() == answer);
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "case-load");
        thread.setDaemon(true);
        return thread;
    });
    private final String casesUrl;
    private final double casesPerSecond;
    private final List<Submission> submissions = new CopyOnWriteArrayList<>();
    private final AtomicLong sequence = new AtomicLong();
    private final List<String> phases = new CopyOnWriteArrayList<>(List.of("warm-up"));
    private volatile String phase = "warm-up";
    private volatile boolean sending;

    CaseLoad(String intakeUrl, double casesPerSecond) {
        this.casesUrl = intakeUrl + "/api/v1/cases";
        this.casesPerSecond = casesPerSecond;
    }

    /** The title a submission's case gets: it names the idempotency key. */
    static String title(String idempotencyKey) {
        return TITLE_PREFIX + idempotencyKey;
    }

    /** The idempotency key named in a case title of this load, if it is one. */
    static Optional<String> keyOf(String title) {
        return title.startsWith(TITLE_PREFIX) ? Optional.of(title.substring(TITLE_PREFIX.length())) : Optional.empty();
    }

    /** Starts sending new submissions at the configured rate. */
    void start() {
        sending = true;
        long periodMicros = Math.round(1_000_000 / casesPerSecond);
        scheduler.scheduleAtFixedRate(this::submitNext, 0, periodMicros, TimeUnit.MICROSECONDS);
    }

    /** Labels the attempts sent from now on. */
    void phase(String name) {
        phases.add(name);
        this.phase = name;
    }

    String phase() {
        return phase;
    }

    /** Sends no new submissions; those under way are still retried until they conclude. */
    void stopSending() {
        sending = false;
    }

    /** Whether every submission has concluded (201, refused, or given up on). */
    boolean settled() {
        return !sending && submissions.stream().allMatch(Submission::concluded);
    }

    List<Submission> submissions() {
        return List.copyOf(submissions);
    }

    /** Attempts per phase (in the order of the phases) and answer, for the report. */
    Map<String, Map<Answer, Long>> answersByPhase() {
        Map<String, Map<Answer, Long>> answers = new LinkedHashMap<>();
        phases.forEach(name -> answers.put(name, new TreeMap<>()));
        for (Submission submission : submissions) {
            for (Attempt attempt : submission.attempts()) {
                answers.computeIfAbsent(attempt.phase(), name -> new TreeMap<>()).merge(attempt.answer(), 1L, Long::sum);
            }
        }
        return Collections.unmodifiableMap(answers);
    }

    private void submitNext() {
        if (!sending) {
            return;
        }
        long n = sequence.incrementAndGet();
        // Acme (EMEA) through its own helpdesk, globex (AMER, closed today in these tests: a call-out) through Northwind.
        boolean acme = n % 2 == 1;
        Submission submission = new Submission(UUID.randomUUID().toString(), acme ? "acme" : "globex",
                acme ? PlatformApi.ACME_HELPDESK : PlatformApi.NORTHWIND_HELPDESK, phase, Instant.now());
        submissions.add(submission);
        send(submission);
    }

    private void send(Submission submission) {
        String attemptPhase = phase;
        Instant sentAt = Instant.now();
        HttpRequest request = HttpRequest.newBuilder(URI.create(casesUrl))
                .timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + submission.helpdeskKey)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", submission.key)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body(submission)))
                .build();
        http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) -> {
            if (failure != null) {
                submission.attempts.add(new Attempt(sentAt, attemptPhase, Answer.NO_ANSWER, 0, failure.toString()));
                retryOrGiveUp(submission, Duration.ofSeconds(1));
                return;
            }
            int status = response.statusCode();
            Answer answer = answer(status);
            submission.attempts.add(new Attempt(sentAt, attemptPhase, answer, status, answer == Answer.CREATED ? "" : response.body()));
            switch (answer) {
                case CREATED -> {
                    submission.caseNumber = caseNumber(response.body());
                    submission.concluded = true;
                }
                case REFUSED -> submission.concluded = true;
                default -> retryOrGiveUp(submission, retryAfter(response));
            }
        });
    }

    private void retryOrGiveUp(Submission submission, Duration wait) {
        if (Instant.now().plus(wait).isAfter(submission.firstSentAt.plus(RETRY_WINDOW)) || scheduler.isShutdown()) {
            submission.concluded = true;
            return;
        }
        scheduler.schedule(() -> send(submission), wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static Answer answer(int status) {
        return switch (status) {
            case 201 -> Answer.CREATED;
            case 503 -> Answer.UNAVAILABLE;
            case 409, 429 -> Answer.TRY_LATER;
            default -> status >= 500 ? Answer.SERVER_ERROR : Answer.REFUSED;
        };
    }

    private static Duration retryAfter(HttpResponse<String> response) {
        Duration wait = response.headers().firstValue("Retry-After")
                .flatMap(value -> {
                    try {
                        return Optional.of(Duration.ofSeconds(Long.parseLong(value.strip())));
                    } catch (NumberFormatException e) {
                        return Optional.empty();
                    }
                })
                .orElse(Duration.ofSeconds(1));
        return wait.compareTo(MAX_RETRY_WAIT) > 0 ? MAX_RETRY_WAIT : wait;
    }

    private static byte[] body(Submission submission) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("customerId", submission.customerId);
        body.put("severity", "SEV1");
        body.put("category", "ALL_USERS_CANNOT_CONNECT");
        body.put("title", title(submission.key));
        body.put("description", "Filed by the crash and outage tests under load.");
        try {
            return JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String caseNumber(String body) {
        try {
            JsonNode created = JSON.readTree(body);
            return created.path("caseNumber").asText(null);
        } catch (IOException e) {
            throw new UncheckedIOException("201 with a body that is not JSON: " + body, e);
        }
    }

    /** All attempts, in the order sent. */
    List<Attempt> attempts() {
        List<Attempt> all = new ArrayList<>();
        submissions.forEach(submission -> all.addAll(submission.attempts()));
        all.sort(java.util.Comparator.comparing(Attempt::sentAt));
        return all;
    }

    @Override
    public void close() {
        sending = false;
        scheduler.shutdownNow();
    }
}
