package io.supportsla.testing.kafka;

import java.util.Map;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/** The in-JVM KRaft broker of spring-kafka-test, set up for exactly-once on a one-broker cluster. */
final class EmbeddedKraftBroker implements KafkaBroker {

    /** Broker settings a single-node cluster needs for transactions and fast consumer-group joins. */
    static final Map<String, String> SINGLE_NODE_SETTINGS = Map.of(
            "transaction.state.log.replication.factor", "1",
            "transaction.state.log.min.isr", "1",
            "offsets.topic.replication.factor", "1",
            "group.initial.rebalance.delay.ms", "0",
            "auto.create.topics.enable", "true");

    private final EmbeddedKafkaKraftBroker broker;

    EmbeddedKraftBroker() {
        broker = new EmbeddedKafkaKraftBroker(1, 1);
        broker.brokerProperties(SINGLE_NODE_SETTINGS);
        broker.afterPropertiesSet();
    }

    @Override
    public String bootstrapServers() {
        return broker.getBrokersAsString();
    }

    @Override
    public String kind() {
        return "embedded KRaft broker";
    }

    @Override
    public void close() {
        broker.destroy();
    }
}
