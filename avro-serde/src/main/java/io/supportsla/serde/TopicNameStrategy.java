package io.supportsla.serde;

import org.apache.kafka.common.errors.SerializationException;

/** Confluent's default subject naming: {@code <topic>-key} for keys, {@code <topic>-value} for values. */
final class TopicNameStrategy {

    private TopicNameStrategy() {}

    static String subject(String topic, boolean isKey) {
        if (topic == null || topic.isEmpty()) {
            throw new SerializationException("A topic is needed to name the schema subject (TopicNameStrategy)");
        }
        return topic + (isKey ? "-key" : "-value");
    }
}
