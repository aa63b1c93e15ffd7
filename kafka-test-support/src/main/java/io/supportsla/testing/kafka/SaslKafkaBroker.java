package io.supportsla.testing.kafka;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * An in-JVM KRaft broker whose client listener accepts only {@code SASL_PLAINTEXT} with the
 * {@code PLAIN} mechanism, for one user and password (plus the broker's own inter-broker user):
 * for tests that a service reaches a secured cluster through configuration alone. Clients use
 * {@link #clientProperties()}; a wrong password fails authentication. Always embedded, whatever
 * {@code kafka.test.broker} says: the point is the listener, not the packaging.
 */
public final class SaslKafkaBroker implements KafkaBroker {

    /** The mechanism of the listener; the only one enabled. */
    public static final String MECHANISM = "PLAIN";
    public static final String SECURITY_PROTOCOL = "SASL_PLAINTEXT";

    /** The name the KRaft test kit gives the client listener; it is mapped to SASL_PLAINTEXT here. */
    private static final String LISTENER = "EXTERNAL";

    private final String user;
    private final String password;
    private final EmbeddedKafkaKraftBroker broker;

    SaslKafkaBroker(String user, String password) {
        if (user == null || user.isBlank() || password == null || password.isEmpty()) {
            throw new IllegalArgumentException("a SASL user and password are required");
        }
        if (user.contains("\"") || password.contains("\"")) {
            throw new IllegalArgumentException("the SASL user and password must not contain double quotes");
        }
        this.user = user;
        this.password = password;
        String brokerPassword = UUID.randomUUID().toString();
        Map<String, String> settings = new HashMap<>(EmbeddedKraftBroker.SINGLE_NODE_SETTINGS);
        settings.put("listener.security.protocol.map", LISTENER + ":" + SECURITY_PROTOCOL + ",CONTROLLER:PLAINTEXT");
        settings.put("sasl.enabled.mechanisms", MECHANISM);
        settings.put("sasl.mechanism.inter.broker.protocol", MECHANISM);
        // The broker's own login (inter-broker), and the users it accepts: user_<name>="<password>".
        settings.put("listener.name." + LISTENER.toLowerCase() + ".plain.sasl.jaas.config",
                "org.apache.kafka.common.security.plain.PlainLoginModule required"
                        + " username=\"broker\" password=\"" + brokerPassword + "\""
                        + " user_broker=\"" + brokerPassword + "\""
                        + " user_" + user + "=\"" + password + "\";");
        broker = new EmbeddedKafkaKraftBroker(1, 1);
        broker.brokerProperties(settings);
        broker.afterPropertiesSet();
    }

    /** The user the listener accepts. */
    public String user() {
        return user;
    }

    /** Client settings (Kafka's own keys) that authenticate as the broker's user. */
    public Map<String, String> clientProperties() {
        return clientProperties(user, password);
    }

    /** Client settings that authenticate as this user and password, right or wrong. */
    public static Map<String, String> clientProperties(String user, String password) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("security.protocol", SECURITY_PROTOCOL);
        properties.put("sasl.mechanism", MECHANISM);
        properties.put("sasl.jaas.config", jaasConfig(user, password));
        return properties;
    }

    /** The client's JAAS line for the PLAIN mechanism. */
    public static String jaasConfig(String user, String password) {
        return "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + user
                + "\" password=\"" + password + "\";";
    }

    @Override
    public String bootstrapServers() {
        return broker.getBrokersAsString();
    }

    @Override
    public String kind() {
        return "embedded KRaft broker with a SASL_PLAINTEXT (PLAIN) listener";
    }

    @Override
    public Properties adminProperties() {
        Properties properties = KafkaBroker.super.adminProperties();
        properties.putAll(clientProperties());
        return properties;
    }

    @Override
    public void close() {
        broker.destroy();
    }
}
