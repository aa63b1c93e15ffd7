package io.supportsla.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;

/** Which schema a Java value is written with, and how, as Confluent's serializer does it. */
final class AvroSchemas {

    private AvroSchemas() {}

    /** The record's own schema, or the primitive schema of a boxed primitive, string or byte array. */
    static Schema schemaOf(Object value) {
        if (value instanceof GenericContainer container) {
            return container.getSchema();
        }
        Schema.Type type;
        if (value instanceof CharSequence) {
            type = Schema.Type.STRING;
        } else if (value instanceof Integer) {
            type = Schema.Type.INT;
        } else if (value instanceof Long) {
            type = Schema.Type.LONG;
        } else if (value instanceof Boolean) {
            type = Schema.Type.BOOLEAN;
        } else if (value instanceof Double) {
            type = Schema.Type.DOUBLE;
        } else if (value instanceof Float) {
            type = Schema.Type.FLOAT;
        } else if (value instanceof byte[] || value instanceof ByteBuffer) {
            type = Schema.Type.BYTES;
        } else {
            throw new SerializationException("Cannot serialize " + value.getClass().getName()
                    + " as Avro: pass a GenericRecord, a generated SpecificRecord, or a String, Integer, Long, Boolean,"
                    + " Float, Double or byte[]");
        }
        return Schema.create(type);
    }

    /** Appends the Avro binary encoding of {@code value} written with {@code schema}. */
    @SuppressWarnings("unchecked")
    static void write(Object value, Schema schema, ByteArrayOutputStream out) throws IOException {
        Object datum = value instanceof byte[] bytes ? ByteBuffer.wrap(bytes) : value;
        DatumWriter<Object> writer = value instanceof SpecificRecord
                ? new SpecificDatumWriter<>(schema, SpecificData.getForClass((Class<Object>) value.getClass()))
                : new GenericDatumWriter<>(schema, GenericData.get());
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
        writer.write(datum, encoder);
        encoder.flush();
    }

    /**
     * Re-shapes {@code value} (of schema {@code from}) into a datum of schema {@code to}, by Avro's
     * schema resolution, so that it can be written with {@code to} (use.latest.version).
     */
    static Object convert(Object value, Schema from, Schema to, String context) {
        SchemaCompatibility.SchemaPairCompatibility compatibility = SchemaCompatibility.checkReaderWriterCompatibility(to, from);
        if (compatibility.getType() != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
            throw new SerializationException(context + ": the latest schema cannot hold records of schema "
                    + from.getFullName() + ": " + compatibility.getDescription());
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            write(value, from, out);
            return new GenericDatumReader<>(from, to, GenericData.get())
                    .read(null, DecoderFactory.get().binaryDecoder(out.toByteArray(), null));
        } catch (IOException | RuntimeException e) {
            throw new SerializationException(context + ": cannot convert the record to the latest schema: " + e.getMessage(), e);
        }
    }
}
