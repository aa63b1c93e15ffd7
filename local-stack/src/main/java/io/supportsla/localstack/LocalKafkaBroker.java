package io.supportsla.localstack;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;

/**
 * A real single-node Kafka broker in KRaft mode (broker and controller in one), running in this
 * JVM with its data in a directory of its own, so cases and timers survive a restart of the
 * local stack. Formats the directory on first use. Port 0 picks free ports for the broker and its
 * controller.
 */
public final class LocalKafkaBroker implements AutoCloseable {

    private final KafkaRaftServer server;
    private final int port;

    private LocalKafkaBroker(KafkaRaftServer server, int port) {
        this.server = server;
        this.port = port;
    }

    /** Starts the broker on {@code port} (0: a free one) with its controller on the next port (or a free one). */
    public static LocalKafkaBroker start(Path dataDirectory, int requestedPort) {
        int port = FreePorts.resolve(requestedPort);
        return start(dataDirectory, port, requestedPort == 0 ? FreePorts.pick() : port + 1);
    }

    /** Starts the broker on {@code port} with its controller on {@code controllerPort} (both real ports). */
    public static LocalKafkaBroker start(Path dataDirectory, int port, int controllerPort) {
        Path logDirectory = dataDirectory.toAbsolutePath();
        Properties properties = new Properties();
        properties.put("process.roles", "broker,controller");
        properties.put("node.id", "1");
        properties.put("controller.quorum.voters", "1@localhost:" + controllerPort);
        properties.put("listeners", "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
        properties.put("advertised.listeners", "PLAINTEXT://localhost:" + port);
        properties.put("controller.listener.names", "CONTROLLER");
        properties.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        properties.put("inter.broker.listener.name", "PLAINTEXT");
        properties.put("log.dirs", logDirectory.toString());
        properties.put("num.partitions", "3");
        properties.put("offsets.topic.replication.factor", "1");
        properties.put("transaction.state.log.replication.factor", "1");
        properties.put("transaction.state.log.min.isr", "1");
        properties.put("share.coordinator.state.topic.replication.factor", "1");
        properties.put("share.coordinator.state.topic.min.isr", "1");
        properties.put("group.initial.rebalance.delay.ms", "0");
        properties.put("auto.create.topics.enable", "true");
        KafkaConfig config = KafkaConfig.fromProps(properties, false);

        formatIfNew(logDirectory);
        KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
        server.startup();
        return new LocalKafkaBroker(server, port);
    }

    private static void formatIfNew(Path logDirectory) {
        if (Files.exists(logDirectory.resolve("meta.properties"))) {
            return;
        }
        try {
            Files.createDirectories(logDirectory);
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setClusterId(Uuid.randomUuid().toString())
                    .setNodeId(1)
                    .setControllerListenerName("CONTROLLER")
                    .setMetadataLogDirectory(logDirectory.toString())
                    .setDirectories(List.of(logDirectory.toString()))
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .run();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create Kafka data directory " + logDirectory, e);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot format Kafka data directory " + logDirectory + ": " + e.getMessage(), e);
        }
    }

    /**
     * Runs a broker as a process of its own ({@link BrokerProcess}), until the process is stopped:
     * {@code <data directory> <port> <controller port>}. SIGTERM shuts it down cleanly.
     */
    public static void main(String[] args) {
        if (args.length != 3) {
            System.err.println("usage: LocalKafkaBroker <data directory> <port> <controller port>");
            System.exit(2);
        }
        LocalKafkaBroker broker = start(Path.of(args[0]), Integer.parseInt(args[1]), Integer.parseInt(args[2]));
        Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "local-kafka-broker-shutdown"));
        System.out.println("Kafka broker listening on " + broker.bootstrapServers());
        broker.server.awaitShutdown();
    }

    public String bootstrapServers() {
        return "localhost:" + port;
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }
}
