package io.supportsla.notification.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.supportsla.registry.EmbeddedSchemaRegistry;
import io.supportsla.schemas.Topics;
import io.supportsla.serde.KafkaAvroSerializer;
import io.supportsla.testing.kafka.KafkaBroker;
import io.supportsla.testing.kafka.KafkaBrokers;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.avro.specific.SpecificRecord;

/**
 * Everything around the service in integration tests, started once per JVM: the shared Kafka
 * broker with the platform's topics, the real schema registry, GreenMail as the SMTP server (which
 * tests may stop and start again on the same port), a pager gateway stub, and a watcher of what the
 * service publishes.
 */
public final class NotificationTestEnvironment {

    public static final int CAUSE_PARTITIONS = 2;

    private static NotificationTestEnvironment shared;

    private final KafkaBroker broker;
    private final EmbeddedSchemaRegistry registry;
    private final int smtpPort;
    private volatile GreenMail mail;
    private final PagerStub pager;
    private final TopicWatcher watcher;
    private final KafkaProducer<String, byte[]> producer;
    private final KafkaAvroSerializer serializer = new KafkaAvroSerializer();

    private NotificationTestEnvironment() throws IOException {
        broker = KafkaBrokers.shared();
        for (String topic : List.of(Topics.CASE_EVENTS.name(), Topics.SLA_EVENTS.name(), Topics.ESCALATION_EVENTS.name(),
                Topics.NOTIFICATION_EVENTS.name())) {
            broker.createTopic(topic, CAUSE_PARTITIONS);
        }
        for (String topic : List.of(Topics.CASE_EVENTS.deadLetterTopic(), Topics.SLA_EVENTS.deadLetterTopic(),
                Topics.ESCALATION_EVENTS.deadLetterTopic())) {
            broker.createTopic(topic, 1);
        }
        registry = EmbeddedSchemaRegistry.start(broker.bootstrapServers(), 0);
        smtpPort = freePort();
        startMail();
        pager = new PagerStub();
        watcher = new TopicWatcher(broker.bootstrapServers(), registry.url());
        Map<String, Object> producerConfig = new HashMap<>();
        producerConfig.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        producerConfig.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        producerConfig.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        producer = new KafkaProducer<>(producerConfig);
        serializer.configure(Map.of("schema.registry.url", registry.url()), false);
    }

    public static synchronized NotificationTestEnvironment get() {
        if (shared == null) {
            try {
                shared = new NotificationTestEnvironment();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return shared;
    }

    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    public KafkaBroker broker() {
        return broker;
    }

    public PagerStub pager() {
        return pager;
    }

    public TopicWatcher published() {
        return watcher;
    }

    /** The Spring properties that point the service at this environment. */
    public List<String> serviceArguments() {
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.kafka.bootstrap-servers=" + broker.bootstrapServers(),
                "--spring.kafka.properties.schema.registry.url=" + registry.url(),
                "--spring.kafka.consumer.auto-offset-reset=earliest",
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + smtpPort,
                "--spring.mail.properties.mail.smtp.connectiontimeout=2000",
                "--spring.mail.properties.mail.smtp.timeout=5000",
                "--notification.pager.base-url=" + pager.baseUrl(),
                "--notification.pager.read-timeout=5s",
                "--notification.retry.max-attempts=4",
                "--notification.retry.initial-backoff=50ms",
                "--notification.retry.max-backoff=400ms",
                "--notification.retry.max-retry-after=5s",
                "--notification.kafka.topic-partitions=" + CAUSE_PARTITIONS,
                "--notification.kafka.transaction-id-prefix=notification-it-",
                "--notification.recipients.consulting-team.email=consulting-team@support.example.com",
                "--notification.recipients.hotline-on-call.pager-routing-key=rk-hotline-on-call",
                "--notification.recipients.on-duty-technicians.pager-routing-key=rk-on-duty-technicians",
                "--notification.recipients.consultants.consultant-jane=jane@support.example.com"));
        return arguments;
    }

    /** Publishes a record as the other services do (Confluent wire format), returning where it went. */
    public RecordMetadata publish(String topic, String key, SpecificRecord value) {
        return publishBytes(topic, key, serialize(topic, value));
    }

    public byte[] serialize(String topic, SpecificRecord value) {
        return serializer.serialize(topic, value);
    }

    public RecordMetadata publishBytes(String topic, String key, byte[] value) {
        try {
            return producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not publish to " + topic, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // --- SMTP ---

    public synchronized void startMail() {
        GreenMail server = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        mail = server;
    }

    /** Stops the SMTP server: connections are refused until {@link #startMail()}. */
    public synchronized void stopMail() {
        mail.stop();
    }

    /** The emails the current SMTP server received for this case (header X-Support-Case). */
    public List<MimeMessage> emails(String caseNumber) {
        return Arrays.stream(mail.getReceivedMessages()).filter(message -> caseNumber.equals(header(message, "X-Support-Case")))
                .toList();
    }

    public static String header(MimeMessage message, String name) {
        try {
            String[] values = message.getHeader(name);
            return values == null ? null : values[0];
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    static String utf8(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }
}
