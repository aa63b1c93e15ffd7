package io.supportsla.benchmarks.timers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * sla-service as its own JVM from its executable jar, as it runs in production: a heap limit of its
 * own ({@code -Xmx}), its output in a log file, stopped with SIGTERM (graceful) or SIGKILL (crash).
 * Read through its actuator endpoints and {@code /proc}.
 */
final class SlaServiceProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /**
     * How to start it.
     *
     * @param jar the executable jar
     * @param heap the {@code -Xmx} value, e.g. {@code 1g}
     * @param jvmOptions further JVM options (a JFR recording)
     * @param settings Spring properties, passed as {@code --key=value}
     * @param log where its output goes (appended)
     */
    record Launch(Path jar, String heap, List<String> jvmOptions, Map<String, String> settings, int port, Path log) {
    }

    private final Launch launch;
    private final Process process;

    private SlaServiceProcess(Launch launch, Process process) {
        this.launch = launch;
        this.process = process;
    }

    static SlaServiceProcess start(Launch launch) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + launch.heap());
        // An out-of-memory error ends the process, so the benchmark sees it instead of a half-working service.
        command.add("-XX:+ExitOnOutOfMemoryError");
        command.addAll(launch.jvmOptions());
        command.add("-jar");
        command.add(launch.jar().toString());
        command.add("--server.port=" + launch.port());
        launch.settings().forEach((key, value) -> command.add("--" + key + "=" + value));
        try {
            Files.createDirectories(launch.log().getParent());
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(launch.log().toFile()))
                    .start();
            return new SlaServiceProcess(launch, process);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start sla-service from " + launch.jar(), e);
        }
    }

    /** A port nobody listens on now. */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Launch launch() {
        return launch;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Waits until readiness answers 200; fails (naming the log) if the process exits or the time runs out. */
    void awaitReady(Duration timeout) {
        long giveUp = System.nanoTime() + timeout.toNanos();
        HttpRequest request = HttpRequest.newBuilder(uri("/actuator/health/readiness")).timeout(Duration.ofSeconds(2)).build();
        while (System.nanoTime() < giveUp) {
            if (!process.isAlive()) {
                throw new IllegalStateException("sla-service exited with " + process.exitValue() + " while starting; see "
                        + launch.log());
            }
            try {
                if (HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted waiting for sla-service", e);
            }
            try {
                // Waiting on the process doubles as the pause between probes, and returns at once if it dies.
                process.waitFor(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted waiting for sla-service", e);
            }
        }
        throw new IllegalStateException("sla-service was not ready within " + timeout + "; see " + launch.log());
    }

    /** The Prometheus scrape, summed by metric name and the given label (e.g. area=heap); absent metrics are 0. */
    Metrics metrics() {
        try {
            HttpRequest request = HttpRequest.newBuilder(uri("/actuator/prometheus")).timeout(Duration.ofSeconds(10)).build();
            return new Metrics(HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot scrape sla-service", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The resident set size (heap, RocksDB's native memory, code, threads), from {@code /proc}; -1 if unknown. */
    long residentBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or the process is gone
        }
        return -1;
    }

    /** Asks the JVM for a full collection ({@code jcmd <pid> GC.run}), so heap figures show live data. */
    void collectGarbage() {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        try {
            Process gc = new ProcessBuilder(jcmd.toString(), Long.toString(pid()), "GC.run")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!gc.waitFor(60, TimeUnit.SECONDS)) {
                gc.destroyForcibly();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run " + jcmd, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** SIGTERM, then waits for the process to end (SIGKILL after the timeout). */
    void stopGracefully(Duration timeout) {
        process.destroy();
        awaitExit(timeout);
    }

    /** SIGKILL: a crash, nothing is closed. */
    void kill() {
        process.destroyForcibly();
        awaitExit(Duration.ofSeconds(30));
    }

    private void awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + launch.port() + path);
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            stopGracefully(Duration.ofSeconds(60));
        }
    }

    /** A Prometheus text exposition, read by metric name and one label. */
    static final class Metrics {

        private final String text;

        Metrics(String text) {
            this.text = text;
        }

        /** The sum of every sample of the metric whose labels contain {@code label} (null: every sample). */
        double sum(String metric, String label) {
            double sum = 0;
            for (String line : text.split("\n")) {
                if (line.startsWith("#") || !(line.startsWith(metric + "{") || line.startsWith(metric + " "))) {
                    continue;
                }
                if (label != null && !line.contains(label)) {
                    continue;
                }
                String value = line.substring(line.lastIndexOf(' ') + 1);
                try {
                    sum += Double.parseDouble(value);
                } catch (NumberFormatException e) {
                    // NaN or a malformed sample: skip it
                }
            }
            return sum;
        }
    }
}
