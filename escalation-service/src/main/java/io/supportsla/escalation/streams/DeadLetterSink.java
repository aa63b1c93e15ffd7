package io.supportsla.escalation.streams;

import org.apache.kafka.clients.producer.ProducerRecord;

/** Where dead letters go: the {@code <topic>.dlq} topics, or a test's list. */
@FunctionalInterface
public interface DeadLetterSink {

    /** Writes the record and returns once it is stored; throws when it could not be. */
    void send(ProducerRecord<byte[], byte[]> deadLetter);
}
