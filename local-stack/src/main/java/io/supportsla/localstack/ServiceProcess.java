package io.supportsla.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One platform service running as its own JVM from its executable jar, with its output appended
 * to a log file, as it would run in production: {@code java -jar <jar> --server.port=<port>
 * --key=value...} with the given environment. Stopped with SIGTERM so Spring closes it
 * gracefully (Kafka Streams commits and closes its state stores), killed only if that takes longer
 * than {@link #STOP_TIMEOUT}.
 */
public final class ServiceProcess implements AutoCloseable {

    /** How long a service may take to stop gracefully before it is killed. */
    public static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int port;
    private final Process process;
    private final Path log;

    private ServiceProcess(String name, int port, Process process, Path log) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
    }

    /**
     * Starts the jar and returns at once; see {@link #awaitReady}.
     *
     * @param port the HTTP port, a real one: the services advertise it to each other and in links
     * @param jvmOptions options of the JVM, e.g. {@code -Xmx512m}
     * @param settings Spring settings passed as {@code --key=value}, after {@code --server.port}
     * @param logDirectory where {@code <name>.log} is appended to
     */
    public static ServiceProcess start(String name, Path jar, int port, List<String> jvmOptions,
            Map<String, String> environment, Map<String, String> settings, Path logDirectory) throws IOException {
        Files.createDirectories(logDirectory);
        Path log = logDirectory.resolve(name + ".log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        command.add("--server.port=" + port);
        settings.forEach((key, value) -> command.add("--" + key + "=" + value));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        Process process = builder
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        return new ServiceProcess(name, port, process, log);
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public String url() {
        return "http://localhost:" + port;
    }

    public Path log() {
        return log;
    }

    public long pid() {
        return process.pid();
    }

    /** Waits until {@code /actuator/health/readiness} answers 200, or the process exits, or the time runs out. */
    public boolean awaitReady(Duration timeout) {
        Instant giveUp = Instant.now().plus(timeout);
        while (Instant.now().isBefore(giveUp) && process.isAlive()) {
            if (answersReady()) {
                return true;
            }
            try {
                process.waitFor(500, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    /** Whether {@code /actuator/health/readiness} answers 200 now (false if it does not answer at all). */
    public boolean answersReady() {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url() + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(2)).build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Stops the service (SIGTERM, then SIGKILL after {@link #STOP_TIMEOUT}) and waits until it has exited. */
    public void stop() {
        end(process, false);
    }

    /**
     * Kills the service by its PID (SIGKILL: no shutdown hook, no commit, no clean close of its
     * state), as a crash or an out-of-memory kill would, and waits until the process has exited.
     */
    public void kill() {
        end(process, true);
    }

    /**
     * Ends a process, with SIGKILL or with SIGTERM followed by SIGKILL after {@link #STOP_TIMEOUT},
     * and waits until it has exited.
     */
    static void end(Process process, boolean kill) {
        if (kill) {
            process.destroyForcibly();
        } else {
            process.destroy();
        }
        try {
            if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop();
    }
}
