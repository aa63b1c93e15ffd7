package io.supportsla.sla.streams;

import io.supportsla.schemas.cases.CaseEvent;
import io.supportsla.serde.registry.SchemaRegistryException;
import io.supportsla.serde.registry.SchemaRegistryUnreachableException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads a {@code support.case-events} record's raw bytes: the key as a UTF-8 case number, the value
 * as a Confluent wire-format Avro {@link CaseEvent}. Tells a record that can never be read
 * ({@link UndecodableCaseEventException}, dead-lettered) from a failure that may pass, such as an
 * unreachable registry (rethrown, so the task retries from its last commit).
 */
public final class CaseEventDecoder {

    private final Deserializer<Object> valueDeserializer;

    /** @param valueDeserializer a specific-record Avro deserializer (specific.avro.reader=true) */
    public CaseEventDecoder(Deserializer<Object> valueDeserializer) {
        this.valueDeserializer = Objects.requireNonNull(valueDeserializer, "valueDeserializer");
    }

    public String decodeKey(byte[] key) {
        if (key == null || key.length == 0) {
            throw new UndecodableCaseEventException("record has no key (expected the case number)");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(key))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new UndecodableCaseEventException("record key is not UTF-8 text (expected the case number)", e);
        }
    }

    public CaseEvent decodeValue(String topic, byte[] value) {
        if (value == null) {
            throw new UndecodableCaseEventException("record has no value");
        }
        Object decoded;
        try {
            decoded = valueDeserializer.deserialize(topic, value);
        } catch (SchemaRegistryUnreachableException e) {
            throw e;
        } catch (SchemaRegistryException e) {
            if (e.isNotFound()) {
                throw new UndecodableCaseEventException("the record's schema is unknown to the registry: " + e.getMessage(), e);
            }
            throw e;
        } catch (SerializationException e) {
            if (hasCause(e, SecurityException.class)) {
                throw e; // a deployment fault (Avro's trusted packages), not a bad record
            }
            throw new UndecodableCaseEventException("not a readable Avro record: " + e.getMessage(), e);
        }
        if (!(decoded instanceof CaseEvent event)) {
            throw new UndecodableCaseEventException("expected a " + CaseEvent.class.getName() + " but the record holds "
                    + (decoded == null ? "null" : decoded.getClass().getName()));
        }
        return event;
    }

    private static boolean hasCause(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }
}
