package io.supportsla.serde;

import java.nio.ByteBuffer;
import java.util.Locale;

/**
 * The Confluent wire format of a Kafka key or value: byte 0 is the magic byte {@code 0x00},
 * bytes 1 to 4 the schema's registry id as a big-endian int, then the datum in Avro binary
 * encoding (no Avro container header).
 */
public final class ConfluentWireFormat {

    public static final byte MAGIC_BYTE = 0x0;
    public static final int SCHEMA_ID_SIZE = 4;
    /** Bytes before the Avro payload. */
    public static final int HEADER_SIZE = 1 + SCHEMA_ID_SIZE;

    private ConfluentWireFormat() {}

    /**
     * Reads the schema id of a record in the wire format.
     *
     * @throws InvalidWireFormatException if the record is shorter than the header or its first byte is not 0
     */
    public static int schemaId(byte[] record, String topic) {
        if (record.length < HEADER_SIZE) {
            throw new InvalidWireFormatException("Record of " + record.length + (record.length == 1 ? " byte" : " bytes")
                    + " is too short for Confluent wire format, which needs " + HEADER_SIZE
                    + " header bytes (magic byte 0x00 and a 4-byte schema id) (topic " + topic + ")");
        }
        if (record[0] != MAGIC_BYTE) {
            throw new InvalidWireFormatException(String.format(Locale.ROOT,
                    "Unknown magic byte 0x%02x at offset 0: not Confluent wire format (topic %s)", record[0] & 0xff, topic));
        }
        return ByteBuffer.wrap(record, 1, SCHEMA_ID_SIZE).getInt();
    }

    /** The five header bytes for a datum written with the schema of this id. */
    public static byte[] header(int schemaId) {
        return ByteBuffer.allocate(HEADER_SIZE).put(MAGIC_BYTE).putInt(schemaId).array();
    }
}
