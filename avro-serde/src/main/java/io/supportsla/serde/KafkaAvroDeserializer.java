package io.supportsla.serde;

import io.supportsla.serde.registry.SchemaRegistryClient;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Kafka deserializer reading Avro in the Confluent wire format: a drop-in for
 * {@code io.confluent.kafka.serializers.KafkaAvroDeserializer} with the same configuration keys
 * (see {@link AvroSerdeConfig}). The writer's schema is fetched from the registry by the id in
 * the record (and cached). Records come back as {@code GenericRecord}, or, with
 * {@code specific.avro.reader=true}, as the generated class named like the writer schema, read
 * with that class's own schema; primitive schemas give String, Integer, Long, Boolean, Float,
 * Double or byte[].
 *
 * <p>Avro 1.12 instantiates generated classes only from trusted packages: the JVM system property
 * {@code org.apache.avro.SERIALIZABLE_PACKAGES} must name them (see {@link #TRUSTED_PACKAGES_PROPERTY}).
 */
public class KafkaAvroDeserializer implements Deserializer<Object> {

    /** Avro's system property listing the packages whose classes it may instantiate. */
    public static final String TRUSTED_PACKAGES_PROPERTY = "org.apache.avro.SERIALIZABLE_PACKAGES";

    private SchemaRegistryClient client;
    private boolean isKey;
    private boolean specificAvroReader;
    // Own instance, so that class look-ups (and Avro's trust check) are not shared with other users of SpecificData.get().
    private final SpecificData classFinder = new SpecificData();
    private final Map<Integer, DatumReader<Object>> readersBySchemaId = new ConcurrentHashMap<>();

    /** For Kafka to instantiate by class name; {@link #configure} must be called before use. */
    public KafkaAvroDeserializer() {}

    /** Uses this registry client; {@code schema.registry.url} is then optional and the defaults apply until {@link #configure}. */
    public KafkaAvroDeserializer(SchemaRegistryClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    /** Uses this registry client, configured as by {@link #configure}. */
    public KafkaAvroDeserializer(SchemaRegistryClient client, Map<String, ?> configs, boolean isKey) {
        this(client);
        configure(configs, isKey);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        AvroSerdeConfig config = new AvroSerdeConfig(configs, client == null);
        this.isKey = isKey;
        this.specificAvroReader = config.specificAvroReader();
        this.readersBySchemaId.clear();
        if (client == null) {
            client = config.createClient();
        }
    }

    @Override
    public Object deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        if (client == null) {
            throw new IllegalStateException("KafkaAvroDeserializer is not configured: call configure() or pass a SchemaRegistryClient");
        }
        int id = ConfluentWireFormat.schemaId(data, topic);
        Schema writerSchema = client.getSchemaById(id);
        DatumReader<Object> reader = readerFor(id, writerSchema, topic);
        Object value;
        try {
            value = reader.read(null, DecoderFactory.get().binaryDecoder(
                    data, ConfluentWireFormat.HEADER_SIZE, data.length - ConfluentWireFormat.HEADER_SIZE, null));
        } catch (SecurityException e) {
            throw untrustedClass(e, writerSchema, id, topic);
        } catch (IOException | AvroRuntimeException | IndexOutOfBoundsException | ClassCastException e) {
            throw new SerializationException("Cannot decode Avro " + what() + " of topic " + topic + " with writer schema id "
                    + id + " (" + writerSchema.getFullName() + "): " + e, e);
        }
        return unwrapPrimitive(value, writerSchema);
    }

    private DatumReader<Object> readerFor(int id, Schema writerSchema, String topic) {
        DatumReader<Object> reader = readersBySchemaId.get(id);
        if (reader == null) {
            reader = newReader(id, writerSchema, topic);
            readersBySchemaId.put(id, reader);
        }
        return reader;
    }

    @SuppressWarnings("unchecked")
    private DatumReader<Object> newReader(int id, Schema writerSchema, String topic) {
        if (!specificAvroReader || writerSchema.getType() != Schema.Type.RECORD) {
            return new GenericDatumReader<>(writerSchema, writerSchema, GenericData.get());
        }
        Class<?> generated;
        try {
            generated = classFinder.getClass(writerSchema);
        } catch (SecurityException e) {
            throw untrustedClass(e, writerSchema, id, topic);
        }
        if (generated == null || !SpecificRecord.class.isAssignableFrom(generated)) {
            throw new SerializationException("specific.avro.reader=true but no generated class " + writerSchema.getFullName()
                    + " is on the classpath (writer schema id " + id + ", topic " + topic
                    + "): generate it from the schema, or set specific.avro.reader=false to read GenericRecord");
        }
        SpecificData model = SpecificData.getForClass((Class<Object>) generated);
        return new SpecificDatumReader<>(writerSchema, model.getSchema(generated), model);
    }

    private SerializationException untrustedClass(SecurityException e, Schema writerSchema, int id, String topic) {
        String className = forbiddenClassName(e, writerSchema.getFullName());
        int lastDot = className.lastIndexOf('.');
        String suggestion = lastDot > 0 ? className.substring(0, lastDot) : className;
        String current = System.getProperty(TRUSTED_PACKAGES_PROPERTY);
        return new SerializationException("Avro refused to instantiate generated class " + className + " (writer schema id "
                + id + ", topic " + topic + "): Avro 1.12 only instantiates classes from trusted packages. Name the package"
                + " in the JVM system property " + TRUSTED_PACKAGES_PROPERTY + " (comma-separated), e.g. -D"
                + TRUSTED_PACKAGES_PROPERTY + "=" + suggestion + ". Avro reads it once, when its classes load, so set it at"
                + " JVM start (the java command line, or surefire/failsafe systemPropertyVariables), not later in code."
                + " Current value: " + (current == null ? "unset" : "'" + current + "'") + ".", e);
    }

    /** Avro's message reads "Forbidden a.b.C! This class is not trusted ..."; fall back to the schema's name. */
    private static String forbiddenClassName(SecurityException e, String fallback) {
        String message = e.getMessage();
        if (message != null && message.startsWith("Forbidden ") && message.indexOf('!') > 10) {
            return message.substring("Forbidden ".length(), message.indexOf('!'));
        }
        return fallback;
    }

    /** As Confluent's deserializer: strings come back as String and bytes as byte[], not Utf8 and ByteBuffer. */
    private static Object unwrapPrimitive(Object value, Schema writerSchema) {
        if (writerSchema.getType() == Schema.Type.STRING && value instanceof CharSequence text) {
            return text.toString();
        }
        if (writerSchema.getType() == Schema.Type.BYTES && value instanceof ByteBuffer buffer) {
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        }
        return value;
    }

    private String what() {
        return isKey ? "key" : "value";
    }

    @Override
    public void close() {
        readersBySchemaId.clear();
    }
}
