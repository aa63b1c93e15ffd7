package io.supportsla.notification.kafka;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.supportsla.schemas.Topic;
import io.supportsla.schemas.Topics;
import io.supportsla.serde.KafkaAvroDeserializer;
import io.supportsla.serde.registry.SchemaRegistryException;
import io.supportsla.serde.registry.SchemaRegistryUnreachableException;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Reads a cause from the bytes as received (the listener keeps them, so a dead-lettered cause is
 * the record exactly as it arrived) into the topic's generated envelope class. The record key must
 * be the envelope's case number (the topic contract): a record without one, or keyed as another
 * case, is refused rather than notified about.
 */
public final class CauseDecoder {

    /** The topics this service consumes and their envelope types. */
    static final Map<String, Topic<?>> CAUSE_TOPICS = Map.of(
            Topics.CASE_EVENTS.name(), Topics.CASE_EVENTS,
            Topics.SLA_EVENTS.name(), Topics.SLA_EVENTS,
            Topics.ESCALATION_EVENTS.name(), Topics.ESCALATION_EVENTS);

    private final KafkaAvroDeserializer deserializer;

    /** @param deserializer configured with {@code specific.avro.reader=true} */
    public CauseDecoder(KafkaAvroDeserializer deserializer) {
        this.deserializer = deserializer;
    }

    /**
     * @return the envelope, or null for a tombstone
     * @throws UndecodableCauseException when the record cannot be read as its topic's envelope
     * @throws org.apache.kafka.common.errors.SerializationException when the registry cannot be reached
     *         or fails (worth retrying, not dead-lettering)
     */
    public Object decode(ConsumerRecord<byte[], byte[]> record) {
        if (record.value() == null) {
            return null;
        }
        Topic<?> topic = CAUSE_TOPICS.get(record.topic());
        if (topic == null) {
            throw new UndecodableCauseException("Not a topic this service reads: " + record.topic(), null);
        }
        Object value;
        try {
            value = deserializer.deserialize(record.topic(), record.headers(), record.value());
        } catch (SchemaRegistryUnreachableException unreachable) {
            throw unreachable;
        } catch (SchemaRegistryException registry) {
            if (registry.httpStatus() >= 500) {
                throw registry;
            }
            throw new UndecodableCauseException("Cannot read " + record.topic() + " record: " + registry.getMessage(), registry);
        } catch (RuntimeException unreadable) {
            throw new UndecodableCauseException("Cannot read " + record.topic() + " record: " + unreadable.getMessage(), unreadable);
        }
        if (!topic.valueType().isInstance(value)) {
            throw new UndecodableCauseException("Expected " + topic.valueType().getSimpleName() + " on " + record.topic()
                    + " but read " + (value == null ? "null" : value.getClass().getName()), null);
        }
        requireKeyIsCaseNumber(record, (SpecificRecord) value);
        return value;
    }

    private static void requireKeyIsCaseNumber(ConsumerRecord<byte[], byte[]> record, SpecificRecord envelope) {
        Object caseNumber = envelope.get(envelope.getSchema().getField("caseNumber").pos());
        if (caseNumber == null || caseNumber.toString().isBlank()) {
            throw new UndecodableCauseException("The " + record.topic() + " record names no case", null);
        }
        String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
        if (!caseNumber.toString().equals(key)) {
            throw new UndecodableCauseException("The " + record.topic() + " record's key '" + key
                    + "' differs from its case number '" + caseNumber + "'", null);
        }
    }

    /** A record that will never be readable: it goes to the dead-letter topic. */
    public static final class UndecodableCauseException extends RuntimeException {
        public UndecodableCauseException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
