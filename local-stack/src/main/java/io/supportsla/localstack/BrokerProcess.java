package io.supportsla.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/**
 * A {@link LocalKafkaBroker} in a JVM of its own, so that a test can take the broker away from
 * running services and give it back, as an outage would: {@link #stop()} (SIGTERM, a clean
 * shutdown), {@link #kill()} (SIGKILL) and {@link #start()} again on the same ports with the same
 * data. Runs on this JVM's class path, which must hold {@code local-stack} and its Kafka jars.
 */
public final class BrokerProcess implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

    private final Path dataDirectory;
    private final Path log;
    private final int port;
    private final int controllerPort;
    private Process process;

    private BrokerProcess(Path dataDirectory, Path log, int port, int controllerPort) {
        this.dataDirectory = dataDirectory;
        this.log = log;
        this.port = port;
        this.controllerPort = controllerPort;
    }

    /**
     * Starts a broker with its data in {@code dataDirectory} on free ports, and waits until it
     * answers; its output is appended to {@code <logDirectory>/kafka-broker.log}.
     */
    public static BrokerProcess start(Path dataDirectory, Path logDirectory) throws IOException {
        Files.createDirectories(logDirectory);
        BrokerProcess broker = new BrokerProcess(dataDirectory.toAbsolutePath(), logDirectory.resolve("kafka-broker.log"),
                FreePorts.pick(), FreePorts.pick());
        broker.start();
        return broker;
    }

    public String bootstrapServers() {
        return "localhost:" + port;
    }

    public Path log() {
        return log;
    }

    public synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** Starts the broker again (same ports, same data) and waits until it answers a metadata request. */
    public synchronized void start() throws IOException {
        if (isAlive()) {
            throw new IllegalStateException("The broker is running already (pid " + process.pid() + ")");
        }
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                LocalKafkaBroker.class.getName(), dataDirectory.toString(), Integer.toString(port),
                Integer.toString(controllerPort));
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        awaitReady();
    }

    /** Stops the broker cleanly (SIGTERM) and waits until its process has exited. */
    public synchronized void stop() {
        end(false);
    }

    /** Kills the broker (SIGKILL) and waits until its process has exited. */
    public synchronized void kill() {
        end(true);
    }

    private void end(boolean kill) {
        if (process != null) {
            ServiceProcess.end(process, kill);
        }
    }

    private void awaitReady() {
        Instant giveUp = Instant.now().plus(READY_TIMEOUT);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2_000))) {
            while (true) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("The Kafka broker exited at start-up (code " + process.exitValue()
                            + "); see " + log);
                }
                try {
                    admin.describeCluster(new DescribeClusterOptions().timeoutMs(2_000)).nodes().get(3, TimeUnit.SECONDS);
                    return;
                } catch (ExecutionException | TimeoutException e) {
                    if (Instant.now().isAfter(giveUp)) {
                        throw new IllegalStateException("The Kafka broker did not answer within " + READY_TIMEOUT
                                + "; see " + log, e);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while the Kafka broker started", e);
        }
    }

    @Override
    public synchronized void close() {
        stop();
    }

    /** For messages: where the broker keeps its data. */
    @Override
    public String toString() {
        return "Kafka broker " + bootstrapServers() + " (data " + dataDirectory + ", log " + log + ")";
    }
}
