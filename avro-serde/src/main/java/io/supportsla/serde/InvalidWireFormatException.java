package io.supportsla.serde;

import org.apache.kafka.common.errors.SerializationException;

/**
 * The bytes of a record are not in the Confluent wire format (magic byte 0, 4-byte big-endian
 * schema id, Avro binary): a wrong first byte or fewer than five bytes. Typically JSON or plain
 * Avro written by another producer to the same topic.
 */
public class InvalidWireFormatException extends SerializationException {

    public InvalidWireFormatException(String message) {
        super(message);
    }
}
